namespace Sightline.Compliance;

/// <summary>
/// The detail behind one of a system's purposes (principle 1): why it is pressing, the evidence, and how long
/// recordings made for it are kept and why (principle 6). The purpose names themselves stay in <c>SurveillanceSystem.Purposes</c>, which the
/// risk rules read.
/// </summary>
public sealed class SystemPurpose
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The system it belongs to.</summary>
    public int SystemId { get; set; }

    /// <summary>The purpose, as named in the system's purposes.</summary>
    public required string Name { get; set; }

    /// <summary>The pressing need it meets.</summary>
    public string? PressingNeed { get; set; }

    /// <summary>The evidence of that need (crime figures, incident reports, a consultation…).</summary>
    public string? Evidence { get; set; }

    /// <summary>How long recordings made for this purpose are kept, in days; null when the system's retention applies.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>Why recordings made for this purpose are kept that long, where its period is its own; null when the system's justification applies.</summary>
    public string? RetentionJustification { get; set; }
}
