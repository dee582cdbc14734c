namespace Sightline.Web.Scans;

/// <summary>One host a web scan found: what answered, who made it, and what the register did with it (created, updated, unchanged, skipped…).</summary>
public sealed record ScanFinding(string Address, string? Mac, IReadOnlyList<int> OpenPorts, string? PlatformId, string? Platform, string ConfidenceWord,
    string? Brand, string? Model, string? DeviceClass, bool WhiteLabel, string Register, int? DeviceId);
