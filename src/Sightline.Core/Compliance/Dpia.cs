namespace Sightline.Compliance;

/// <summary>
/// A data protection impact assessment for one system, with the fields of the commissioner and ICO's template for
/// surveillance cameras. A DPIA is current from its sign-off until a review is due or a review trigger is raised.
/// </summary>
public sealed class Dpia
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The system it assesses.</summary>
    public int SystemId { get; set; }

    /// <summary>Why a DPIA is needed.</summary>
    public string? WhyNeeded { get; set; }

    /// <summary>The regime: "UK GDPR" or "DPA 2018 Part 3".</summary>
    public string? Regime { get; set; }

    /// <summary>Purposes and the evidence for them.</summary>
    public string? Purposes { get; set; }

    /// <summary>The lawful basis.</summary>
    public string? LawfulBasis { get; set; }

    /// <summary>Necessity and proportionality.</summary>
    public string? Necessity { get; set; }

    /// <summary>Who was consulted and what they said.</summary>
    public string? Consultation { get; set; }

    /// <summary>The risks, each with likelihood and severity, as a JSON array.</summary>
    public string Risks { get; set; } = "[]";

    /// <summary>Measures taken against the risks.</summary>
    public string? Measures { get; set; }

    /// <summary>The residual risk after the measures: low, medium, high.</summary>
    public string? ResidualRisk { get; set; }

    /// <summary>The DPO's advice.</summary>
    public string? DpoAdvice { get; set; }

    /// <summary>Whether the ICO was consulted before processing (high residual risk).</summary>
    public bool IcoPriorConsultation { get; set; }

    /// <summary>Who signed it off; null while it is a draft.</summary>
    public string? SignedOffBy { get; set; }

    /// <summary>When it was signed off (UTC); null while it is a draft.</summary>
    public DateTimeOffset? SignedOff { get; set; }

    /// <summary>When it must next be reviewed at the latest.</summary>
    public DateOnly? ReviewDue { get; set; }
}
