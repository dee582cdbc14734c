namespace Sightline.Procurement;

/// <summary>
/// A consortium member or sub-contractor a bidder relies on in one case. The Act lets the bidder replace one instead of
/// being excluded because of it: a replaced person keeps its record but no longer counts.
/// </summary>
public sealed class AssociatedPerson
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The case.</summary>
    public int CaseId { get; set; }

    /// <summary>The supplier (a bidder on the case).</summary>
    public int SupplierId { get; set; }

    /// <summary>The person's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What it does for the bidder (e.g. sub-contractor, consortium member).</summary>
    public string Role { get; set; } = "";

    /// <summary>The day it was replaced, and why.</summary>
    public DateOnly? ReplacedOn { get; set; }

    /// <summary>Why it was replaced.</summary>
    public string? ReplacedBecause { get; set; }

    /// <summary>The associated person who replaced it.</summary>
    public int? ReplacedById { get; set; }
}
