namespace Sightline.Knowledge;

/// <summary>A listing of a maker (or of every maker from a country) on a sanctions list, ban or restriction.</summary>
public sealed record Designation(
    string Id,
    string List,
    string Jurisdiction,
    Maker? Entity,
    string? Country,
    bool Affiliates,
    IReadOnlyList<Purpose> Purposes,
    string Dimension,
    string Effect,
    PartialDate? Listed,
    PartialDate? Effective,
    PartialDate? Removed,
    string Summary,
    Provenance Provenance)
{
    /// <summary>Whether the listing covers this maker: by name, through its corporate group when affiliates are covered, or by country.</summary>
    public bool Covers(Maker maker)
    {
        if (Country is not null)
        {
            return maker.Chain().Any(m => string.Equals(m.Country, Country, StringComparison.OrdinalIgnoreCase));
        }
        return Entity is not null && (ReferenceEquals(Entity, maker) || (Affiliates && Entity.SameGroup(maker)));
    }
}
