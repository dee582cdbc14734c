using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>A text a rule must match, and claims it must then make (type → value).</summary>
public sealed record RuleExample(string Value, IReadOnlyDictionary<ClaimType, string> Expect);
