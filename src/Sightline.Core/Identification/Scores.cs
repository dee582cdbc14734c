namespace Sightline.Identification;

/// <summary>
/// The combined weight of each claimed value: within an evidence group only the strongest claim counts, and
/// groups combine by noisy-OR, 1 − Π(1 − w). A device has tens of claims, so plain scans beat hashing here.
/// </summary>
internal sealed class Scores
{
    private readonly List<(ClaimType Type, string Value, string Group, double Weight)> _strongest;

    public Scores(List<Claim> claims)
    {
        _strongest = new(claims.Count);
        foreach (var claim in claims)
        {
            var i = 0;
            while (i < _strongest.Count && !(_strongest[i].Type == claim.Type && _strongest[i].Value == claim.Value && _strongest[i].Group == claim.Group))
            {
                i++;
            }
            if (i == _strongest.Count)
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
            var i = 0;
            while (i < scores.Count && scores[i].Value != value)
            {
                i++;
            }
            if (i == scores.Count)
            {
                scores.Add((value, weight));
            }
            else
            {
                scores[i] = (value, 1 - ((1 - scores[i].Score) * (1 - weight)));
            }
        }
        if (scores.Count > 1)
        {
            scores.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Value, b.Value));
        }
        return scores;
    }

    /// <summary>The best value of one type and its score (ties by value); (null, 0) when there is none.</summary>
    public (string? Value, double Score) Top(ClaimType type)
    {
        string? best = null;
        var bestScore = 0.0;
        for (var i = 0; i < _strongest.Count; i++)
        {
            var value = _strongest[i].Value;
            if (_strongest[i].Type != type || Seen(type, value, i))
            {
                continue;
            }
            var missing = 1.0;
            for (var j = i; j < _strongest.Count; j++)
            {
                if (_strongest[j].Type == type && _strongest[j].Value == value)
                {
                    missing *= 1 - _strongest[j].Weight;
                }
            }
            var score = 1 - missing;
            if (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(value, best) < 0))
            {
                (best, bestScore) = (value, score);
            }
        }
        return (best, bestScore);
    }

    private bool Seen(ClaimType type, string value, int before)
    {
        for (var k = 0; k < before; k++)
        {
            if (_strongest[k].Type == type && _strongest[k].Value == value)
            {
                return true;
            }
        }
        return false;
    }
}
