namespace Sightline.Procurement;

/// <summary>
/// One exclusion ground of the Procurement Act 2023: mandatory (Schedule 6) or discretionary (Schedule 7), with the value
/// the Cabinet Office's Central Digital Platform gives the same category (null for national security, which no supplier declares).
/// </summary>
public sealed record ExclusionGround(string Id, int Schedule, string? Cdp, string Label, bool NationalSecurity)
{
    /// <summary>Whether the ground is mandatory (Schedule 6): it makes a supplier excluded, not only excludable.</summary>
    public bool Mandatory => Schedule == 6;
}
