using Sightline.Knowledge;

namespace Sightline.Data.Register;

/// <summary>
/// One line of a chart of devices by platform maker, counted exactly as <see cref="DeviceFilter.Maker"/> lists them for
/// <see cref="Filter"/>: a maker with the companies it owns ("Hikvision (with its group)" when EZVIZ devices are among
/// them), and "unknown maker" for devices no evidence identified. So a chart's number and the list it links to are one set.
/// </summary>
public sealed record MakerTally(string Label, string Filter, int Count)
{
    /// <summary>What `--maker` takes for devices whose platform maker is not known.</summary>
    public const string Unknown = "unknown";

    /// <summary>The lines for these counts of devices by platform maker id, largest first, and the unidentified last.</summary>
    public static List<MakerTally> Of(KnowledgeBase knowledge, IReadOnlyDictionary<string, int> byPlatform, int unidentified)
    {
        var makers = byPlatform.Keys.Select(id => knowledge.Makers.GetValueOrDefault(id)).OfType<Maker>().ToList();
        var tallies = makers.Select(m => Head(m, byPlatform)).Distinct().Select(head =>
        {
            var members = makers.Where(m => m.Chain().Contains(head)).ToList();
            var label = members.Any(m => m != head) ? $"{head.Name} (with its group)" : head.Name;
            return new MakerTally(label, head.Id, members.Sum(m => byPlatform[m.Id]));
        }).OrderByDescending(t => t.Count).ThenBy(t => t.Label, StringComparer.Ordinal).ToList();
        if (unidentified > 0)
        {
            tallies.Add(new MakerTally("unknown maker", Unknown, unidentified));
        }
        return tallies;
    }

    /// <summary>
    /// The highest company above a platform (or the platform itself) that is itself the platform of some devices: its bar.
    /// So EZVIZ joins Hikvision's bar, while Axis keeps its own when no device is Canon's.
    /// </summary>
    private static Maker Head(Maker maker, IReadOnlyDictionary<string, int> byPlatform) => maker.Chain().Last(m => byPlatform.ContainsKey(m.Id));
}
