namespace Sightline.Identification;

/// <summary>
/// The combined weight of each claimed value: within an evidence group only the strongest claim counts, and
/// groups combine by noisy-OR, 1 − Π(1 − w). A device has tens of claims, so plain scans beat hashing here; each
/// value's score is worked out once, in the constructor, not again for every question asked.
/// </summary>
internal sealed class Scores
{
    private readonly Total[] _totals;
    private readonly int _totalCount;

    public Scores(List<Claim> claims)
    {
        var strongest = new Strongest[claims.Count];
        var count = 0;
        foreach (var claim in claims)
        {
            // A cheap print of type, lengths and last letters settles most comparisons without comparing text.
            var print = Print(claim.Type, claim.Value, claim.Group);
            var i = 0;
            while (i < count && !(strongest[i].Print == print && strongest[i].Type == claim.Type && strongest[i].Value == claim.Value && strongest[i].Group == claim.Group))
            {
                i++;
            }
            if (i == count)
            {
                strongest[count++] = new Strongest(print, claim.Type, claim.Value, claim.Group, claim.Weight);
            }
            else if (claim.Weight > strongest[i].Weight)
            {
                strongest[i].Weight = claim.Weight;
            }
        }
        // Each value's groups in claim order, combined both ways the verdict reads them (as before: the two orders of
        // floating-point operations can differ in the last bit, and a tie between makers must break as it did).
        _totals = new Total[count];
        for (var i = 0; i < count; i++)
        {
            var (type, value, weight) = (strongest[i].Type, strongest[i].Value, strongest[i].Weight);
            var t = 0;
            while (t < _totalCount && !(_totals[t].Type == type && _totals[t].Value == value))
            {
                t++;
            }
            if (t == _totalCount)
            {
                _totals[_totalCount++] = new Total(type, value, weight, 1 - weight);
            }
            else
            {
                _totals[t].Combined = 1 - ((1 - _totals[t].Combined) * (1 - weight));
                _totals[t].Missing *= 1 - weight;
            }
        }
    }

    /// <summary>Each value of one type with its score, best first (ties by value).</summary>
    public List<(string Value, double Score)> Of(ClaimType type)
    {
        var scores = new List<(string Value, double Score)>(_totalCount);
        for (var t = 0; t < _totalCount; t++)
        {
            if (_totals[t].Type == type)
            {
                scores.Add((_totals[t].Value, _totals[t].Combined));
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
        for (var t = 0; t < _totalCount; t++)
        {
            if (_totals[t].Type != type)
            {
                continue;
            }
            var (value, score) = (_totals[t].Value, 1 - _totals[t].Missing);
            if (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(value, best) < 0))
            {
                (best, bestScore) = (value, score);
            }
        }
        return (best, bestScore);
    }

    private static int Print(ClaimType type, string value, string group) =>
        (int)type ^ (value.Length << 8) ^ (group.Length << 20) ^ (value.Length > 0 ? value[^1] << 12 : 0) ^ (group.Length > 0 ? group[^1] << 24 : 0);

    /// <summary>The strongest claim of one value in one evidence group.</summary>
    private record struct Strongest(int Print, ClaimType Type, string Value, string Group, double Weight);

    /// <summary>
    /// One value's groups combined: <see cref="Combined"/> step by step, 1 − (1 − s)(1 − w), as the candidates list
    /// reads it; <see cref="Missing"/> as the product Π(1 − w), whose complement the best value is chosen by.
    /// </summary>
    private record struct Total(ClaimType Type, string Value, double Combined, double Missing);
}
