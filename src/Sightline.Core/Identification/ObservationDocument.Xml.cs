using System.Globalization;
using System.Text;

namespace Sightline.Identification;

/// <summary>
/// Reading XML into fields with a small scanner of our own rather than XmlReader: device replies are a few
/// kilobytes of plain elements, and a scanner that knows only elements, attributes, text, comments and CDATA
/// reads them several times faster. It cannot be made to fetch or expand anything: a document that declares
/// a DTD is refused outright, and entity references other than the five predefined ones and numeric
/// character references are left as written.
/// </summary>
public sealed partial class ObservationDocument
{
    // Vectorised: a case-blind Contains under invariant globalization compares character by character.
    private static readonly System.Buffers.SearchValues<string> Doctype = System.Buffers.SearchValues.Create(["<!DOCTYPE"], StringComparison.OrdinalIgnoreCase);

    private void ReadXml()
    {
        var text = Text;
        if (text.AsSpan().IndexOfAny(Doctype) >= 0)
        {
            Note("XML declaring a DTD is refused (DTDs are prohibited): its fields were not read");
            return;
        }
        // Start at the first element: captures may carry a declaration or transport junk before it.
        var at = -1;
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < text.Length - 1; i = text.IndexOf('<', i + 1))
        {
            if (IsNameStart(text[i + 1]))
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            Note("no XML found");
            return;
        }
        // Open elements as (start, length) of their qualified names in the text: nothing is built for elements no rule reads.
        var open = new Stack<(int Start, int Length)>(8);
        var element = (Start: 0, Length: 0);
        while (at < text.Length)
        {
            var tag = text.IndexOf('<', at);
            if (tag < 0)
            {
                tag = text.Length;
            }
            if (open.Count > 0 && tag > at && !AddText(LocalName(text.AsSpan(element.Start, element.Length)), text.AsSpan(at, tag - at)))
            {
                return;
            }
            if (tag >= text.Length)
            {
                break;
            }
            if (string.CompareOrdinal(text, tag, "<!--", 0, 4) == 0)
            {
                at = End(text, tag, "-->");
            }
            else if (string.CompareOrdinal(text, tag, "<![CDATA[", 0, 9) == 0)
            {
                var close = text.IndexOf("]]>", tag, StringComparison.Ordinal);
                if (close < 0)
                {
                    Broken(tag, "a CDATA section does not end");
                    return;
                }
                var name = LocalName(text.AsSpan(element.Start, element.Length));
                if (open.Count > 0 && Wants(name) && !Add(name.ToString(), text[(tag + 9)..close].Trim()))
                {
                    return;
                }
                at = close + 3;
            }
            else if (tag + 1 < text.Length && text[tag + 1] == '?')
            {
                at = End(text, tag, "?>");
            }
            else if (tag + 1 < text.Length && text[tag + 1] == '/')
            {
                var close = text.IndexOf('>', tag);
                if (close < 0 || open.Count == 0)
                {
                    Broken(tag, close < 0 ? "an end tag does not close" : "an end tag has no start tag");
                    return;
                }
                var name = text.AsSpan(tag + 2, close - tag - 2).Trim();
                var start = open.Pop();
                if (!name.SequenceEqual(text.AsSpan(start.Start, start.Length)))
                {
                    Broken(tag, $"the end tag '{name}' does not match its start tag");
                    return;
                }
                at = close + 1;
                if (open.Count == 0)
                {
                    return; // The document has ended; what follows is not part of it.
                }
            }
            else
            {
                if (open.Count >= MaxDepth)
                {
                    Note($"XML nested deeper than {MaxDepth}; the rest was not read");
                    return;
                }
                if (!ReadStartTag(text, tag, open, ref element, out at))
                {
                    return;
                }
            }
        }
        if (open.Count > 0)
        {
            Broken(text.Length, $"the element '{text.AsSpan(open.Peek().Start, open.Peek().Length)}' does not end");
        }
    }

    /// <summary>Reads a start tag at text[tag]; false when the document must not be read further.</summary>
    private bool ReadStartTag(string text, int tag, Stack<(int Start, int Length)> open, ref (int Start, int Length) element, out int next)
    {
        next = text.Length;
        var i = tag + 1;
        var nameStart = i;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }
        if (i == nameStart)
        {
            Broken(tag, "'<' does not start a tag");
            return false;
        }
        element = (nameStart, i - nameStart);
        if (open.Count == 0 && Wants("root") && !Add("root", LocalName(text.AsSpan(nameStart, i - nameStart)).ToString()))
        {
            return false;
        }
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                Broken(tag, "a start tag does not close");
                return false;
            }
            if (text[i] == '>' || (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '>'))
            {
                var empty = text[i] == '/';
                next = i + (empty ? 2 : 1);
                if (!empty)
                {
                    open.Push(element);
                }
                return true;
            }
            var attributeStart = i;
            while (i < text.Length && IsNameChar(text[i]))
            {
                i++;
            }
            var attribute = text.AsSpan(attributeStart, i - attributeStart);
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (attribute.Length == 0 || i >= text.Length || text[i] != '=')
            {
                Broken(tag, "an attribute has no value");
                return false;
            }
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length || text[i] is not ('"' or '\''))
            {
                Broken(tag, "an attribute value is not quoted");
                return false;
            }
            var close = text.IndexOf(text[i], i + 1);
            if (close < 0)
            {
                Broken(tag, "an attribute value does not end");
                return false;
            }
            var raw = text.AsSpan(i + 1, close - i - 1);
            i = close + 1;
            var isNamespace = attribute.SequenceEqual("xmlns") || attribute.StartsWith("xmlns:", StringComparison.Ordinal);
            if (!Wants(isNamespace ? "xmlns" : LocalName(attribute)))
            {
                continue;
            }
            var added = isNamespace
                ? Add("xmlns", raw.Contains('&') ? $"{LocalName(attribute)}={Decode(raw)}" : string.Concat(LocalName(attribute), "=", raw))
                : Add(LocalName(attribute).ToString(), Decode(raw));
            if (!added)
            {
                return false;
            }
        }
    }

    private bool AddText(ReadOnlySpan<char> element, ReadOnlySpan<char> raw)
    {
        var trimmed = raw.Trim();
        return trimmed.IsEmpty || !Wants(element) || Add(NameOf(element), Decode(trimmed));
    }

    private void Broken(int at, string reason)
    {
        var line = 1;
        foreach (var c in Text.AsSpan(0, Math.Min(at, Text.Length)))
        {
            line += c == '\n' ? 1 : 0;
        }
        Note($"XML not read past line {line}: {reason}");
    }

    private static int End(string text, int from, string terminator) =>
        text.IndexOf(terminator, from, StringComparison.Ordinal) is >= 0 and var end ? end + terminator.Length : text.Length;

    private static ReadOnlySpan<char> LocalName(ReadOnlySpan<char> qualified) =>
        qualified.LastIndexOf(':') is >= 0 and var colon ? qualified[(colon + 1)..] : qualified;

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    // Names are read character by character: ASCII (nearly all) by a bitmap, inlined, the rest by Unicode category.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsNameChar(char c) => char.IsAscii(c) ? AsciiNameChars.Contains(c) : char.IsLetterOrDigit(c);

    private static readonly System.Buffers.SearchValues<char> AsciiNameChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.:");

    /// <summary>Replaces the predefined entities and numeric character references; anything else stays as written.</summary>
    private static string Decode(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOf('&') < 0)
        {
            return raw.ToString();
        }
        var result = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var semicolon = raw[i] == '&' ? raw[i..].IndexOf(';') : -1;
            if (semicolon is < 2 or > 10)
            {
                result.Append(raw[i]);
                continue;
            }
            var name = raw.Slice(i + 1, semicolon - 1);
            var decoded = name switch
            {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                "apos" => "'",
                _ when name[0] == '#' && TryCodePoint(name[1..], out var code) => char.ConvertFromUtf32(code),
                _ => null,
            };
            if (decoded is null)
            {
                result.Append(raw[i]);
                continue;
            }
            result.Append(decoded);
            i += semicolon;
        }
        return result.ToString();
    }

    private static bool TryCodePoint(ReadOnlySpan<char> digits, out int code)
    {
        code = 0;
        var ok = digits.Length > 0 && (digits[0] is 'x' or 'X'
            ? int.TryParse(digits[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code));
        return ok && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);
    }
}
