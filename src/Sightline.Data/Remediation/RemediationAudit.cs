namespace Sightline.Data.Remediation;

/// <summary>The entity type and actions the remediation plan puts on the audit log (`sightline audit --entity remediation:DEVICE-ID`).</summary>
public static class RemediationAudit
{
    /// <summary>Entries are keyed by the device's ID: a device has one line in the plan.</summary>
    public const string Entity = "remediation";

    public const string Plan = "plan";
    public const string Update = "update";
    public const string Exception = "exception";
}
