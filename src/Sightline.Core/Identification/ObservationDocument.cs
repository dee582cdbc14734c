using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

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

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _wanted;

    private ObservationDocument(string text, HashSet<string>? wanted)
    {
        Text = text;
        _wanted = wanted?.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The text rules match when they name no field.</summary>
    public string Text { get; }

    /// <summary>Fields by name, in document order; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>What was cut or refused while reading.</summary>
    public IReadOnlyList<string> Notes => _notes ?? (IReadOnlyList<string>)[];

    /// <summary>
    /// Reads an observation's text according to its kind: every field, or only the <paramref name="wanted"/> ones
    /// (a set that ignores case), which saves building the rest.
    /// </summary>
    public static ObservationDocument Read(Observation observation, HashSet<string>? wanted = null)
    {
        var value = observation.Value;
        var document = new ObservationDocument(value.Length > MaxChars ? value[..MaxChars] : value, wanted);
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
            case ObservationFormat.Document:
                document.ReadDocument();
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

    /// <summary>Whether a field of this name is read at all.</summary>
    private bool Wants(ReadOnlySpan<char> name) => _wanted is not { } wanted || wanted.Contains(name);

    /// <summary>A wanted field's name as a string: the wanted set's own when it is spelt the same (nothing is allocated).</summary>
    private string NameOf(ReadOnlySpan<char> name) =>
        _wanted is { } wanted && wanted.TryGetValue(name, out var known) && name.SequenceEqual(known) ? known : name.ToString();

    private bool Add(string name, string value)
    {
        if (!Wants(name))
        {
            return true;
        }
        if (_fields.Count >= MaxFields)
        {
            Note($"more than {MaxFields:N0} fields; the rest were not read");
            return false;
        }
        _fields.Add(new(name, value));
        return true;
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

    /// <summary>
    /// ONVIF and ISAPI answers as clients keep them: the XML itself (anything holding a '&lt;' that is not JSON), JSON (a device's own, or XML turned into JSON
    /// with attributes as "@name"), a Python dictionary a client library printed, or "Key: value" lines.
    /// </summary>
    private void ReadDocument()
    {
        var text = Text.AsSpan().TrimStart();
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            var (fields, notes) = (_fields.Count, Notes.Count);
            if (JsonStart().IsMatch(Text))
            {
                ReadJson();
            }
            if (_fields.Count == fields)
            {
                // Not JSON after all: what the JSON reader said about it does not apply to the dictionary read instead.
                _notes?.RemoveRange(notes, _notes.Count - notes);
                ReadQuotedPairs();
            }
        }
        else if (text.Contains('<'))
        {
            ReadXml();
        }
        else
        {
            ReadKeyValues(Text);
        }
    }

    /// <summary>'name': 'value' pairs at any depth, in either quote, as a Python dictionary prints them.</summary>
    private void ReadQuotedPairs()
    {
        foreach (Match pair in QuotedPair().Matches(Text))
        {
            var (name, prefix) = AttributeName(pair.Groups["name"].Value);
            if (!Add(name, prefix + pair.Groups["value"].Value))
            {
                return;
            }
        }
    }

    /// <summary>
    /// XML turned into JSON or a dictionary writes attributes as "@name" and namespace declarations as "@xmlns" or
    /// "@xmlns:prefix": read them as the XML reader does (the name, and "xmlns" holding "prefix=uri").
    /// </summary>
    private static (string Name, string ValuePrefix) AttributeName(string name) => name switch
    {
        "@xmlns" => ("xmlns", "xmlns="),
        _ when name.StartsWith("@xmlns:", StringComparison.Ordinal) => ("xmlns", name[7..] + "="),
        _ when name.StartsWith('@') && name.Length > 1 => (name[1..], ""),
        _ => (name, ""),
    };

    private bool TryReadJson(int start, out string? failure)
    {
        failure = null;
        var text = Text.AsSpan(start);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)),
            new JsonReaderOptions { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var name = "";
        var valuePrefix = "";
        Span<char> unescaped = stackalloc char[64];
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    // Names are made strings only for wanted fields: most of a device's JSON is not read by any rule.
                    case JsonTokenType.PropertyName when _wanted is not null && !reader.ValueIsEscaped && reader.ValueSpan.Length <= unescaped.Length
                        && reader.ValueSpan is not [(byte)'@', ..]:
                        var length = Encoding.UTF8.GetChars(reader.ValueSpan, unescaped);
                        name = Wants(unescaped[..length]) ? reader.GetString() ?? "" : "";
                        valuePrefix = "";
                        break;
                    case JsonTokenType.PropertyName:
                        (name, valuePrefix) = AttributeName(reader.GetString() ?? "");
                        break;
                    case JsonTokenType.String:
                        if (Wants(name) && !Add(name, valuePrefix.Length == 0 ? reader.GetString() ?? "" : valuePrefix + reader.GetString()))
                        {
                            return true;
                        }
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                        if (Wants(name) && !Add(name, Encoding.UTF8.GetString(reader.ValueSpan)))
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
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
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
            // Printed dictionaries and YAML quote keys and values and end lines with commas.
            var key = line[..split].Trim().Trim('\'', '"');
            var value = line[(split + 1)..].Trim().TrimEnd(',').Trim().Trim('\'', '"');
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
        var head = headerEnd >= 0 ? text.AsSpan(0, headerEnd) : text.AsSpan();
        var body = headerEnd >= 0 ? text[headerEnd..].TrimStart('\r', '\n') : "";
        // Lines are read in place, and a header no rule reads is not made into strings.
        var firstEnd = head.IndexOf('\n');
        if (Wants("status") && !Add("status", (firstEnd >= 0 ? head[..firstEnd] : head).Trim().ToString()))
        {
            return;
        }
        var rest = firstEnd >= 0 ? head[(firstEnd + 1)..] : [];
        var names = Wants("header-names");
        Span<char> lower = stackalloc char[64];
        foreach (var range in rest.Split('\n'))
        {
            var line = rest[range].TrimEnd('\r');
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon].Trim();
            if (!names && name.Length <= lower.Length && System.Text.Ascii.IsValid(name))
            {
                // ASCII lower case is what ToLowerInvariant makes of it, so whether it is wanted is the same.
                System.Text.Ascii.ToLower(name, lower, out var written);
                if (!Wants(lower[..written]))
                {
                    continue;
                }
            }
            var nameText = name.ToString();
            if ((names && !Add("header-names", nameText)) || !Add(nameText.ToLowerInvariant(), line[(colon + 1)..].Trim().ToString()))
            {
                return;
            }
        }
        if (body.Length > 0 && Add("body", body))
        {
            var open = body.AsSpan().IndexOfAny(TitleStart);
            var close = open >= 0 && body.AsSpan(open).IndexOfAny(TitleEnd) is >= 0 and var end ? open + end : -1;
            if (close > open)
            {
                Add("title", body[(open + 7)..close].Trim());
            }
        }
    }

    // Vectorised case-blind searches (string.IndexOf ignoring case is a scalar loop under invariant globalization).
    private static readonly System.Buffers.SearchValues<string> TitleStart = System.Buffers.SearchValues.Create(["<title>"], StringComparison.OrdinalIgnoreCase);
    private static readonly System.Buffers.SearchValues<string> TitleEnd = System.Buffers.SearchValues.Create(["</title>"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{\s*""")]
    private static partial Regex JsonStart();

    [GeneratedRegex(@"['""](?<name>[@\w:.-]{1,64})['""]\s*:\s*['""](?<value>[^'""\r\n]{0,256})['""]", RegexOptions.NonBacktracking)]
    private static partial Regex QuotedPair();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
