using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>The rules of one kind that read one field, each with its slot among the kind's field rules.</summary>
public sealed class FieldRules
{
    private readonly (FingerprintRule Rule, int Slot)[] _rules;

    internal FieldRules((FingerprintRule Rule, int Slot)[] rules) => _rules = rules;

    /// <summary>The rules, each with its slot.</summary>
    public ReadOnlySpan<(FingerprintRule Rule, int Slot)> Rules => _rules;

    /// <summary>
    /// Every rule's outcome for one value of the field: the slots of the rules that match it, each with the claims it
    /// makes (numbered 0, in no group). Nothing here depends on anything but the value, so callers may keep it.
    /// </summary>
    public (int Slot, Claim[] Claims)[] Match(string value)
    {
        List<(int Slot, Claim[] Claims)>? matches = null;
        var claims = new List<Claim>();
        foreach (var (rule, slot) in _rules)
        {
            claims.Clear();
            if (rule.Apply(value, 0, "", claims))
            {
                (matches ??= []).Add((slot, [.. claims]));
            }
        }
        return matches is null ? [] : [.. matches];
    }
}
