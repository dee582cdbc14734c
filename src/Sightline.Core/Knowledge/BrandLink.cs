namespace Sightline.Knowledge;

/// <summary>A brand and one maker behind it, for a period, with a confidence word.</summary>
public sealed record BrandLink(
    string Brand,
    Maker? Maker,
    BrandRelationship Relationship,
    PartialDate? From,
    PartialDate? To,
    string Confidence,
    string Notes,
    Provenance Provenance);
