namespace Sightline.Procurement;

/// <summary>What a check of the Cabinet Office's debarment list found.</summary>
public enum DebarmentResult
{
    /// <summary>Not on the list.</summary>
    NotListed,
    /// <summary>On the list under a mandatory ground: it must be excluded.</summary>
    ListedMandatory,
    /// <summary>On the list under a discretionary ground: admitted only with good reason.</summary>
    ListedDiscretionary,
}
