using System.Security.Cryptography;

namespace Sightline.Knowledge;

/// <summary>
/// Everything Sightline knows, loaded from the files in a knowledge folder (see docs/knowledge.md): makers and
/// their groups, brands, MAC blocks, fingerprint rules, model patterns, designations, concerns and
/// vulnerabilities. Immutable once loaded, so one instance serves any number of threads.
/// </summary>
public sealed partial class KnowledgeBase
{
    private readonly Dictionary<string, Maker> _makers;
    private readonly Dictionary<string, Maker> _makersByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BrandLink>> _brands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FingerprintRule>> _rulesByKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KindRules> _kindRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OuiBlock> _oui = new(StringComparer.Ordinal);
    private readonly Dictionary<long, EnterpriseNumber> _enterprises = [];
    private readonly Dictionary<Maker, IReadOnlyList<BrandLink>> _soldBy = new(ReferenceEqualityComparer.Instance);

    private KnowledgeBase(string folder, Dictionary<string, Maker> makers) => (Folder, _makers) = (folder, makers);

    /// <summary>The folder the files were read from.</summary>
    public string Folder { get; }

    /// <summary>A short hash of every file's bytes: verdicts record it, so a knowledge update shows which are stale.</summary>
    public string Version { get; private set; } = "";

    /// <summary>Problems found while loading (structure, references, sources).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>What was loaded only in part (fingerprints from a Recog file that Sightline cannot use), for people to read.</summary>
    public IReadOnlyList<string> Notes { get; private set; } = [];

    /// <summary>Makers by id.</summary>
    public IReadOnlyDictionary<string, Maker> Makers => _makers;

    /// <summary>Every brand link, in file order.</summary>
    public IReadOnlyList<BrandLink> BrandLinks { get; private set; } = [];

    /// <summary>Every fingerprint rule.</summary>
    public IReadOnlyList<FingerprintRule> Rules { get; private set; } = [];

    /// <summary>Model-number patterns.</summary>
    public IReadOnlyList<ModelPattern> ModelPatterns { get; private set; } = [];

    /// <summary>Purposes designations can be limited to, by id.</summary>
    public IReadOnlyDictionary<string, Purpose> Purposes { get; private set; } = new Dictionary<string, Purpose>();

    /// <summary>Designations (lists, bans, restrictions).</summary>
    public IReadOnlyList<Designation> Designations { get; private set; } = [];

    /// <summary>Sourced concerns about makers.</summary>
    public IReadOnlyList<Concern> Concerns { get; private set; } = [];

    /// <summary>Known vulnerabilities.</summary>
    public IReadOnlyList<Vulnerability> Vulnerabilities { get; private set; } = [];

    /// <summary>MAC blocks.</summary>
    public IReadOnlyCollection<OuiBlock> OuiBlocks => _oui.Values;

    /// <summary>IANA private enterprise numbers of the makers we track (enterprises.csv; optional).</summary>
    public IReadOnlyCollection<EnterpriseNumber> EnterpriseNumbers => _enterprises.Values;

    /// <summary>The organisation an SNMP enterprise number is registered to; null if not listed.</summary>
    public EnterpriseNumber? FindEnterprise(long number) => _enterprises.GetValueOrDefault(number);

    /// <summary>The data date of the MAC registry extract.</summary>
    public string OuiDate { get; private set; } = "";

    /// <summary>Loads a knowledge folder; throws <see cref="KnowledgeException"/> listing every problem if it cannot be used.</summary>
    public static KnowledgeBase Load(string folder)
    {
        var knowledge = Read(folder);
        return knowledge.Problems.Count == 0 ? knowledge : throw new KnowledgeException(knowledge.Problems);
    }

