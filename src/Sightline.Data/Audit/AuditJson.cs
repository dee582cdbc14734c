using System.Buffers;
using System.Text;
using System.Text.Json;
using Sightline.Register;

namespace Sightline.Data.Audit;

/// <summary>The before/after JSON of audit entries about devices: column names as keys, only the values that changed.</summary>
public static class AuditJson
{
    /// <summary>Every non-empty value of a device, for its creation.</summary>
    public static string Snapshot(DeviceValues values) => Write(values, null);

    /// <summary>The values of <paramref name="from"/> that differ from <paramref name="to"/> (or are only in one).</summary>
    public static string ChangedIn(DeviceValues from, DeviceValues to) => Write(from, to);

    /// <summary>Whether two devices would export identically.</summary>
    public static bool Same(DeviceValues a, DeviceValues b)
    {
        for (var i = 0; i < DeviceColumns.Count; i++)
        {
            if (a[(DeviceColumn)i] != b[(DeviceColumn)i])
            {
                return false;
            }
        }
        return a.Attributes.Count == b.Attributes.Count && a.Attributes.SequenceEqual(b.Attributes);
    }

    /// <summary>A JSON object of string values (null written as null).</summary>
    public static string Of(params (string Name, string? Value)[] pairs)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var (name, value) in pairs)
            {
                if (value is null)
                {
                    json.WriteNull(name);
                }
                else
                {
                    json.WriteString(name, value);
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The column names encoded once, not checked for escaping in every entry.
    private static readonly JsonEncodedText[] Names = [.. DeviceColumns.Names.Select(name => JsonEncodedText.Encode(name))];

    // One buffer and writer per thread, reset for each entry: an import writes one of these per device.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    private static string Write(DeviceValues values, DeviceValues? other)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_json ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartObject();
        for (var i = 0; i < DeviceColumns.Count; i++)
        {
            var value = values[(DeviceColumn)i];
            if (other is not null && value == other[(DeviceColumn)i])
            {
                continue;
            }
            if (value is null)
            {
                if (other is not null)
                {
                    json.WriteNull(Names[i]);
                }
                continue;
            }
            json.WriteString(Names[i], value);
        }
        WriteChangedAttributes(json, values.Attributes, other?.Attributes);
        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Attributes in ordinal order: those of `values` that differ from `other`, and those only `other` has, as null.
    private static void WriteChangedAttributes(Utf8JsonWriter json, SortedDictionary<string, string> values,
        SortedDictionary<string, string>? other)
    {
        var started = false;
        using var mine = values.GetEnumerator();
        using var theirs = (other ?? Empty).GetEnumerator();
        var hasMine = mine.MoveNext();
        var hasTheirs = theirs.MoveNext();
        while (hasMine || hasTheirs)
        {
            var order = !hasMine ? 1 : !hasTheirs ? -1 : string.CompareOrdinal(mine.Current.Key, theirs.Current.Key);
            if (order == 0 && mine.Current.Value == theirs.Current.Value)
            {
                hasMine = mine.MoveNext();
                hasTheirs = theirs.MoveNext();
                continue;
            }
            if (!started)
            {
                json.WriteStartObject("attributes");
                started = true;
            }
            if (order <= 0)
            {
                json.WriteString(mine.Current.Key, mine.Current.Value);
                hasMine = mine.MoveNext();
                hasTheirs = order == 0 ? theirs.MoveNext() : hasTheirs;
            }
            else
            {
                json.WriteNull(theirs.Current.Key);
                hasTheirs = theirs.MoveNext();
            }
        }
        if (started)
        {
            json.WriteEndObject();
        }
    }

    private static readonly SortedDictionary<string, string> Empty = new(StringComparer.Ordinal);
}
