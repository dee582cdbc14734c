namespace Sightline.Identification;

/// <summary>
/// The combined weight of each claimed value: within an evidence group only the strongest claim counts, and
/// groups combine by noisy-OR, 1 − Π(1 − w). A device has tens of claims, so plain scans beat hashing here.
/// </summary>
internal readonly struct Scores
{
    private readonly List<(ClaimType Type, string Value, string Group, double Weight)> _strongest = [];

    public Scores(List<Claim> claims)
    {
        foreach (var claim in claims)
        {
            var i = _strongest.FindIndex(s => s.Type == claim.Type && s.Value == claim.Value && s.Group == claim.Group);
            if (i < 0)
            {
                _strongest.Add((claim.Type, claim.Value, claim.Group, claim.Weight));
            }
            else if (claim.Weight > _strongest[i].Weight)
            {
                _strongest[i] = _strongest[i] with { Weight = claim.Weight };
            }
        }
    }

    /// <summary>Each value of one type with its score, best first (ties by value).</summary>
    public List<(string Value, double Score)> Of(ClaimType type)
    {
        var scores = new List<(string Value, double Score)>();
        foreach (var (claimType, value, _, weight) in _strongest)
        {
            if (claimType != type)
            {
                continue;
            }
            var i = scores.FindIndex(s => s.Value == value);
            if (i < 0)
            {
                scores.Add((value, weight));
            }
            else
            {
                scores[i] = (value, 1 - ((1 - scores[i].Score) * (1 - weight)));
            }
        }
        scores.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Value, b.Value));
        return scores;
    }

    /// <summary>The best value of one type and its score; (null, 0) when there is none.</summary>
    public (string? Value, double Score) Top(ClaimType type) => Of(type) is [var top, ..] ? top : (null, 0);
}
