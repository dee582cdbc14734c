namespace Sightline.Procurement;

/// <summary>
/// What an acceptance check compared (a scan or the installer's list) against the case's specification, and the differences
/// it found (a JSON array of <see cref="AcceptanceDifference"/>).
/// </summary>
public sealed class AcceptanceCheck
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The case.</summary>
    public int CaseId { get; set; }

    /// <summary>What was delivered, in words: "scan 12" or "list installed.csv".</summary>
    public string Source { get; set; } = "";

    /// <summary>How many devices were delivered.</summary>
    public int Delivered { get; set; }

    /// <summary>The differences found, as JSON.</summary>
    public string Differences { get; set; } = "[]";

    /// <summary>The account that recorded the check.</summary>
    public string CheckedBy { get; set; } = "";

    /// <summary>When the check ran.</summary>
    public DateTimeOffset CheckedAt { get; set; }
}
