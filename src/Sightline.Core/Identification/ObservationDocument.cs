using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

namespace Sightline.Identification;

/// <summary>
/// An observation read for matching: its text, capped, and its named fields. Device responses are hostile
/// input, so the text is cut at <see cref="MaxChars"/>, XML may not declare a DTD, documents may not nest
/// deeper than <see cref="MaxDepth"/> or hold more than <see cref="MaxFields"/> fields; anything cut or
/// refused is said in <see cref="Notes"/>, and the rules still see what could be read.
/// </summary>
public sealed partial class ObservationDocument
{
    /// <summary>Longest text matched, in characters.</summary>
    public const int MaxChars = 64 * 1024;

    /// <summary>Deepest nesting read in XML or JSON.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most fields read from one document.</summary>
    public const int MaxFields = 2000;

    private readonly List<KeyValuePair<string, string>> _fields = [];
    private List<string>? _notes;

    private ObservationDocument(string text) => Text = text;

    /// <summary>The text rules match when they name no field.</summary>
    public string Text { get; }

    /// <summary>Fields by name, in document order; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>What was cut or refused while reading.</summary>
    public IReadOnlyList<string> Notes => _notes ?? (IReadOnlyList<string>)[];

    /// <summary>Reads an observation's text according to its kind.</summary>
    public static ObservationDocument Read(Observation observation)
    {
        var value = observation.Value;
        var document = new ObservationDocument(value.Length > MaxChars ? value[..MaxChars] : value);
        if (value.Length > MaxChars)
        {
            document.Note($"{observation.Kind}: {value.Length:N0} characters, only the first {MaxChars:N0} were read");
        }
        switch (ObservationKinds.FormatOf(observation.Kind))
        {
            case ObservationFormat.Xml:
                document.ReadXml();
                break;
            case ObservationFormat.Json:
                document.ReadJson();
                break;
            case ObservationFormat.KeyValue:
                document.ReadKeyValues(document.Text);
                break;
            case ObservationFormat.JsonOrKeyValue:
                if (document.Text.TrimStart().StartsWith('{'))
                {
                    document.ReadJson();
                }
                else
                {
                    document.ReadKeyValues(document.Text);
                }
                break;
            case ObservationFormat.Message:
                document.ReadMessage();
                break;
            case ObservationFormat.Text:
            default:
                break;
        }
        return document;
    }

    /// <summary>Every value of the named field.</summary>
    public IEnumerable<string> Values(string name)
    {
        foreach (var field in _fields)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return field.Value;
            }
        }
    }

    private void Note(string note) => (_notes ??= []).Add(note);

    private bool Add(string name, string value)
    {
        if (_fields.Count >= MaxFields)
        {
            Note($"more than {MaxFields:N0} fields; the rest were not read");
            return false;
        }
        _fields.Add(new(name, value));
        return true;
    }

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxChars * 2L,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private void ReadXml()
    {
        if (Text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            Note("XML declaring a DTD is refused (DTDs are prohibited): its fields were not read");
            return;
        }
        // Start at the first element: captures may carry a declaration or transport junk before it.
        var start = -1;
        for (var i = Text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < Text.Length - 1; i = Text.IndexOf('<', i + 1))
        {
            if (char.IsLetter(Text[i + 1]) || Text[i + 1] == '_')
            {
                start = i;
                break;
            }
        }
        if (start < 0)
        {
            Note("no XML found");
            return;
        }
        try
        {
            using var reader = XmlReader.Create(new StringReader(Text[start..]), XmlSettings);
            var element = "";
            while (reader.Read())
            {
                if (reader.Depth > MaxDepth)
                {
                    Note($"XML nested deeper than {MaxDepth}; the rest was not read");
                    return;
                }
                if (reader.NodeType == XmlNodeType.Element)
                {
                    element = reader.LocalName;
                    if (reader.Depth == 0 && !Add("root", element))
                    {
                        return;
                    }
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var name = reader.Prefix == "xmlns" || reader.LocalName == "xmlns"
                                ? "xmlns"
                                : reader.LocalName;
                            var value = name == "xmlns" ? $"{reader.LocalName}={reader.Value}" : reader.Value;
                            if (!Add(name, value))
                            {
                                return;
                            }
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                }
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && !Add(element, reader.Value.Trim()))
                {
                    return;
                }
            }
        }
        catch (XmlException e)
        {
            Note($"XML not read past line {e.LineNumber}: {FirstLine(e.Message)}");
        }
    }

    private void ReadJson()
    {
        // A binary header (Dahua DHIP's 32 bytes) may come first and may itself hold '{' or '{"': try each place an
        // object could start, and keep the first that reads.
        var attempts = 0;
        string? failure = null;
        for (var found = JsonStart().Match(Text); found.Success && attempts < 8; found = found.NextMatch(), attempts++)
        {
            var fields = _fields.Count;
            if (TryReadJson(found.Index, out failure))
            {
                return;
            }
            if (_fields.Count > fields + 1)
            {
                Note(failure!);
                return; // Real fields were read before the document broke: keep them.
            }
            _fields.RemoveRange(fields, _fields.Count - fields);
        }
        Note(failure ?? "no JSON object found");
    }

    private bool TryReadJson(int start, out string? failure)
    {
        failure = null;
        var bytes = Encoding.UTF8.GetBytes(Text.AsSpan(start).ToString());
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var name = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        name = reader.GetString() ?? "";
                        break;
                    case JsonTokenType.String:
                        if (!Add(name, reader.GetString() ?? ""))
                        {
                            return true;
                        }
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                        if (!Add(name, Encoding.UTF8.GetString(reader.ValueSpan)))
                        {
                            return true;
                        }
                        break;
                    default:
                        break;
                }
                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject)
                {
                    return true;
                }
            }
            failure = "JSON ends before its object closes";
            return false;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: an escaped lone surrogate cannot be read as a string.
            failure = $"JSON not read past byte {reader.BytesConsumed}: {FirstLine(e.Message)}";
            return false;
        }
    }

    private void ReadKeyValues(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var split = line.IndexOf('=', StringComparison.Ordinal);
            if (split < 0)
            {
                split = line.IndexOf(':', StringComparison.Ordinal);
            }
            if (split <= 0)
            {
                continue;
            }
            var key = line[..split].Trim();
            var value = line[(split + 1)..].Trim();
            if (!Add(key, value))
            {
                return;
            }
            var dot = key.LastIndexOf('.');
            if (dot > 0 && dot < key.Length - 1 && !Add(key[(dot + 1)..], value))
            {
                return;
            }
        }
    }

    private void ReadMessage()
    {
        var text = Text;
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is >= 0 and var crlf
            ? crlf
            : text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = headerEnd >= 0 ? text[..headerEnd] : text;
        var body = headerEnd >= 0 ? text[headerEnd..].TrimStart('\r', '\n') : "";
        var lines = head.Split('\n');
        if (!Add("status", lines[0].Trim()))
        {
            return;
        }
        foreach (var raw in lines.Skip(1))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon].Trim();
            if (!Add("header-names", name) || !Add(name.ToLowerInvariant(), line[(colon + 1)..].Trim()))
            {
                return;
            }
        }
        if (body.Length > 0 && Add("body", body))
        {
            var open = body.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
            var close = open >= 0 ? body.IndexOf("</title>", open, StringComparison.OrdinalIgnoreCase) : -1;
            if (close > open)
            {
                Add("title", body[(open + 7)..close].Trim());
            }
        }
    }

    [GeneratedRegex(@"\{\s*""")]
    private static partial Regex JsonStart();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
