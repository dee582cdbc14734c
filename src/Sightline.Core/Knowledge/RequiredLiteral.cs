namespace Sightline.Knowledge;

/// <summary>
/// The runs of plain characters every match of a pattern must contain, found from the pattern's top level (not
/// inside groups, classes or alternations). Checking for them first, with vectorised searches, rules a pattern
/// out in nanoseconds; only texts that contain them all are given to the regex engine.
/// </summary>
internal static class RequiredLiteral
{
    private const string Meta = "\\^$.|?*+()[]{}";
    private static readonly System.Buffers.SearchValues<char> Markup = System.Buffers.SearchValues.Create("<>/=:\"");

    /// <summary>The literals, most telling first; empty when the pattern has none of at least two characters (or a top-level alternation).</summary>
    public static string[] Of(string pattern)
    {
        var text = pattern;
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"\(\?[imns-]*x"))
        {
            return []; // Whitespace and comments in the pattern are not text to look for.
        }
        var runs = new List<string>();
        var run = new System.Text.StringBuilder();
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (depth > 0 || c == '[')
            {
                // Inside a group or class: skip it whole, honouring escapes and nested classes.
                i = SkipGroupOrClass(text, i, ref depth);
                End();
                continue;
            }
            switch (c)
            {
                case '(':
                    depth = 1;
                    End();
                    continue;
                case '|':
                    return [];
                case '?' or '*' or '{':
                    // The character before is optional or repeated: it is not required as written.
                    if (run.Length > 0)
                    {
                        run.Length--;
                    }
                    End();
                    if (c == '{')
                    {
                        i = text.IndexOf('}', i) is >= 0 and var close ? close : text.Length;
                    }
                    continue;
                case '+':
                    End();
                    continue;
                case '\\' when i + 1 < text.Length && !char.IsLetterOrDigit(text[i + 1]):
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
        // Content words ("Milesight") rule out more texts than markup ("Manufacturer>", "realm=\""), which every
        // document of a kind holds: check them first, longest first, each once.
        return [.. runs.Where(r => r.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(r => r.AsSpan().IndexOfAny(Markup) >= 0).ThenByDescending(r => r.Length).Take(3)];

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
            if (run.Length > 0)
            {
                runs.Add(run.ToString());
            }
            run.Clear();
        }
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

    private static int SkipGroupOrClass(string text, int i, ref int depth)
    {
        var inClass = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                if (!inClass && depth == 0)
                {
                    return i;
                }
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i;
                    }
                    break;
                default:
                    break;
            }
        }
        return i;
    }
}
