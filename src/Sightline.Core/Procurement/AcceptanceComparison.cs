using System.Globalization;
using Sightline.Knowledge;
using Sightline.Risk;

namespace Sightline.Procurement;

/// <summary>
/// Compares what was delivered with a case's approved specification. A device matches a specification line when its
/// platform maker (from identification, not the brand on its label) and model are the line's. Devices that match no line
/// fill the lines' shortfall as substitutes, in the specification's order; the rest are extra; what is still short is
/// missing. Independently of the lines, devices made on an excluded platform (white-labelled or not) and firmware with a
/// CISA known-exploited vulnerability are reported.
/// </summary>
public static class AcceptanceComparison
{
    /// <summary>Every difference, in the order: missing, substitute, extra, firmware, excluded-maker, white-label, exploited.</summary>
    public static List<AcceptanceDifference> Compare(KnowledgeBase knowledge, IReadOnlyList<SpecificationItem> specification,
        IReadOnlyList<DeliveredDevice> delivered, IReadOnlyCollection<string> excludedMakers)
    {
        var matched = specification.ToDictionary(s => s, _ => new List<DeliveredDevice>());
        var unspecified = new List<DeliveredDevice>();
        foreach (var device in delivered)
        {
            var line = specification.FirstOrDefault(s => device.Platform == s.Maker && string.Equals(device.Model, s.Model, StringComparison.OrdinalIgnoreCase));
            if (line is null)
            {
                unspecified.Add(device);
            }
            else
            {
                matched[line].Add(device);
            }
        }
        var missing = new List<AcceptanceDifference>();
        var substitutes = new List<AcceptanceDifference>();
        var extra = new List<AcceptanceDifference>();
        var firmware = new List<AcceptanceDifference>();
        var queue = new Queue<DeliveredDevice>(unspecified.OrderBy(d => Describe(knowledge, d), StringComparer.Ordinal));
        foreach (var line in specification)
        {
            var got = matched[line];
            var name = $"{MakerName(knowledge, line.Maker)} {line.Model}";
            if (got.Count > line.Count)
            {
                extra.Add(new("extra", got.Count - line.Count, $"{Count(got.Count - line.Count)} {name} more than the {Count(line.Count)} specified"));
            }
            var shortBy = line.Count - got.Count;
            var taken = new List<DeliveredDevice>();
            while (shortBy > 0 && queue.Count > 0)
            {
                taken.Add(queue.Dequeue());
                shortBy--;
            }
            foreach (var group in taken.GroupBy(d => Describe(knowledge, d), StringComparer.Ordinal))
            {
                substitutes.Add(new("substitute", group.Count(), $"{Count(group.Count())} {group.Key} delivered in place of {name}"));
            }
            if (shortBy > 0)
            {
                missing.Add(new("missing", shortBy, $"{Count(shortBy)} of the {Count(line.Count)} {name} specified not delivered"));
            }
            if (line.Firmware is { } wanted)
            {
                foreach (var group in got.Where(d => !string.Equals(d.Firmware?.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                    .GroupBy(d => d.Firmware ?? "unknown firmware", StringComparer.Ordinal))
                {
                    firmware.Add(new("firmware", group.Count(), $"{Count(group.Count())} {name} on {group.Key}, not the {wanted} specified"));
                }
            }
        }
        foreach (var group in queue.GroupBy(d => Describe(knowledge, d), StringComparer.Ordinal))
        {
            extra.Add(new("extra", group.Count(), $"{Count(group.Count())} {group.Key} not in the specification"));
        }
        var excluded = new List<AcceptanceDifference>();
        foreach (var group in delivered.Where(d => d.Platform is { } p && excludedMakers.Contains(p))
            .GroupBy(d => (d.WhiteLabel, Describe(knowledge, d))).OrderBy(g => g.Key.WhiteLabel).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
        {
            var maker = MakerName(knowledge, group.First().Platform!);
            excluded.Add(group.Key.WhiteLabel
                ? new("white-label", group.Count(), $"{Count(group.Count())} {group.Key.Item2}: sold under another brand but made on {maker}'s platform, which the specification excludes")
                : new("excluded-maker", group.Count(), $"{Count(group.Count())} {group.Key.Item2}: made by {maker}, which the specification excludes"));
        }
        var exploited = new List<AcceptanceDifference>();
        foreach (var group in delivered.Where(d => d.Platform is not null && d.Model is not null)
            .GroupBy(d => (d.Platform!, d.Model!, d.Firmware)).OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
        {
            if (!knowledge.Makers.TryGetValue(group.Key.Item1, out var maker))
            {
                continue;
            }
            var kev = RiskAssessor.Assess(knowledge, maker, group.Key.Item2, group.Key.Firmware, SystemUse.Unknown)
                .Where(f => f.Kind == "vulnerability" && f.Kev && f.Applies == true).Select(f => f.Id).ToList();
            if (kev.Count > 0)
            {
                exploited.Add(new("exploited", group.Count(),
                    $"{Count(group.Count())} {maker.Name} {group.Key.Item2} on firmware {group.Key.Firmware ?? "unknown"}: {string.Join(", ", kev)} (CISA known exploited)"));
            }
        }
        return [.. missing, .. substitutes, .. extra, .. firmware, .. excluded, .. exploited];
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture) + " ×";

    private static string MakerName(KnowledgeBase knowledge, string id) => knowledge.Makers.TryGetValue(id, out var maker) ? maker.Name : id;

    // "ANNKE I91BN (platform: Hikvision)", or the brand alone when it is the platform's own.
    private static string Describe(KnowledgeBase knowledge, DeliveredDevice d)
    {
        var platform = d.Platform is null ? "platform unknown" : MakerName(knowledge, d.Platform);
        var brand = d.Brand ?? platform;
        var model = d.Model ?? "unknown model";
        return string.Equals(brand, platform, StringComparison.OrdinalIgnoreCase) ? $"{brand} {model}" : $"{brand} {model} (platform: {platform})";
    }
}
