namespace Sightline.Procurement;

/// <summary>A supplier bidding on a case.</summary>
public sealed class CaseBidder
{
    /// <summary>The case.</summary>
    public int CaseId { get; set; }

    /// <summary>The supplier (a bidder on the case).</summary>
    public int SupplierId { get; set; }

    /// <summary>The day it was recorded as a bidder.</summary>
    public DateOnly Added { get; set; }
}
