using Sightline.Knowledge;

namespace Sightline.Risk;

/// <summary>
/// Which designations, concerns and vulnerabilities attach to a device whose platform maker is known, in its
/// system's use. Designations cover the maker by name, through its corporate group when the listing takes in
/// affiliates, or by country; one limited to purposes applies only when the system has one of them (the
/// sensitive-site purpose comes from the system's flag). Concerns about any company in the maker's group
/// are reported. Vulnerabilities need the model to match and the firmware to fall in the affected range.
/// </summary>
public static class RiskAssessor
{
    /// <summary>Every finding for the device, by dimension; within one, those that apply first, exploited vulnerabilities first.</summary>
    public static List<RiskFinding> Assess(KnowledgeBase knowledge, Maker? maker, string? model, string? firmware, SystemUse use)
    {
        var findings = new List<RiskFinding>();
        if (maker is null)
        {
            return findings;
        }
        foreach (var designation in knowledge.Designations.Where(d => d.Covers(maker)))
        {
            findings.Add(Designation(designation, maker, use));
        }
        foreach (var concern in knowledge.Concerns.Where(c => c.Maker.SameGroup(maker)))
        {
            var about = concern.Maker == maker ? "" : $" (about {concern.Maker.Name}, in the same group)";
            var reply = concern.Response.Length > 0 ? $" {concern.Maker.Name}'s response: {concern.Response}" : $" No published response from {concern.Maker.Name} is on record.";
            findings.Add(new RiskFinding(DimensionOf(concern.Dimension), "concern", concern.Id, $"{concern.Title} — {concern.Publisher}, {concern.Date?.Text}",
                concern.Summary + reply, true, $"a finding about {maker.Name}'s group{about}", false, concern.Provenance));
        }
        var version = FirmwareVersion.Parse(firmware);
        foreach (var vulnerability in knowledge.Vulnerabilities.Where(v => v.Maker.SameGroup(maker)))
        {
            if (Vulnerability(vulnerability, model, version) is { } finding)
            {
                findings.Add(finding);
            }
        }
        return [.. findings
            .OrderBy(f => f.Dimension)
            .ThenBy(f => f.Applies switch { true => 0, null => 1, false => 2 })
            .ThenByDescending(f => f.Kev)
            .ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>The dimensions in which at least one finding applies.</summary>
    public static RiskDimension Flags(IEnumerable<RiskFinding> findings) =>
        findings.Where(f => f.Applies == true).Aggregate(RiskDimension.None, (flags, f) => flags | f.Dimension);

    /// <summary>Every dimension, in the order people read them (and exports write their columns).</summary>
    public static readonly IReadOnlyList<RiskDimension> Dimensions =
        [RiskDimension.HumanRights, RiskDimension.SecurityTrust, RiskDimension.CyberHygiene];

    /// <summary>The words for a dimension.</summary>
    public static string Words(RiskDimension dimension) => dimension switch
    {
        RiskDimension.HumanRights => "human rights and ethics",
        RiskDimension.SecurityTrust => "security and trust",
        RiskDimension.CyberHygiene => "cyber hygiene",
        _ => dimension.ToString(),
    };

    /// <summary>The short word users type for a dimension (human-rights, security, cyber).</summary>
    public static RiskDimension? Parse(string word) => word.ToLowerInvariant() switch
    {
        "human-rights" or "ethics" => RiskDimension.HumanRights,
        "security" or "trust" => RiskDimension.SecurityTrust,
        "cyber" or "cyber-hygiene" or "vulnerabilities" => RiskDimension.CyberHygiene,
        _ => null,
    };

    private static RiskFinding Designation(Designation designation, Maker maker, SystemUse use)
    {
        var who = designation.Entity is { } entity
            ? entity == maker ? maker.Name : $"{entity.Name} and its affiliates, which include {maker.Name}"
            : $"companies incorporated in {designation.Country}, as {maker.Name}'s group is";
        var title = $"{designation.List} ({designation.Jurisdiction})";
        var detail = $"{designation.Effect}. {designation.Summary}".Trim();
        bool? applies;
        string why;
        if (designation.Removed is { } removed)
        {
            (applies, why) = (false, $"removed on {removed.Text}");
        }
        else if (designation.Purposes.Count == 0)
        {
            (applies, why) = (true, $"covers {who}, for any purpose");
        }
        else
        {
            var matched = designation.Purposes.Where(p => p.Id == Purpose.SensitiveSite ? use.SensitiveSite : p.IsIn(use.Purposes)).ToList();
            var scope = string.Join(", ", designation.Purposes.Select(p => p.Label));
            if (matched.Count > 0)
            {
                (applies, why) = (true, $"covers {who} when used for {scope}; this system is used for {string.Join(", ", matched.Select(p => p.Label))}");
            }
            else if (!use.Known)
            {
                (applies, why) = (null, $"covers {who} only when used for {scope}; this device's system and purposes are not recorded");
            }
            else
            {
                (applies, why) = (false, $"covers {who} only when used for {scope}, which this system is not");
            }
        }
        return new RiskFinding(DimensionOf(designation.Dimension), "designation", designation.Id, title, detail, applies, why, false, designation.Provenance);
    }

    private static RiskFinding? Vulnerability(Vulnerability v, string? model, FirmwareVersion? firmware)
    {
        var title = $"{v.Cve}{(v.Kev ? " (CISA known exploited)" : "")}, CVSS {v.Cvss}";
        RiskFinding Finding(bool? applies, string why) =>
            new(RiskDimension.CyberHygiene, "vulnerability", v.Cve, title, v.Summary, applies, why, v.Kev, v.Provenance);
        if (model is null)
        {
            return Finding(null, "the model is not known, so whether it is affected cannot be told");
        }
        if (!v.Models.IsMatch(model))
        {
            return null;
        }
        if (firmware is null)
        {
            return Finding(null, $"model {model} is affected in some firmware versions; this device's firmware is not known");
        }
        var afterFrom = v.AffectedFrom is null ? 0 : firmware.CompareTo(v.AffectedFrom);
        var beforeTo = v.AffectedTo is null ? 0 : v.AffectedTo.CompareTo(firmware);
        var beforeFix = v.FixedIn is null ? -1 : firmware.CompareTo(v.FixedIn);
        if (afterFrom is null || beforeTo is null || beforeFix is null)
        {
            return Finding(null, $"firmware {firmware.Text} cannot be compared with the affected range");
        }
        if (afterFrom >= 0 && beforeTo >= 0 && beforeFix < 0)
        {
            var fix = v.FixedIn is { } f ? $"; fixed in {f.Text}" : "";
            return Finding(true, $"model {model} with firmware {firmware.Text} is in the affected range{fix}");
        }
        return Finding(false, $"firmware {firmware.Text} is outside the affected range");
    }

    private static RiskDimension DimensionOf(string word) =>
        word == "human-rights" ? RiskDimension.HumanRights : RiskDimension.SecurityTrust;
}
