namespace Sightline.Knowledge;

/// <summary>The rules for one kind of observation, arranged for matching: those over the whole text, and those over each field by name.</summary>
public sealed class KindRules
{
    private readonly Dictionary<string, FieldRules> _byField;

    internal KindRules(IReadOnlyList<FingerprintRule> rules)
    {
        All = rules;
        TextRules = [.. rules.Where(r => r.Field is null)];
        var fieldRules = rules.Where(r => r.Field is not null).ToList();
        FieldRuleCount = fieldRules.Count;
        WantedFields = new HashSet<string>(fieldRules.Select(r => r.Field!), StringComparer.OrdinalIgnoreCase);
        _byField = fieldRules.Select((rule, slot) => (rule, slot))
            .GroupBy(r => r.rule.Field!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new FieldRules(g.ToArray()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The fields some rule reads: reading others is wasted work.</summary>
    public HashSet<string> WantedFields { get; }

    /// <summary>Every rule for the kind.</summary>
    public IReadOnlyList<FingerprintRule> All { get; }

    /// <summary>Rules over the whole text.</summary>
    public IReadOnlyList<FingerprintRule> TextRules { get; }

    /// <summary>How many rules name a field; each has a slot below this number.</summary>
    public int FieldRuleCount { get; }

    /// <summary>The rules over a field, each with its slot; empty when none.</summary>
    public ReadOnlySpan<(FingerprintRule Rule, int Slot)> ForField(string field) =>
        _byField.TryGetValue(field, out var rules) ? rules.Rules : [];

    /// <summary>The rules over a field (names ignore case); null when none reads it.</summary>
    public FieldRules? RulesForField(string field) => _byField.GetValueOrDefault(field);
}
