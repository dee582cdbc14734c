using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>
/// A regular expression over one kind of observation (its whole text, or one named field), and the claims
/// a match makes. Claim values may use the pattern's groups: <c>{model}</c> or <c>{1}</c>.
/// </summary>
public sealed record FingerprintRule(
    string Id,
    string Kind,
    string? Field,
    LinearPattern Pattern,
    string Description,
    IReadOnlyList<RuleClaim> Claims,
    IReadOnlyList<RuleExample> Examples,
    IReadOnlyList<string> Counterexamples,
    Provenance Provenance)
{
    /// <summary>Matches one text and adds the claims it makes; returns whether it matched.</summary>
    public bool Apply(string text, int observation, string group, List<Claim> into)
    {
        var match = Pattern.Match(text);
        if (!match.Success)
        {
            return false;
        }
        foreach (var claim in Claims)
        {
            var value = claim.Fill(match);
            if (value.Length > 0)
            {
                into.Add(new Claim(claim.Type, value, claim.Weight, Id, observation, group));
            }
        }
        return true;
    }
}
