namespace Sightline.Publishing;

/// <summary>
/// A location as published: the register's coordinates rounded to the precision its rule allows. Rounding to a fixed
/// grid (decimal places of a degree) rather than adding noise means every publication of the same device gives the same
/// point, so comparing versions of the open data never narrows it down.
/// </summary>
public static class PublishedLocation
{
    /// <summary>The coordinates to publish, or null when none may be (hidden, or the register has none).</summary>
    public static (double Latitude, double Longitude)? Of(LocationLevel level, double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon)
        {
            return null;
        }
        return level switch
        {
            LocationLevel.Exact => (lat, lon),
            LocationLevel.Street => (Math.Round(lat, 3, MidpointRounding.AwayFromZero), Math.Round(lon, 3, MidpointRounding.AwayFromZero)),
            LocationLevel.Area => (Math.Round(lat, 2, MidpointRounding.AwayFromZero), Math.Round(lon, 2, MidpointRounding.AwayFromZero)),
            _ => null,
        };
    }

    /// <summary>The precision in words for the public: "exact", "to about 100 m", "to about 1 km", "withheld".</summary>
    public static string Describe(LocationLevel level) => level switch
    {
        LocationLevel.Exact => "exact",
        LocationLevel.Street => "to about 100 m",
        LocationLevel.Area => "to about 1 km",
        _ => "withheld",
    };
}
