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

    private static string Write(DeviceValues values, DeviceValues? other)
    {
        using var stream = new MemoryStream(512);
        using (var json = new Utf8JsonWriter(stream))
        {
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
                        json.WriteNull(DeviceColumns.Names[i]);
                    }
                    continue;
                }
                json.WriteString(DeviceColumns.Names[i], value);
            }
            var changedAttributes = values.Attributes
                .Where(a => other is null || !other.Attributes.TryGetValue(a.Key, out var v) || v != a.Value)
                .Select(a => (a.Key, (string?)a.Value))
                .Concat(other is null ? [] : other.Attributes.Keys.Where(k => !values.Attributes.ContainsKey(k)).Select(k => (k, (string?)null)))
                .ToList();
            if (changedAttributes.Count > 0)
            {
                json.WriteStartObject("attributes");
                foreach (var (name, value) in changedAttributes.OrderBy(a => a.Item1, StringComparer.Ordinal))
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
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