    /// <summary>Reads a knowledge folder, keeping whatever could be read and every problem found.</summary>
    public static KnowledgeBase Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new KnowledgeException([$"{folder}: no such knowledge folder"]);
        }
        var problems = new List<string>();
        var makers = ReadMakers(folder, problems);
        var knowledge = new KnowledgeBase(folder, makers);
        knowledge.ReadTheRest(problems);
        knowledge.Problems = problems;
        knowledge.Version = VersionOf(folder);
        return knowledge;
    }

    /// <summary>A maker by id, name, legal name or alias, ignoring case, spaces and punctuation; null if unknown.</summary>
    public Maker? FindMaker(string name) =>
        _makers.TryGetValue(name, out var maker) ? maker : _makersByName.GetValueOrDefault(Normal(name));

    /// <summary>Every link of a brand: its rows in brands.csv, and the maker whose own name it is.</summary>
    public IReadOnlyList<BrandLink> BrandLinksFor(string brand)
    {
        var links = _brands.GetValueOrDefault(Normal(brand)) ?? [];
        return FindMaker(brand) is { } maker ? [Own(maker), .. links] : links;
    }

    /// <summary>
    /// The links that say whose products a brand's devices are. A brand relabelled from other makers (OEM,
    /// former owner, technical links) is theirs even when it is also a company's name (Amcrest, Lorex); a
    /// maker whose own brands are all relabelled (Interlogix, whose truVision is Hikvision's) is a relabeller,
    /// so its name leads to the platforms it sells; else a maker's own name is its own (Axis, though Canon owns
    /// Axis); else its group links; a placeholder name ("ONVIF") yields its placeholder row. Empty when the
    /// brand is unknown.
    /// </summary>
    public IReadOnlyList<BrandLink> PlatformLinksFor(string brand)
    {
        var links = _brands.GetValueOrDefault(Normal(brand)) ?? [];
        if (links.Any(l => l.Relationship == BrandRelationship.Placeholder))
        {
            return [.. links.Where(l => l.Relationship == BrandRelationship.Placeholder)];
        }
        var relabelled = links.Where(l => l.Relationship is BrandRelationship.Oem or BrandRelationship.FormerOwner or BrandRelationship.Technical).ToList();
        if (relabelled.Count > 0)
        {
            return relabelled;
        }
        if (FindMaker(brand) is not { } maker)
        {
            return links;
        }
        return _soldBy.TryGetValue(maker, out var sold) ? sold : [Own(maker)];
    }

    private static BrandLink Own(Maker maker) =>
        new(maker.Name, maker, BrandRelationship.Own, null, null, "confirmed", "", maker.Provenance);

    /// <summary>The rules for one kind of observation.</summary>
    public IReadOnlyList<FingerprintRule> RulesFor(string kind) =>
        _rulesByKind.TryGetValue(kind, out var rules) ? rules : [];

    /// <summary>The rules for one kind, arranged for matching; null when the kind has none.</summary>
    public KindRules? MatchingRulesFor(string kind) => _kindRules.GetValueOrDefault(kind);

    /// <summary>The registered block holding a MAC (12 hex digits), longest prefix first; null if none.</summary>
    public OuiBlock? FindOui(string hex12) => FindOui(hex12.AsSpan());

    /// <summary>The registered block with exactly this prefix (6, 7 or 9 hex digits), or null.</summary>
    public OuiBlock? OuiBlock(string prefix) => _oui.GetValueOrDefault(prefix);

    /// <summary>The registered block holding a MAC (12 hex digits), longest prefix first; null if none. No prefix is made a string.</summary>
    internal OuiBlock? FindOui(ReadOnlySpan<char> hex12)
    {
        var blocks = _oui.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var length in (ReadOnlySpan<int>)[9, 7, 6])
        {
            if (blocks.TryGetValue(hex12[..length], out var block))
            {
                return block;
            }
        }
        return null;
    }

    /// <summary>Case-, space- and punctuation-blind form of a name.</summary>
    public static string Normal(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var length = 0;
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 256)))
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        return new string(buffer[..length]);
    }

    private void ReadTheRest(List<string> problems)
    {
        foreach (var maker in _makers.Values)
        {
            foreach (var name in maker.Aliases.Prepend(maker.LegalName).Prepend(maker.Name).Prepend(maker.Id))
            {
                var normal = Normal(name);
                if (normal.Length == 0)
                {
                    continue;
                }
                if (_makersByName.TryGetValue(normal, out var other) && other != maker)
                {
                    problems.Add($"{maker.Provenance.Where}: the name '{name}' also belongs to '{other.Id}'");
                }
                else
                {
                    _makersByName[normal] = maker;
                }
            }
        }
        ReadBrands(problems);
        ReadPurposes(problems);
        ReadDesignations(problems);
        ReadConcerns(problems);
        ReadVulnerabilities(problems);
        ReadModels(problems);
        ReadOui(problems);
        ReadEnterprises(problems);
        ReadRules(problems);
    }

    private static string VersionOf(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, path).Replace('\\', '/')));
            hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
