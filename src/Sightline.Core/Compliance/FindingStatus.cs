namespace Sightline.Compliance;

/// <summary>What the register shows for one finding or principle. Its word (met, attention, not-evidenced) is what JSON and the web print.</summary>
public enum FindingStatus
{
    /// <summary>The register holds the evidence and it shows the principle met.</summary>
    Met,
    /// <summary>The register shows something that needs attention (a device at risk, a review overdue).</summary>
    Attention,
    /// <summary>The register does not hold what would show the principle met (nothing recorded).</summary>
    NotEvidenced,
}
