namespace Sightline.Identification;

/// <summary>
/// One piece of evidence that gave a suspected white label's platform away: the id of the rule that made the claim and
/// what the rule means in words (from the knowledge: a fingerprint's description, a model pattern's maker and example,
/// a MAC block's registered owner, a brand's link), never the rule's pattern. <see cref="Meaning"/> is empty when the
/// knowledge says nothing more than the id.
/// </summary>
public sealed record Tell(string Rule, string Meaning)
{
    /// <summary>The tell as people read it: the meaning, then the rule's id in brackets.</summary>
    public override string ToString() => Meaning.Length > 0 ? $"{Meaning} ({Rule})" : Rule;
}
