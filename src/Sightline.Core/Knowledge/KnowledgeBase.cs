using System.Globalization;
using System.Security.Cryptography;
using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>
/// Everything Sightline knows, loaded from the files in a knowledge folder (see docs/knowledge.md): makers and
/// their groups, brands, MAC blocks, fingerprint rules, model patterns, designations, concerns and
/// vulnerabilities. Immutable once loaded, so one instance serves any number of threads.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Maker> _makers;
    private readonly Dictionary<string, Maker> _makersByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BrandLink>> _brands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FingerprintRule>> _rulesByKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KindRules> _kindRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OuiBlock> _oui = new(StringComparer.Ordinal);

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
    /// former owner, technical links) is theirs even when it is also a company's name (Amcrest, Lorex); else a
    /// maker's own name is its own (Axis, though Canon owns Axis); else its group links; a placeholder name
    /// ("ONVIF") yields its placeholder row. Empty when the brand is unknown.
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
        return FindMaker(brand) is { } maker ? [Own(maker)] : links;
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
        ReadRules(problems);
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
    }

    private void ReadPurposes(List<string> problems)
    {
        var purposes = new Dictionary<string, Purpose>(StringComparer.Ordinal);
        foreach (var row in KnowledgeTable.Read(Folder, "purposes.csv", ["id", "label", "words", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            if (!purposes.TryAdd(row["id"], new Purpose(row["id"], row["label"], row.List("words"), row.Provenance)))
            {
                problems.Add($"{row.Where("id")}: purpose '{row["id"]}' is listed twice");
            }
        }
        if (!purposes.ContainsKey(Purpose.SensitiveSite))
        {
            problems.Add($"purposes.csv: the purpose '{Purpose.SensitiveSite}' must be defined");
        }
        Purposes = purposes;
    }

    private void ReadDesignations(List<string> problems)
    {
        var designations = new List<Designation>();
        foreach (var row in KnowledgeTable.Read(Folder, "designations.csv",
            ["id", "list", "jurisdiction", "entity", "affiliates", "purposes", "dimension", "effect", "listed", "effective", "removed", "summary", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            var entity = row["entity"];
            string? country = entity.StartsWith("country:", StringComparison.Ordinal) ? entity["country:".Length..] : null;
            var maker = country is null ? MakerRef(row, "entity", problems) : null;
            if (country is null && maker is null)
            {
                continue;
            }
            var purposes = new List<Purpose>();
            foreach (var id in row.List("purposes").Where(p => p != "any"))
            {
                if (Purposes.TryGetValue(id, out var purpose))
                {
                    purposes.Add(purpose);
                }
                else
                {
                    problems.Add($"{row.Where("purposes")}: purpose '{id}' is not in purposes.csv");
                }
            }
            if (row.List("purposes").Count == 0)
            {
                problems.Add($"{row.Where("purposes")}: give the purposes it is limited to, or 'any'");
            }
            CheckDimension(row, problems);
            CheckYesNo(row, "affiliates", problems);
            designations.Add(new Designation(row["id"], row["list"], row["jurisdiction"], maker, country, row["affiliates"] == "yes", purposes,
                row["dimension"], row["effect"], DateRef(row, "listed", problems), DateRef(row, "effective", problems),
                DateRef(row, "removed", problems), row["summary"], row.Provenance));
        }
        Designations = designations;
    }

    private void ReadConcerns(List<string> problems)
    {
        var concerns = new List<Concern>();
        foreach (var row in KnowledgeTable.Read(Folder, "concerns.csv",
            ["id", "maker", "dimension", "category", "publisher", "date", "title", "summary", "response", "response_source", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            CheckDimension(row, problems);
            if (row["response"].Length > 0 && !HasUrl(row["response_source"]))
            {
                problems.Add($"{row.Where("response_source")}: a response needs its source URL");
            }
            if (MakerRef(row, "maker", problems) is { } maker)
            {
                concerns.Add(new Concern(row["id"], maker, row["dimension"], row["category"], row["publisher"], DateRef(row, "date", problems),
                    row["title"], row["summary"], row["response"], row["response_source"], row.Provenance));
            }
        }
        Concerns = concerns;
    }

    private void ReadVulnerabilities(List<string> problems)
    {
        var vulnerabilities = new List<Vulnerability>();
        foreach (var row in KnowledgeTable.Read(Folder, "vulnerabilities.csv",
            ["cve", "maker", "models", "affected_from", "affected_to", "fixed_in", "kev", "kev_added", "cvss", "summary", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            CheckYesNo(row, "kev", problems);
            var models = ModelRegex(row, "models", anchored: false, problems);
            if (MakerRef(row, "maker", problems) is { } maker && models is not null)
            {
                vulnerabilities.Add(new Vulnerability(row["cve"], maker, models, Firmware(row, "affected_from", problems),
                    Firmware(row, "affected_to", problems), Firmware(row, "fixed_in", problems), row["kev"] == "yes",
                    DateRef(row, "kev_added", problems), row["cvss"], row["summary"], row.Provenance));
            }
        }
        Vulnerabilities = vulnerabilities;
    }

    private void ReadModels(List<string> problems)
    {
        var patterns = new List<ModelPattern>();
        var numbers = new Dictionary<Maker, int>();
        foreach (var row in KnowledgeTable.Read(Folder, "models.csv",
            ["pattern", "maker", "device_class", "weight", "examples", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            var regex = ModelRegex(row, "pattern", anchored: true, problems);
            if (!DeviceClasses.IsKnown(row["device_class"]))
            {
                problems.Add($"{row.Where("device_class")}: unknown device class '{row["device_class"]}'");
            }
            if (!double.TryParse(row["weight"], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight is <= 0 or > 1)
            {
                problems.Add($"{row.Where("weight")}: weight must be above 0 and at most 1");
                continue;
            }
            if (row.List("examples").Count == 0)
            {
                problems.Add($"{row.Where("examples")}: every model pattern needs at least one example");
            }
            if (MakerRef(row, "maker", problems) is { } maker && regex is not null)
            {
                numbers[maker] = numbers.GetValueOrDefault(maker) + 1;
                patterns.Add(new ModelPattern(regex, maker, row["device_class"], weight, row.List("examples"), row.Provenance, numbers[maker]));
            }
        }
        ModelPatterns = patterns;
    }

    private void ReadOui(List<string> problems)
    {
        foreach (var row in KnowledgeTable.Read(Folder, "oui.csv", ["prefix", "registry", "organisation", "maker", "source", "checked"], problems))
        {
            var prefix = row["prefix"];
            if (prefix.Length is not (6 or 7 or 9) || !prefix.All(char.IsAsciiHexDigitUpper))
            {
                problems.Add($"{row.Where("prefix")}: prefix must be 6, 7 or 9 upper-case hex digits");
                continue;
            }
            CheckProvenance(row, problems);
            var maker = row.Optional("maker") is null ? null : MakerRef(row, "maker", problems);
            _oui[prefix] = new OuiBlock(prefix, row["registry"], row["organisation"], maker, row.Provenance);
            if (string.CompareOrdinal(row["checked"], OuiDate) > 0)
            {
                OuiDate = row["checked"];
            }
        }
    }

    private void ReadRules(List<string> problems)
    {
        var rules = new List<FingerprintRule>();
        var folder = Path.Combine(Folder, "rules");
        string[] files = Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)] : [];
        foreach (var path in files)
        {
            rules.AddRange(RuleFile.Read(path, $"rules/{Path.GetFileName(path)}", problems));
        }
        var recog = Path.Combine(Folder, "recog");
        var notes = new List<string>();
        string[] recogFiles = Directory.Exists(recog) ? [.. Directory.GetFiles(recog, "*.xml").Order(StringComparer.Ordinal)] : [];
        foreach (var path in recogFiles)
        {
            rules.AddRange(RecogFile.Read(path, $"recog/{Path.GetFileName(path)}", problems, notes));
        }
        Notes = notes;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!ids.Add(rule.Id))
            {
                problems.Add($"{rule.Provenance.Where}: rule id '{rule.Id}' is used twice");
            }
            if (!HasUrl(rule.Provenance.Source) || PartialDate.Parse(rule.Provenance.Checked) is null)
            {
                problems.Add($"{rule.Provenance.Where}: needs a source URL and a checked date");
            }
            foreach (var claim in rule.Claims)
            {
                if (claim.Type == ClaimType.Platform && !_makers.ContainsKey(claim.Value))
                {
                    problems.Add($"{rule.Provenance.Where}: platform '{claim.Value}' is not a maker");
                }
                if (claim.Type == ClaimType.Class && !DeviceClasses.IsKnown(claim.Value))
                {
                    problems.Add($"{rule.Provenance.Where}: unknown device class '{claim.Value}'");
                }
            }
            if (rule.Examples.Count == 0)
            {
                problems.Add($"{rule.Provenance.Where}: every rule needs at least one example");
            }
            if (!_rulesByKind.TryGetValue(rule.Kind, out var list))
            {
                _rulesByKind[rule.Kind] = list = [];
            }
            list.Add(rule);
        }
        Rules = rules;
        foreach (var (kind, list) in _rulesByKind)
        {
            _kindRules[kind] = new KindRules(list);
        }
    }

    private Maker? MakerRef(KnowledgeRow row, string column, List<string> problems)
    {
        if (_makers.TryGetValue(row[column], out var maker))
        {
            return maker;
        }
        problems.Add($"{row.Where(column)}: '{row[column]}' is not a maker id in makers.csv");
        return null;
    }

    private static LinearPattern? ModelRegex(KnowledgeRow row, string column, bool anchored, List<string> problems)
    {
        var pattern = row[column];
        return LinearPattern.Parse(anchored && !pattern.StartsWith('^') ? "^(?:" + pattern + ")" : pattern, ignoreCase: true, row.Where(column), problems);
    }

    private static FirmwareVersion? Firmware(KnowledgeRow row, string column, List<string> problems)
    {
        if (row.Optional(column) is not { } text)
        {
            return null;
        }
        var version = FirmwareVersion.Parse(text);
        if (version is null)
        {
            problems.Add($"{row.Where(column)}: '{text}' has neither version numbers nor a build date");
        }
        return version;
    }

    private static PartialDate? DateRef(KnowledgeRow row, string column, List<string> problems)
    {
        if (row.Optional(column) is not { } text)
        {
            return null;
        }
        var date = PartialDate.Parse(text);
        if (date is null)
        {
            problems.Add($"{row.Where(column)}: '{text}' is not a date (yyyy, yyyy-mm or yyyy-mm-dd)");
        }
        return date;
    }

    private static void CheckProvenance(KnowledgeRow row, List<string> problems)
    {
        // Generated tables repeat one source and date on every row; check each pair once.
        if (CheckedProvenance.Contains((row["source"], row["checked"])))
        {
            return;
        }
        if (HasUrl(row["source"]) && PartialDate.Parse(row["checked"]) is not null)
        {
            CheckedProvenance.Add((row["source"], row["checked"]));
            return;
        }
        if (!HasUrl(row["source"]))
        {
            problems.Add($"{row.Where("source")}: no source URL");
        }
        if (PartialDate.Parse(row["checked"]) is null)
        {
            problems.Add($"{row.Where("checked")}: no checked date (yyyy-mm-dd)");
        }
    }

    [ThreadStatic]
    private static HashSet<(string, string)>? _checkedProvenance;

    private static HashSet<(string, string)> CheckedProvenance => _checkedProvenance ??= [];

    private static void CheckDimension(KnowledgeRow row, List<string> problems)
    {
        if (row["dimension"] is not ("human-rights" or "security"))
        {
            problems.Add($"{row.Where("dimension")}: dimension must be human-rights or security");
        }
    }

    private static void CheckYesNo(KnowledgeRow row, string column, List<string> problems)
    {
        if (row[column] is not ("yes" or "no"))
        {
            problems.Add($"{row.Where(column)}: {column} must be yes or no");
        }
    }

    private static bool HasUrl(string source) =>
        source.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } urls
        && urls.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");

    private static bool IsSlug(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

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
