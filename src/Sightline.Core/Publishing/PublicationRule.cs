namespace Sightline.Publishing;

/// <summary>
/// What may be published of one system (and, by default, its devices) or of one device: the location's precision and the
/// fields withheld, with the exemption relied on (e.g. "FOIA s.31(1)(a)") and when the decision is to be reviewed.
/// Exactly one of <see cref="SystemId"/> and <see cref="DeviceId"/> is set.
/// </summary>
public sealed class PublicationRule
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The system the rule is for.</summary>
    public int? SystemId { get; set; }

    /// <summary>The device the rule is for.</summary>
    public int? DeviceId { get; set; }

    /// <summary>How precisely locations are published; null leaves it to the system's rule (for a device) or exact.</summary>
    public LocationLevel? Location { get; set; }

    /// <summary>The fields withheld, as their words separated by ';' (empty when none).</summary>
    public string Withheld { get; set; } = "";

    /// <summary>The exemption relied on, in the public's words (FOIA s.24 national security, s.31 law enforcement…).</summary>
    public string? Basis { get; set; }

    /// <summary>When the decision is to be looked at again.</summary>
    public DateOnly? Review { get; set; }
}
