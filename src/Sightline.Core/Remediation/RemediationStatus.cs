namespace Sightline.Remediation;

/// <summary>How far a device's remediation has gone.</summary>
public enum RemediationStatus
{
    /// <summary>Decided, not started.</summary>
    Planned,
    /// <summary>Work has started.</summary>
    InProgress,
    /// <summary>Finished.</summary>
    Done,
}
