using System.Buffers;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sightline.Cli;

/// <summary>
/// Text from devices and users made safe for a terminal: control characters (C0, DEL, C1 — the makings of escape
/// sequences) and bidirectional formatting characters (which reorder what is shown) are written as <c>\uXXXX</c>.
/// Every CLI output path goes through it: <see cref="CliContext.Out"/> and <see cref="CliContext.Error"/> are
/// <see cref="TerminalWriter"/>s, and table cells are made with <see cref="Cells"/>.
/// </summary>
public static class TerminalText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        Enumerable.Range(0, 0x20)
            .Concat(Enumerable.Range(0x7F, 0x9F - 0x7F + 1))
            .Concat([0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069])
            .Select(c => (char)c).ToArray());

    /// <summary>The text with every unsafe character escaped, line breaks and tabs included (for one cell or field).</summary>
    public static string Escape(string? text) => Escape(text, keepLines: false);

    /// <summary>The text escaped; with <paramref name="keepLines"/>, line feeds and tabs pass as they are.</summary>
    public static string Escape(string? text, bool keepLines)
    {
        if (text is null)
        {
            return "";
        }
        var span = text.AsSpan();
        var next = NextUnsafe(span, keepLines);
        if (next < 0)
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        while (next >= 0)
        {
            escaped.Append(span[..next]).Append("\\u").Append(((int)span[next]).ToString("X4", CultureInfo.InvariantCulture));
            span = span[(next + 1)..];
            next = NextUnsafe(span, keepLines);
        }
        return escaped.Append(span).ToString();
    }

    /// <summary>Index of the first character <see cref="Escape(string?, bool)"/> would change, or -1.</summary>
    internal static int NextUnsafe(ReadOnlySpan<char> text, bool keepLines)
    {
        var offset = 0;
        while (text[offset..].IndexOfAny(Unsafe) is var found && found >= 0)
        {
            var at = offset + found;
            if (!keepLines || text[at] is not '\n' and not '\t')
            {
                return at;
            }
            offset = at + 1;
        }
        return -1;
    }

    /// <summary>Table cells showing the values literally: never Spectre markup, never a control character.</summary>
    public static IRenderable[] Cells(params string?[] values) => values.Select(Cell).ToArray();

    /// <summary>One table cell showing the value literally.</summary>
    public static IRenderable Cell(string? value) => new Text(Escape(value));
}
