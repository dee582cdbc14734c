namespace Sightline.Knowledge;

/// <summary>Makers and their groups (makers.csv), and the brands sold on their platforms (brands.csv).</summary>
public sealed partial class KnowledgeBase
{
    private static Dictionary<string, Maker> ReadMakers(string folder, List<string> problems)
    {
        var makers = new Dictionary<string, Maker>(StringComparer.Ordinal);
        var rows = KnowledgeTable.Read(folder, "makers.csv",
            ["id", "name", "legal_name", "country", "parent", "ownership", "state_owned", "surveillance", "aliases", "source", "checked"], problems);
        foreach (var row in rows)
        {
            CheckProvenance(row, problems);
            var id = row["id"];
            if (!IsSlug(id))
            {
                problems.Add($"{row.Where("id")}: id '{id}' must be a lower-case slug");
                continue;
            }
            if (row["surveillance"] is not ("yes" or "no"))
            {
                problems.Add($"{row.Where("surveillance")}: surveillance must be yes or no");
            }
            var maker = new Maker(id, row["name"], row["legal_name"], row["country"], row.Optional("parent"), row["ownership"],
                row["state_owned"], row["surveillance"] == "yes", row.List("aliases"), row.Provenance);
            if (!makers.TryAdd(id, maker))
            {
                problems.Add($"{row.Where("id")}: maker '{id}' is listed twice");
            }
        }
        foreach (var maker in makers.Values)
        {
            if (maker.ParentId is null)
            {
                continue;
            }
            if (!makers.TryGetValue(maker.ParentId, out var parent))
            {
                problems.Add($"{maker.Provenance.Where}: parent '{maker.ParentId}' of '{maker.Id}' is not a maker");
                continue;
            }
            maker.Parent = parent;
        }
        foreach (var maker in makers.Values)
        {
            var seen = new HashSet<Maker>();
            for (var m = maker; m is not null; m = m.Parent)
            {
                if (!seen.Add(m))
                {
                    problems.Add($"{maker.Provenance.Where}: '{maker.Id}' is its own ancestor");
                    maker.Parent = null;
                    break;
                }
            }
        }
        return makers;
    }

    private void ReadBrands(List<string> problems)
    {
        var links = new List<BrandLink>();
        foreach (var row in KnowledgeTable.Read(Folder, "brands.csv",
            ["brand", "maker", "relationship", "from", "to", "confidence", "notes", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            var relationship = row["relationship"] switch
            {
                "own" => BrandRelationship.Own,
                "group" => BrandRelationship.Group,
                "oem" => BrandRelationship.Oem,
                "former-owner" => BrandRelationship.FormerOwner,
                "technical" => BrandRelationship.Technical,
                "placeholder" => BrandRelationship.Placeholder,
                _ => (BrandRelationship?)null,
            };
            if (relationship is null)
            {
                problems.Add($"{row.Where("relationship")}: relationship must be own, group, oem, former-owner, technical or placeholder");
                continue;
            }
            if (relationship == BrandRelationship.Own && FindMaker(row["brand"]) is { } named)
            {
                // A maker's own name and aliases are its brands already; one that names another maker cannot be this one's.
                problems.Add($"{row.Where("brand")}: '{row["brand"]}' is {(named.Id == row["maker"] ? "already a name or alias of" : "the name of another maker,")} '{named.Id}'");
                continue;
            }
            Maker? maker = null;
            if (relationship != BrandRelationship.Placeholder && (maker = MakerRef(row, "maker", problems)) is null)
            {
                continue;
            }
            if (relationship != BrandRelationship.Placeholder && row["confidence"] is not ("confirmed" or "probable" or "reported"))
            {
                problems.Add($"{row.Where("confidence")}: confidence must be confirmed, probable or reported");
            }
            var link = new BrandLink(row["brand"], maker, relationship.Value, DateRef(row, "from", problems), DateRef(row, "to", problems),
                row["confidence"], row["notes"], row.Provenance);
            links.Add(link);
            var key = Normal(link.Brand);
            if (!_brands.TryGetValue(key, out var list))
            {
                _brands[key] = list = [];
            }
            list.Add(link);
        }
        BrandLinks = links;
        FindRelabellers();
    }

    /// <summary>
    /// Makers whose own brands are all sold on other makers' platforms: a relabeller's name on a device says who
    /// sold it, and points to those platforms, never to a platform of its own that no evidence shows.
    /// </summary>
    private void FindRelabellers()
    {
        foreach (var group in _brands.Values.SelectMany(l => l).Where(l => l.Relationship == BrandRelationship.Own).GroupBy(l => l.Maker!))
        {
            var seller = group.Key;
            var brands = group.Select(l => _brands[Normal(l.Brand)]).ToList();
            if (brands.Any(b => !b.Any(l => IsRelabelled(l) && !l.Maker!.SameGroup(seller))))
            {
                continue;
            }
            _soldBy[seller] = [.. brands.SelectMany(b => b.Where(l => IsRelabelled(l) && !l.Maker!.SameGroup(seller)))];
        }
    }

    private static bool IsRelabelled(BrandLink link) =>
        link.Relationship is BrandRelationship.Oem or BrandRelationship.FormerOwner or BrandRelationship.Technical;
}
