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
    private readonly bool _templated = Claims.Any(c => c.Value.Contains('{', StringComparison.Ordinal));

    /// <summary>Matches one text and adds the claims it makes; returns whether it matched.</summary>
    public bool Apply(string text, int observation, string group, List<Claim> into)
    {
        // Groups are read only by rules whose claims use them; the others need only a yes or no, which is cheaper.
        var match = _templated ? Pattern.Match(text) : System.Text.RegularExpressions.Match.Empty;
        if (_templated ? !match.Success : !Pattern.IsMatch(text))
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
