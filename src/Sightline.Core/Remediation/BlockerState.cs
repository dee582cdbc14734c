namespace Sightline.Remediation;

/// <summary>
/// Where a device stands against the UK rule of 24 Nov 2022 (a device at a sensitive site made by a company subject to
/// the PRC National Intelligence Law): the rule is satisfied only by removal, or set aside by a recorded exception.
/// </summary>
public enum BlockerState
{
    /// <summary>The rule applies and nothing done yet satisfies it.</summary>
    Open,
    /// <summary>An exception is on record (who, why, when).</summary>
    Excepted,
    /// <summary>The device has been removed (disposition remove-now, done).</summary>
    Resolved,
}
