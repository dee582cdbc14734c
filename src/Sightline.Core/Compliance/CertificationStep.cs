namespace Sightline.Compliance;

/// <summary>The step of third-party certification: desktop (valid one year) or full, with an on-site audit (valid five years).</summary>
public enum CertificationStep
{
    /// <summary>Step 1, desktop certification: valid for one year.</summary>
    Desktop,
    /// <summary>Step 2, full certification after an on-site audit: valid for five years.</summary>
    Full,
}
