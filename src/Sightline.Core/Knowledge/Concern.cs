namespace Sightline.Knowledge;

/// <summary>A sourced finding about a maker, with the maker's published response where there is one (a right of reply).</summary>
public sealed record Concern(
    string Id,
    Maker Maker,
    string Dimension,
    string Category,
    string Publisher,
    PartialDate? Date,
    string Title,
    string Summary,
    string Response,
    string ResponseSource,
    Provenance Provenance);
