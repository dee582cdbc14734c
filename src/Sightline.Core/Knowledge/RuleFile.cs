using System.Globalization;
using System.Text.Json;
using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>Reads fingerprint rules from a JSON file (<c>{"rules": [ … ]}</c>), noting every problem with its place.</summary>
internal static class RuleFile
{
    public static List<FingerprintRule> Read(string path, string name, List<string> problems)
    {
        var rules = new List<FingerprintRule>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add($"{name}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {e.Message.Split('\n')[0]}");
            return rules;
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{name}: expected an object with a \"rules\" array");
                return rules;
            }
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                index++;
                var where = $"{name}: rule {index}" + (Text(element, "id") is { Length: > 0 } id ? $" ({id})" : "");
                if (ReadRule(element, where, name, problems) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }
        return rules;
    }

    private static FingerprintRule? ReadRule(JsonElement element, string where, string file, List<string> problems)
    {
        var count = problems.Count;
        var id = Text(element, "id");
        var kind = Text(element, "kind");
        var pattern = Text(element, "pattern");
        if (id.Length == 0)
        {
            problems.Add($"{where}: no id");
        }
        if (!ObservationKinds.IsKnown(kind))
        {
            problems.Add($"{where}: unknown kind '{kind}'");
        }
        var regex = LinearPattern.Parse(pattern, ignoreCase: false, where, problems);
        var claims = new List<RuleClaim>();
        if (element.TryGetProperty("claims", out var claimList) && claimList.ValueKind == JsonValueKind.Array)
        {
            foreach (var claim in claimList.EnumerateArray())
            {
                var type = Text(claim, "type");
                if (!TryClaimType(type, out var claimType))
                {
                    problems.Add($"{where}: unknown claim type '{type}'");
                    continue;
                }
                var weight = claim.TryGetProperty("weight", out var w) && w.TryGetDouble(out var d) ? d : double.NaN;
                if (weight is not (> 0 and <= 1))
                {
                    problems.Add($"{where}: claim '{type}' needs a weight above 0 and at most 1");
                    continue;
                }
                claims.Add(new RuleClaim(claimType, Text(claim, "value"), weight));
            }
        }
        if (claims.Count == 0)
        {
            problems.Add($"{where}: no claims");
        }
        var examples = new List<RuleExample>();
        if (element.TryGetProperty("examples", out var exampleList) && exampleList.ValueKind == JsonValueKind.Array)
        {
            foreach (var example in exampleList.EnumerateArray())
            {
                var expect = new Dictionary<ClaimType, string>();
                if (example.TryGetProperty("expect", out var expected) && expected.ValueKind == JsonValueKind.Object)
                {
                    foreach (var pair in expected.EnumerateObject())
                    {
                        if (TryClaimType(pair.Name, out var type))
                        {
                            expect[type] = pair.Value.GetString() ?? "";
                        }
                        else
                        {
                            problems.Add($"{where}: example expects unknown claim type '{pair.Name}'");
                        }
                    }
                }
                examples.Add(new RuleExample(Text(example, "value"), expect));
            }
        }
        var counterexamples = element.TryGetProperty("not", out var not) && not.ValueKind == JsonValueKind.Array
            ? not.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [];
        if (problems.Count > count || regex is null)
        {
            return null;
        }
        var field = Text(element, "field");
        var provenance = new Provenance(Text(element, "source"), Text(element, "checked"), where.Replace(": rule", ", rule", StringComparison.Ordinal));
        return new FingerprintRule(id, kind, field.Length > 0 ? field : null, regex, Text(element, "description"), claims, examples, counterexamples, provenance);
    }

    private static bool TryClaimType(string name, out ClaimType type) =>
        Enum.TryParse(name, ignoreCase: true, out type) && Enum.IsDefined(type)
        && !int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";
}
