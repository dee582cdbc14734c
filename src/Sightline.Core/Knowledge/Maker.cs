namespace Sightline.Knowledge;

/// <summary>A company that makes (or sells) devices, with its place in a corporate group.</summary>
public sealed record Maker(
    string Id,
    string Name,
    string LegalName,
    string Country,
    string? ParentId,
    string Ownership,
    string StateOwned,
    bool Surveillance,
    IReadOnlyList<string> Aliases,
    Provenance Provenance)
{
    /// <summary>The parent company, resolved after loading; null for a group's root.</summary>
    public Maker? Parent { get; internal set; }

    /// <summary>The top of the corporate group (the maker itself when it has no parent).</summary>
    public Maker Root => Parent?.Root ?? this;

    /// <summary>The maker and every company above it, nearest first.</summary>
    public IEnumerable<Maker> Chain()
    {
        for (var maker = this; maker is not null; maker = maker.Parent)
        {
            yield return maker;
        }
    }

    /// <summary>Whether both belong to one corporate group.</summary>
    public bool SameGroup(Maker other) => ReferenceEquals(Root, other.Root);
}
