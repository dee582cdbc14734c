using System.Buffers;
using System.Text;

namespace Sightline.Identification;

/// <summary>
/// Observation text as identification reads it: terminal escape and control sequences (each whole, as ESC [31m) and
/// bidirectional formatting characters removed, so that <c>HIKVISION\x1b[31m</c> reads as <c>HIKVISION</c> (and is not
/// taken for some other brand on Hikvision's platform). Other control characters stay: rules read binary answers by
/// their NUL and separator bytes, and a brand's are ignored by the brand lookup anyway. What is printed is escaped
/// separately, by the CLI.
/// </summary>
public static class ObservationText
{
    // ESC and the C1 controls that open a sequence or string (DCS, SOS, CSI, OSC, PM, APC), and the bidirectional marks,
    // embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–202E, U+2066–2069).
    private static readonly SearchValues<char> Removed = SearchValues.Create(
        [(char)0x1B, (char)0x90, (char)0x98, (char)0x9B, (char)0x9D, (char)0x9E, (char)0x9F,
            '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    /// <summary>The value without what <see cref="ObservationText"/> removes: the same string, not a copy, when there is none.</summary>
    public static string Clean(string value)
    {
        var first = value.AsSpan().IndexOfAny(Removed);
        if (first < 0)
        {
            return value;
        }
        var clean = new StringBuilder(value.Length);
        clean.Append(value, 0, first);
        var i = first;
        while (i < value.Length)
        {
            var c = value[i];
            if (!Removed.Contains(c))
            {
                clean.Append(c);
                i++;
                continue;
            }
            i = c switch
            {
                '\u001B' => AfterEscape(value, i + 1),
                '\u009B' => AfterControlSequence(value, i + 1),
                '\u0090' or '\u0098' or '\u009D' or '\u009E' or '\u009F' => AfterControlString(value, i + 1),
                _ => i + 1,
            };
        }
        return clean.ToString();
    }

    // What follows ESC: a control sequence ("["), a control string ("]" OSC, "P" DCS, "X" SOS, "^" PM, "_" APC), or
    // intermediate bytes and one final byte (ECMA-48, 5.3).
    private static int AfterEscape(string s, int i)
    {
        if (i >= s.Length)
        {
            return i;
        }
        switch (s[i])
        {
            case '[':
                return AfterControlSequence(s, i + 1);
            case ']' or 'P' or 'X' or '^' or '_':
                return AfterControlString(s, i + 1);
        }
        while (i < s.Length && s[i] is >= ' ' and <= '/')
        {
            i++;
        }
        return i < s.Length && s[i] is >= '0' and <= '~' ? i + 1 : i;
    }

    // Parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
    private static int AfterControlSequence(string s, int i)
    {
        while (i < s.Length && s[i] is >= '0' and <= '?')
        {
            i++;
        }
        while (i < s.Length && s[i] is >= ' ' and <= '/')
        {
            i++;
        }
        return i < s.Length && s[i] is >= '@' and <= '~' ? i + 1 : i;
    }

    // A control string ends with BEL or the string terminator (ESC \ or U+009C). One never ended removes only its
    // introducer, so a stray ESC ] cannot hide the rest of a document from the rules.
    private static int AfterControlString(string s, int i)
    {
        for (var j = i; j < s.Length; j++)
        {
            if (s[j] is '\u0007' or '\u009C')
            {
                return j + 1;
            }
            if (s[j] == '\u001B' && j + 1 < s.Length && s[j + 1] == '\\')
            {
                return j + 2;
            }
        }
        return i;
    }
}
