using System.Globalization;
using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>What identification reads besides makers and brands: model patterns, MAC blocks and fingerprint rules.</summary>
public sealed partial class KnowledgeBase
{
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

    private void ReadEnterprises(List<string> problems)
    {
        foreach (var row in KnowledgeTable.Read(Folder, "enterprises.csv", ["number", "organisation", "maker", "source", "checked"], problems, required: false))
        {
            CheckProvenance(row, problems);
            if (!long.TryParse(row["number"], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                problems.Add($"{row.Where("number")}: '{row["number"]}' is not an enterprise number (digits only)");
                continue;
            }
            var maker = row.Optional("maker") is null ? null : MakerRef(row, "maker", problems);
            if (!_enterprises.TryAdd(number, new EnterpriseNumber(number, row["organisation"], maker, row.Provenance)))
            {
                problems.Add($"{row.Where("number")}: enterprise number {number} is listed twice");
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
}
