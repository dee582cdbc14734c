namespace Sightline.Procurement;

/// <summary>The decision on a bidder under the Procurement Act 2023 s.57.</summary>
public enum ExclusionOutcome
{
    /// <summary>No ground applies within the look-back, and it is not on the debarment list.</summary>
    Clear,
    /// <summary>An excluded supplier: a mandatory ground applies and continues or is likely to recur, or it is debarred under one; it must be excluded.</summary>
    Excluded,
    /// <summary>An excludable supplier that the authority excludes.</summary>
    ExcludableExcluded,
    /// <summary>An excludable supplier that the authority does not exclude, with the reasons why.</summary>
    ExcludableNotExcluded,
}
