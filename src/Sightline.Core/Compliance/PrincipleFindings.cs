namespace Sightline.Compliance;

/// <summary>What the register shows about one principle for one system.</summary>
public sealed record PrincipleFindings(int SystemId, string System, Principle Principle, IReadOnlyList<RegisterFinding> Findings)
{
    /// <summary>
    /// Attention when any finding needs it; otherwise not evidenced when any finding is (or there is none, as for the
    /// principles the register holds nothing about); met when every finding is.
    /// </summary>
    public FindingStatus Status =>
        Findings.Any(f => f.Status == FindingStatus.Attention) ? FindingStatus.Attention
        : Findings.Count == 0 || Findings.Any(f => f.Status == FindingStatus.NotEvidenced) ? FindingStatus.NotEvidenced
        : FindingStatus.Met;
}
