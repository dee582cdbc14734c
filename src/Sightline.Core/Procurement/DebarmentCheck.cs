namespace Sightline.Procurement;

/// <summary>A check of the debarment list for one person of a bidder, with its day and result; every case needs one per person.</summary>
public sealed class DebarmentCheck
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The case.</summary>
    public int CaseId { get; set; }

    /// <summary>The supplier (a bidder on the case).</summary>
    public int SupplierId { get; set; }

    /// <summary>Whose check or assessment it is: the bidder, a connected or an associated person.</summary>
    public PersonKind PersonKind { get; set; }

    /// <summary>The person's name.</summary>
    public string Person { get; set; } = "";

    /// <summary>The day the list was checked.</summary>
    public DateOnly CheckedOn { get; set; }

    /// <summary>What the list said.</summary>
    public DebarmentResult Result { get; set; }

    /// <summary>Where or how it was checked (the list's URL, a screenshot's reference).</summary>
    public string? Reference { get; set; }

    /// <summary>The account that recorded the check.</summary>
    public string CheckedBy { get; set; } = "";
}
