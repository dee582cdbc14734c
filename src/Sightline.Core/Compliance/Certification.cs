namespace Sightline.Compliance;

/// <summary>
/// A third-party certification against the Code of Practice: who certified, which step, the systems it covers and when it
/// expires (desktop one year after issue, full five years, unless the certificate says otherwise).
/// </summary>
public sealed class Certification
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The certification body.</summary>
    public CertificationBody Body { get; set; }

    /// <summary>Desktop or full.</summary>
    public CertificationStep Step { get; set; }

    /// <summary>The certificate's number, or the body's name when it is "other".</summary>
    public string? Reference { get; set; }

    /// <summary>The day it was issued.</summary>
    public DateOnly Issued { get; set; }

    /// <summary>The last day it is valid.</summary>
    public DateOnly Expires { get; set; }

    /// <summary>The systems it covers, by ID, separated by ';' in ID order.</summary>
    public string Systems { get; set; } = "";

    /// <summary>How long each step is valid from its issue.</summary>
    public static DateOnly ExpiryOf(CertificationStep step, DateOnly issued) =>
        step == CertificationStep.Desktop ? issued.AddYears(1).AddDays(-1) : issued.AddYears(5).AddDays(-1);
}
