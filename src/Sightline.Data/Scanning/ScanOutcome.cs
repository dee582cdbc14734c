namespace Sightline.Data.Scanning;

/// <summary>What recording a scan did: the scan's id (its audit entry's sequence), one finding per host in the order given, and how many devices went missing.</summary>
public sealed record ScanOutcome(long Scan, IReadOnlyList<ScanFinding> Findings, int Missing)
{
    /// <summary>How many findings the register did this to.</summary>
    public int Count(string action) => Findings.Count(f => f.Register == action);
}
