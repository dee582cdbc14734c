using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace Sightline.OpenStreetMap;

/// <summary>
/// Reads the cameras of a map file: OSM XML (<c>.osm</c>, as the editing API, Overpass and osmium write it: the
/// <c>man_made=surveillance</c> nodes; ways and other nodes are passed over) or GeoJSON (every Point feature, unless its
/// <c>man_made</c> property says it is something else). The file is data from outside: no DTD, nothing resolved or fetched,
/// at most <see cref="MaxBytes"/> bytes, <see cref="MaxCameras"/> cameras and <see cref="MaxTags"/> tags on one; a problem is an
/// <see cref="OsmFileException"/> naming <c>file:line:column</c>.
/// </summary>
public static class OsmFile
{
    /// <summary>The largest file read: a city's surveillance extract is a few megabytes.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The most cameras read from one file.</summary>
    public const int MaxCameras = 200_000;

    /// <summary>The most tags kept on one camera.</summary>
    public const int MaxTags = 200;

    private static readonly string[] Compass =
        ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"];

    /// <summary>The cameras in the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<MappedCamera> Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OsmFileException($"{path}: cannot read it: {e.Message}", e);
        }
    }

    /// <summary>The cameras in <paramref name="stream"/>, called <paramref name="name"/> in messages; XML or GeoJSON by its first character.</summary>
    public static IReadOnlyList<MappedCamera> Read(Stream stream, string name)
    {
        var bytes = Bounded(stream, name);
        var start = 0;
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            start = 3;
        }
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }
        return start < bytes.Length && bytes[start] == (byte)'<' ? ReadXml(bytes, name)
            : start < bytes.Length && bytes[start] == (byte)'{' ? ReadGeoJson(bytes, name)
            : throw new OsmFileException($"{name}: is neither OSM XML (starting '<') nor GeoJSON (starting '{{')");
    }

    private static byte[] Bounded(Stream stream, string name)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (memory.Length + read > MaxBytes)
            {
                throw new OsmFileException($"{name}: is larger than {MaxBytes / (1024 * 1024)} MiB; extract the area you need (e.g. with osmium extract)");
            }
            memory.Write(buffer, 0, read);
        }
        return memory.ToArray();
    }

    private static List<MappedCamera> ReadXml(byte[] bytes, string name)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = MaxBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };
        var cameras = new List<MappedCamera>();
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        var lines = (IXmlLineInfo)reader;
        try
        {
            if (!reader.Read() || reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "osm")
            {
                throw Problem(name, lines, "is not OSM XML: its root element is not <osm>");
            }
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1 || reader.LocalName != "node")
                {
                    continue;
                }
                var (line, column) = (lines.LineNumber, lines.LinePosition);
                var id = reader.GetAttribute("id");
                var lat = reader.GetAttribute("lat");
                var lon = reader.GetAttribute("lon");
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                if (!reader.IsEmptyElement)
                {
                    var depth = reader.Depth;
                    while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                    {
                        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "tag" && reader.GetAttribute("k") is { } k && tags.Count < MaxTags)
                        {
                            tags.TryAdd(k, reader.GetAttribute("v") ?? "");
                        }
                    }
                }
                if (tags.GetValueOrDefault("man_made") != "surveillance")
                {
                    continue;
                }
                if (id is null || !long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    throw new OsmFileException($"{name}:{line}:{column}: a surveillance node has no id, or one that is not a number ('{id}')");
                }
                var (latitude, longitude) = Position(lat, lon)
                    ?? throw new OsmFileException($"{name}:{line}:{column}: node {id} has no usable lat and lon ('{lat}', '{lon}')");
                Add(cameras, new MappedCamera($"node/{id}", latitude, longitude, Direction(tags), tags), name, line, column);
            }
        }
        catch (XmlException e)
        {
            if (e.LineNumber == 0 && PlaceOf(bytes, "<!DOCTYPE"u8) is ({ } line, { } column) && line > 0)
            {
                // The refusal of a DTD carries no position (and its message suggests allowing DTDs): say it in our words.
                throw new OsmFileException($"{name}:{line}:{column}: declares a DTD (<!DOCTYPE>), which a map file may not: nothing in it is fetched or expanded", e);
            }
            throw new OsmFileException($"{name}:{e.LineNumber}:{e.LinePosition}: {FirstSentence(e.Message)}", e);
        }
        return cameras;
    }

    private static List<MappedCamera> ReadGeoJson(byte[] bytes, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new OsmFileException($"{name}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {FirstSentence(e.Message)}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new OsmFileException($"{name}: is not a GeoJSON FeatureCollection with a \"features\" array");
            }
            var cameras = new List<MappedCamera>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
                    || !geometry.TryGetProperty("type", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != "Point")
                {
                    continue;
                }
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        if (tags.Count >= MaxTags)
                        {
                            break;
                        }
                        if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                        {
                            tags.TryAdd(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
                        }
                    }
                }
                if (tags.TryGetValue("man_made", out var made) && made != "surveillance")
                {
                    continue;
                }
                if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() < 2
                    || coordinates[0].ValueKind != JsonValueKind.Number || coordinates[1].ValueKind != JsonValueKind.Number
                    || Position(coordinates[1].GetRawText(), coordinates[0].GetRawText()) is not { } position)
                {
                    throw new OsmFileException($"{name}: feature {index} is a Point without usable coordinates [longitude, latitude]");
                }
                Add(cameras, new MappedCamera(FeatureId(feature, tags, index), position.Latitude, position.Longitude, Direction(tags), tags), name, 0, 0);
            }
            return cameras;
        }
    }

    // Overpass turbo writes "id": "node/123" and "@id"; other exports carry an osm_id property; else the feature's place.
    private static string FeatureId(JsonElement feature, Dictionary<string, string> tags, int index)
    {
        if (feature.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            var text = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
            return text.Contains('/', StringComparison.Ordinal) ? text : $"node/{text}";
        }
        if (tags.GetValueOrDefault("@id") is { } at)
        {
            return at;
        }
        return tags.GetValueOrDefault("osm_id") is { } osm ? $"node/{osm}" : $"feature {index.ToString(CultureInfo.InvariantCulture)}";
    }

    private static void Add(List<MappedCamera> cameras, MappedCamera camera, string name, int line, int column)
    {
        if (cameras.Count >= MaxCameras)
        {
            var where = line > 0 ? $"{name}:{line}:{column}" : name;
            throw new OsmFileException($"{where}: holds more than {MaxCameras:N0} cameras; extract a smaller area");
        }
        cameras.Add(camera);
    }

    private static (double Latitude, double Longitude)? Position(string? lat, string? lon) =>
        double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
        && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
        && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180
            ? (latitude, longitude)
            : null;

    /// <summary>The way a camera faces, in degrees from north: <c>camera:direction</c> or <c>direction</c>, in degrees or as a compass point.</summary>
    public static double? Direction(IReadOnlyDictionary<string, string> tags)
    {
        var text = (tags.GetValueOrDefault("camera:direction") ?? tags.GetValueOrDefault("direction"))?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) && degrees is >= 0 and <= 360 && double.IsFinite(degrees))
        {
            return degrees % 360;
        }
        var point = Array.IndexOf(Compass, text.ToUpperInvariant());
        return point >= 0 ? point * 22.5 : null;
    }

    // The line and column (from 1, in characters) where `text` first occurs, or (0, 0).
    private static (int Line, int Column) PlaceOf(byte[] bytes, ReadOnlySpan<byte> text)
    {
        var at = bytes.AsSpan().IndexOf(text);
        if (at < 0)
        {
            return (0, 0);
        }
        var before = bytes.AsSpan(0, at);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, System.Text.Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    private static OsmFileException Problem(string name, IXmlLineInfo at, string message) => new($"{name}:{at.LineNumber}:{at.LinePosition}: {message}");

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        foreach (var where in (string[])[" Line ", " LineNumber:"])
        {
            var cut = line.IndexOf(where, StringComparison.Ordinal);
            if (cut > 0)
            {
                line = line[..cut];
            }
        }
        return line.TrimEnd('.', ',', ' ');
    }
}
