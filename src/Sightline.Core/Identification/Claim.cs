namespace Sightline.Identification;

/// <summary>
/// One thing a rule concluded from one observation. Claims from one evidence <paramref name="Group"/> are
/// correlated (several strings of one HTTP response), so only the strongest of them counts.
/// </summary>
/// <param name="Type">What the claim is about.</param>
/// <param name="Value">The claimed value (a maker id for platforms).</param>
/// <param name="Weight">How strongly the rule supports it, 0–1.</param>
/// <param name="Rule">The rule that made it.</param>
/// <param name="Observation">Index of the observation it came from, in the list given to the identifier.</param>
/// <param name="Group">The evidence group it belongs to.</param>
public sealed record Claim(ClaimType Type, string Value, double Weight, string Rule, int Observation, string Group);
