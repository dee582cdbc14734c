namespace Sightline.OpenStreetMap;

/// <summary>
/// The register against the map: pairs of a registered and a mapped camera at most <see cref="Within"/> metres apart
/// (each camera in at most one pair, the closest pairs first), the registered cameras left over (not on the map) and the
/// mapped ones left over (not in the register).
/// </summary>
public sealed record Reconciliation(double Within, IReadOnlyList<CameraMatch> Matches, IReadOnlyList<RegisteredCamera> NotMapped,
    IReadOnlyList<MappedCamera> NotRegistered)
{
    /// <summary>The default distance within which a mapped camera is taken for a registered one.</summary>
    public const double DefaultWithin = 25;

    /// <summary>The largest distance one may ask for: past it, pairs say nothing about being the same camera.</summary>
    public const double MaxWithin = 1_000;

    private const double EarthRadius = 6_371_008.8;

    /// <summary>
    /// Reconciles <paramref name="registered"/> with <paramref name="mapped"/>. Candidate pairs are found through a grid of
    /// cells <paramref name="within"/> metres high, so thousands of cameras on each side cost a look at their neighbours only;
    /// the pairs are then taken shortest first, which makes the one-to-one choice the same whatever order the inputs came in.
    /// </summary>
    public static Reconciliation Of(IReadOnlyList<RegisteredCamera> registered, IReadOnlyList<MappedCamera> mapped, double within)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(within);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(within, MaxWithin);
        var cell = within / EarthRadius * 180 / Math.PI; // degrees of latitude in `within` metres
        var grid = new Dictionary<(long, long), List<int>>();
        for (var i = 0; i < mapped.Count; i++)
        {
            var key = Cell(mapped[i].Latitude, mapped[i].Longitude, cell);
            if (!grid.TryGetValue(key, out var list))
            {
                grid[key] = list = [];
            }
            list.Add(i);
        }
        var pairs = new List<(double Metres, int Device, int Mapped)>();
        for (var d = 0; d < registered.Count; d++)
        {
            var camera = registered[d];
            var (row, column) = Cell(camera.Latitude, camera.Longitude, cell);
            // A cell is `within` high but narrower in metres away from the equator, so look as many columns wide as it takes.
            var span = (long)Math.Ceiling(1 / Math.Max(Math.Cos(camera.Latitude * Math.PI / 180), 1e-6));
            for (var r = row - 1; r <= row + 1; r++)
            {
                for (var c = column - span; c <= column + span; c++)
                {
                    if (!grid.TryGetValue((r, c), out var near))
                    {
                        continue;
                    }
                    foreach (var m in near)
                    {
                        var metres = Metres(camera.Latitude, camera.Longitude, mapped[m].Latitude, mapped[m].Longitude);
                        if (metres <= within)
                        {
                            pairs.Add((metres, d, m));
                        }
                    }
                }
            }
        }
        pairs.Sort();
        var deviceTaken = new bool[registered.Count];
        var mappedTaken = new bool[mapped.Count];
        var matches = new List<CameraMatch>();
        foreach (var (metres, d, m) in pairs)
        {
            if (deviceTaken[d] || mappedTaken[m])
            {
                continue;
            }
            deviceTaken[d] = mappedTaken[m] = true;
            matches.Add(new CameraMatch(registered[d], mapped[m], metres));
        }
        matches.Sort((a, b) => a.Device.DeviceId.CompareTo(b.Device.DeviceId));
        return new Reconciliation(within, matches,
            [.. registered.Where((_, i) => !deviceTaken[i]).OrderBy(c => c.DeviceId)],
            [.. mapped.Where((_, i) => !mappedTaken[i])]);
    }

    /// <summary>The great-circle distance in metres between two WGS 84 points (haversine on a sphere of the Earth's mean radius).</summary>
    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static (long Row, long Column) Cell(double latitude, double longitude, double cell) =>
        ((long)Math.Floor(latitude / cell), (long)Math.Floor(longitude / cell));
}
