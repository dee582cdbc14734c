namespace Sightline.Knowledge;

/// <summary>How a brand relates to a maker.</summary>
public enum BrandRelationship
{
    /// <summary>The maker's own name or an alias of it.</summary>
    Own,
    /// <summary>A sub-brand, subsidiary or joint venture in the maker's group.</summary>
    Group,
    /// <summary>An independent company selling the maker's products under its own name.</summary>
    Oem,
    /// <summary>The maker owned the brand for a period.</summary>
    FormerOwner,
    /// <summary>The link rests only on firmware, protocol or MAC evidence.</summary>
    Technical,
    /// <summary>A name devices report that is not a brand at all.</summary>
    Placeholder,
}
