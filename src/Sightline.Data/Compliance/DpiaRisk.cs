namespace Sightline.Data.Compliance;

/// <summary>One risk in a DPIA, scored as the ICO's template does: likelihood (remote, possible, probable) × severity (minimal, significant, severe).</summary>
public sealed record DpiaRisk(string Risk, string Likelihood, string Severity)
{
    /// <summary>The likelihood words, least first.</summary>
    public static IReadOnlyList<string> Likelihoods { get; } = ["remote", "possible", "probable"];

    /// <summary>The severity words, least first.</summary>
    public static IReadOnlyList<string> Severities { get; } = ["minimal", "significant", "severe"];

    /// <summary>low, medium or high, from the two scores (1–9: up to 2 low, up to 4 medium, above high).</summary>
    public string Level => ((Rank(Likelihoods, Likelihood) + 1) * (Rank(Severities, Severity) + 1)) switch
    {
        <= 2 => "low",
        <= 4 => "medium",
        _ => "high",
    };

    private static int Rank(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
            {
                return i;
            }
        }
        return -1;
    }
}
