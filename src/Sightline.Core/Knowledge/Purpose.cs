namespace Sightline.Knowledge;

/// <summary>A purpose a designation can be limited to, and the words in a system's purposes that mean it.</summary>
public sealed record Purpose(string Id, string Label, IReadOnlyList<string> Words, Provenance Provenance)
{
    /// <summary>The purpose set by a system's sensitive-site flag rather than by its words.</summary>
    public const string SensitiveSite = "sensitive-site";

    /// <summary>Whether a system's stated purposes (free text) include one of this purpose's words, as whole words.</summary>
    public bool IsIn(string? purposes) => purposes is not null && Words.Any(w => HasWord(purposes, w));

    private static bool HasWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }
        return false;
    }
}
