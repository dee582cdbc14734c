namespace Sightline.Procurement;

/// <summary>
/// One exclusion ground assessed for one person of a bidder: whether it applies, the event's day (for the look-back), whether
/// the circumstances continue or are likely to recur, and for national security the Minister's notification.
/// </summary>
public sealed class GroundAssessment
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The case.</summary>
    public int CaseId { get; set; }

    /// <summary>The supplier (a bidder on the case).</summary>
    public int SupplierId { get; set; }

    /// <summary>Whose check or assessment it is: the bidder, a connected or an associated person.</summary>
    public PersonKind PersonKind { get; set; }

    /// <summary>The person's name: the supplier's legal name, a connected person or an associated person.</summary>
    public string Person { get; set; } = "";

    /// <summary>The ground's ID in the exclusion grounds.</summary>
    public string Ground { get; set; } = "";

    /// <summary>Whether the ground applies to the person.</summary>
    public bool Applies { get; set; }

    /// <summary>The day of the conviction, finding or event (required when it applies).</summary>
    public DateOnly? EventOn { get; set; }

    /// <summary>Whether the circumstances are continuing or likely to recur (s.57).</summary>
    public bool Continuing { get; set; }

    /// <summary>The day the relevant Minister was notified (national security only), and the reference of that notification.</summary>
    public DateOnly? MinisterNotifiedOn { get; set; }

    /// <summary>The reference of the Minister's notification.</summary>
    public string? MinisterReference { get; set; }

    /// <summary>Anything else the assessor noted.</summary>
    public string? Notes { get; set; }

    /// <summary>The account that recorded the assessment.</summary>
    public string AssessedBy { get; set; } = "";

    /// <summary>The day of the assessment.</summary>
    public DateOnly AssessedOn { get; set; }
}
