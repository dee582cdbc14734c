namespace Sightline.Knowledge;

/// <summary>
/// Texts every match of a pattern must contain, found without running it: plain runs of characters at the
/// pattern's top level, and from a group that must match (or a top-level alternation) the texts each of its
/// branches requires, as a set any one of which must be present. Checking for them first, with vectorised searches,
/// rules a pattern out in nanoseconds; only texts that hold them all are given to the regex engine.
/// </summary>
internal static class RequiredLiteral
{
    private const string Meta = "\\^$.|?*+()[]{}";
    private static readonly System.Buffers.SearchValues<char> Markup = System.Buffers.SearchValues.Create("<>/=:\"");

    /// <summary>Literals only (see <see cref="Requirements"/>), most telling first.</summary>
    public static string[] Of(string pattern) => [.. Requirements(pattern).Where(r => r.Length == 1).Select(r => r[0])];

    /// <summary>
    /// What a text must hold for the pattern to match, most telling first: each entry is a set of texts of which at
    /// least one must be present (a single text when the pattern names it outright). Empty when nothing is known.
    /// </summary>
    public static string[][] Requirements(string pattern)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(pattern, @"\(\?[imns-]*x"))
        {
            return []; // Whitespace and comments in the pattern are not text to look for.
        }
        var found = Sequence(pattern, 0, pattern.Length, 0);
        // Content words ("Milesight") rule out more texts than markup ("Manufacturer>", "realm=\""), which every
        // document of a kind holds: check them first, longest first, each once.
        return [.. found.DistinctBy(r => string.Join("\n", r), StringComparer.OrdinalIgnoreCase)
            .OrderBy(r => r.Any(t => t.AsSpan().IndexOfAny(Markup) >= 0)).ThenByDescending(r => r.Min(t => t.Length)).Take(4)];
    }

    /// <summary>Requirements of pattern[start..end]: a sequence, or an alternation of sequences.</summary>
    private static List<string[]> Sequence(string text, int start, int end, int depth)
    {
        var branches = Branches(text, start, end);
        if (branches.Count == 1)
        {
            return Concatenation(text, start, end, depth);
        }
        // An alternation: what every branch requires is required; otherwise one of the branches' texts is.
        var each = branches.Select(b => Concatenation(text, b.Start, b.End, depth)).ToList();
        if (each.Any(e => e.Count == 0))
        {
            return [];
        }
        var common = each[0].Where(r => r.Length == 1 && each.All(e => e.Any(o => o.Length == 1 && o[0] == r[0]))).ToList();
        if (common.Count > 0)
        {
            return common;
        }
        // Each branch's most telling plain text (or, lacking one, its texts are not counted at all).
        var any = each.Select(e => e.Where(r => r.Length == 1).Select(r => r[0]).OrderByDescending(t => t.Length).FirstOrDefault()).ToArray();
        return any.Any(t => t is null) ? [] : [[.. any.Distinct(StringComparer.Ordinal)!]];
    }

    /// <summary>Top-level branches of pattern[start..end], split at '|' outside groups and classes.</summary>
    internal static List<(int Start, int End)> Branches(string text, int start, int end)
    {
        var branches = new List<(int Start, int End)>();
        var depth = 0;
        var from = start;
        for (var i = NextStructural(text, start, end); i < end; i = NextStructural(text, i + 1, end))
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    branches.Add((from, i));
                    from = i + 1;
                    break;
                default:
                    break;
            }
        }
        branches.Add((from, end));
        return branches;
    }

    /// <summary>Requirements of a concatenation with no top-level alternation.</summary>
    private static List<string[]> Concatenation(string text, int start, int end, int depth)
    {
        var found = new List<string[]>();
        var run = new System.Text.StringBuilder();
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '[')
            {
                End();
                i = SkipClass(text, i);
                continue;
            }
            if (c == '(')
            {
                End();
                var close = CloseOf(text, i, end);
                var required = close + 1 >= end || text[close + 1] is not ('?' or '*' or '{');
                // Only plain and named groups are looked into: an inline option such as (?i:) changes what matches.
                var body = text.AsSpan(i + 1) switch
                {
                    var s when s.StartsWith("?:") => i + 3,
                    var s when s.StartsWith("?<") && !s.StartsWith("?<=") && !s.StartsWith("?<!") => text.IndexOf('>', i) + 1,
                    var s when s.StartsWith("?'") => text.IndexOf('\'', i + 2) + 1,
                    var s when s.Length > 0 && s[0] != '?' => i + 1,
                    _ => -1,
                };
                if (required && body > 0 && body <= close && depth < 8)
                {
                    found.AddRange(Sequence(text, body, close, depth + 1));
                }
                i = close;
                continue;
            }
            switch (c)
            {
                case '?' or '*' or '{':
                    // The character before is optional or repeated: it is not required as written.
                    if (run.Length > 0)
                    {
                        run.Length--;
                    }
                    End();
                    if (c == '{')
                    {
                        i = text.IndexOf('}', i) is >= 0 and var brace ? brace : end;
                    }
                    continue;
                case '+':
                    End();
                    continue;
                case '\\' when i + 1 < end && !char.IsLetterOrDigit(text[i + 1]):
                    Add(text[++i]);
                    continue;
                case '\\':
                    // A class, anchor or coded character (\d, \b, \x41, \u0041, \p{L}): not plain text; skip it.
                    End();
                    i = SkipEscape(text, i);
                    continue;
                default:
                    if (Meta.Contains(c, StringComparison.Ordinal))
                    {
                        End();
                        continue;
                    }
                    Add(c);
                    continue;
            }
        }
        End();
        return found;

        void Add(char c)
        {
            // Only ASCII: case-blind matching of other letters follows rules a plain search does not.
            if (c > 127)
            {
                End();
                return;
            }
            run.Append(c);
        }

        void End()
        {
            if (run.Length >= 2)
            {
                found.Add([run.ToString()]);
            }
            run.Clear();
        }
    }

    /// <summary>Index of the ')' closing the group opened at text[open] (or end when it does not close).</summary>
    private static int CloseOf(string text, int open, int end)
    {
        var depth = 0;
        for (var i = NextStructural(text, open, end); i < end; i = NextStructural(text, i + 1, end))
        {
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && --depth == 0)
            {
                return i;
            }
        }
        return end;
    }

    /// <summary>
    /// Index of the next '(', ')' or '|' in text[from..end] that is the pattern's structure, not escaped and not inside a
    /// character class; end when there is none.
    /// </summary>
    private static int NextStructural(string text, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = SkipClass(text, i);
                    break;
                case '(' or ')' or '|':
                    return i;
                default:
                    break;
            }
        }
        return end;
    }

    /// <summary>Index of the ']' closing the class opened at text[open], honouring escapes and a leading ']' or '^]'.</summary>
    private static int SkipClass(string text, int open)
    {
        var i = open + 1;
        if (i < text.Length && text[i] == '^')
        {
            i++;
        }
        if (i < text.Length && text[i] == ']')
        {
            i++;
        }
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ']')
            {
                return i;
            }
        }
        return text.Length;
    }

    private static int SkipEscape(string text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return i;
        }
        return text[i + 1] switch
        {
            'x' => i + 3,
            'u' => i + 5,
            'c' => i + 2,
            'p' or 'P' => text.IndexOf('}', i) is >= 0 and var close ? close : text.Length,
            >= '0' and <= '9' => SkipDigits(text, i + 1),
            _ => i + 1,
        };
    }

    private static int SkipDigits(string text, int i)
    {
        while (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
        }
        return i;
    }
}
