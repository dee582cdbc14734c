namespace Sightline.Compliance;

/// <summary>
/// Sightline's retention rule for principle 6. The law sets no period (the ICO: the purpose decides), so the rule is
/// ours: every purpose of a system has a period recorded (its own, or the system's), and none is longer than
/// <see cref="MaxDays"/> days, the period most UK public-space CCTV policies use. A longer period is shown as needing
/// attention, for a person to justify in the self-assessment; it is not called wrong.
/// </summary>
public static class RetentionPolicy
{
    /// <summary>The longest period, in days, the rule accepts without a person's justification.</summary>
    public const int MaxDays = 31;
}
