using System.Text;
using System.Text.Json;

namespace Sightline.OpenStreetMap;

/// <summary>A <see cref="Reconciliation"/> as JSON, for `sightline reconcile --json` and the map page: the distance, then matched, notMapped and notRegistered.</summary>
public static class ReconciliationJson
{
    /// <summary>The JSON of <paramref name="result"/>, indented, ending in a line break.</summary>
    public static string Of(Reconciliation result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("within", result.Within);
            json.WriteStartArray("matched");
            foreach (var m in result.Matches)
            {
                json.WriteStartObject();
                Device(json, m.Device);
                json.WritePropertyName("mapped");
                Mapped(json, m.Mapped);
                json.WriteNumber("metres", Math.Round(m.Metres, 1));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("notMapped");
            foreach (var c in result.NotMapped)
            {
                json.WriteStartObject();
                Device(json, c);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("notRegistered");
            foreach (var c in result.NotRegistered)
            {
                Mapped(json, c);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Device(Utf8JsonWriter json, RegisteredCamera camera)
    {
        json.WriteNumber("deviceId", camera.DeviceId);
        json.WriteString("assetId", camera.AssetId);
        json.WriteNumber("latitude", camera.Latitude);
        json.WriteNumber("longitude", camera.Longitude);
    }

    private static void Mapped(Utf8JsonWriter json, MappedCamera camera)
    {
        json.WriteStartObject();
        json.WriteString("id", camera.Id);
        json.WriteNumber("latitude", camera.Latitude);
        json.WriteNumber("longitude", camera.Longitude);
        if (camera.Direction is { } direction)
        {
            json.WriteNumber("direction", direction);
        }
        json.WriteStartObject("tags");
        foreach (var (key, value) in camera.Tags)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
