namespace Sightline.Compliance;

/// <summary>A body that certifies against the Surveillance Camera Code of Practice (governance.md §2.5).</summary>
public enum CertificationBody
{
    /// <summary>National Security Inspectorate.</summary>
    Nsi,
    /// <summary>Security Systems and Alarms Inspection Board.</summary>
    Ssaib,
    /// <summary>IQ Verify.</summary>
    IqVerify,
    /// <summary>Another body, named in the certification's reference.</summary>
    Other,
}
