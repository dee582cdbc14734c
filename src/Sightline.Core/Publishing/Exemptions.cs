using System.Text.RegularExpressions;

namespace Sightline.Publishing;

/// <summary>
/// What the Freedom of Information Act exemptions that bodies cite for camera locations and suppliers protect, so the
/// public page can say why in plain words next to the section the organisation recorded.
/// </summary>
public static partial class Exemptions
{
    private static readonly Dictionary<string, string> Protects = new(StringComparer.Ordinal)
    {
        ["23"] = "information supplied by, or relating to, security bodies",
        ["24"] = "national security",
        ["31"] = "law enforcement: the prevention or detection of crime",
        ["38"] = "health and safety",
        ["40"] = "personal information",
        ["41"] = "information provided in confidence",
        ["43"] = "commercial interests",
    };

    /// <summary>The recorded basis with what it protects, e.g. "FOIA s.31(1)(a) (law enforcement: …)"; the basis alone when its section is not one of the usual.</summary>
    public static string Explain(string basis)
    {
        var section = Section().Match(basis);
        return section.Success && Protects.TryGetValue(section.Groups[1].Value, out var what) ? $"{basis} ({what})" : basis;
    }

    [GeneratedRegex(@"\bs(?:ection|\.)?\s*(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Section();
}
