namespace Sightline.Procurement;

/// <summary>The authority's decision on a bidder with its reasons; a later decision replaces an earlier one (both stay on the audit log).</summary>
public sealed class ExclusionDecision
{
    /// <summary>The case.</summary>
    public int CaseId { get; set; }

    /// <summary>The supplier (a bidder on the case).</summary>
    public int SupplierId { get; set; }

    /// <summary>The decision.</summary>
    public ExclusionOutcome Outcome { get; set; }

    /// <summary>Why: required for every decision.</summary>
    public string Reasons { get; set; } = "";

    /// <summary>The account that recorded the decision.</summary>
    public string DecidedBy { get; set; } = "";

    /// <summary>The day of the decision.</summary>
    public DateOnly DecidedOn { get; set; }
}
