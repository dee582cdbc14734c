using Sightline.Knowledge;

namespace Sightline.Web.Scans;

/// <summary>
/// One host a scan found, as the Scans page and the API show it: what answered, who made it, what the register did with
/// it (created, updated, unchanged, promoted, not registered…), the device it is, and the scanner's notes.
/// </summary>
public sealed record ScanFinding(string Address, string? Mac, IReadOnlyList<int> OpenPorts, string? PlatformId, string? Platform, string ConfidenceWord,
    string? Brand, string? Model, string? DeviceClass, bool WhiteLabel, string Register, int? DeviceId, IReadOnlyList<string> Notes)
{
    /// <summary>A stored finding as shown.</summary>
    public static ScanFinding Of(Data.Scanning.ScanFinding stored, KnowledgeBase knowledge) =>
        new(stored.Address, stored.Mac, stored.OpenPorts.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(), stored.Platform,
            stored.Platform is { } id ? knowledge.Makers.GetValueOrDefault(id)?.Name ?? id : null, Identification.Identifier.ConfidenceWord(stored.Confidence),
            stored.Brand, stored.Model, stored.DeviceClass, stored.WhiteLabel, stored.Register, stored.DeviceId, stored.ReadNotes());
}
