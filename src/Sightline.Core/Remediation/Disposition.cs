namespace Sightline.Remediation;

/// <summary>What the organisation decides to do about a flagged device (governance.md §9.3 Remediation).</summary>
public enum Disposition
{
    /// <summary>Take it out of service now.</summary>
    RemoveNow,
    /// <summary>Keep it, but off the organisation's core networks.</summary>
    Isolate,
    /// <summary>Keep it until its end of life, then replace it.</summary>
    ReplaceAtEndOfLife,
    /// <summary>Keep it, with a recorded justification.</summary>
    Accept,
}
