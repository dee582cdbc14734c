using System.Text.Json;
using Sightline.Register;

namespace Sightline.Data.Audit;

/// <summary>
/// An audit entry's before and after, read as people say it: "Firmware 5.5.0 → 5.7.3", "Site: Market Square" for a
/// value first set, "Notes: old → (none)" for one cleared. Text that is not a JSON object is shown as it is.
/// </summary>
public static class AuditChange
{
    /// <summary>One line per value that the entry records, in the order the entry lists them.</summary>
    public static IReadOnlyList<string> Describe(string? before, string? after)
    {
        var (from, to) = (Read(before), Read(after));
        if ((before is not null && from is null) || (after is not null && to is null))
        {
            // Not our key/value form (a scan's or an account's summary, say): the text itself, unchanged.
            return [.. new[] { before, after }.OfType<string>().Select(text => text.Length > 0 ? text : "(empty)")];
        }
        var lines = new List<string>();
        foreach (var name in (from?.Keys ?? Enumerable.Empty<string>()).Concat(to?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal))
        {
            var (old, now) = (from?.GetValueOrDefault(name), to?.GetValueOrDefault(name));
            var label = DeviceColumns.Label(name);
            lines.Add((from, old, now) switch
            {
                (null, _, _) => $"{label}: {now ?? "(none)"}",
                (_, _, _) when to is null => $"{label}: {old ?? "(none)"}",
                _ => $"{label} {old ?? "(none)"} → {now ?? "(none)"}",
            });
        }
        return lines;
    }

    /// <summary>A flat JSON object's values as text (nested values as their JSON), or null if the text is not one.</summary>
    private static Dictionary<string, string?>? Read(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '{')
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            }
            return values;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
