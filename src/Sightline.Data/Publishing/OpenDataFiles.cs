using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Sightline.Csv;
using Sightline.Publishing;
using Sightline.Register;

namespace Sightline.Data.Publishing;

/// <summary>
/// The open data's files, written as they stream from <see cref="PublicRead"/>: devices as GeoJSON, CSV and OpenStreetMap
/// XML, and systems as JSON. Their shapes are documented by the JSON Schemas served beside them (devices.schema.json,
/// systems.schema.json) and by docs/public.md.
/// </summary>
public static class OpenDataFiles
{
    /// <summary>The CSV's columns, in order; the same properties as the GeoJSON's.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "id", "system_id", "system", "kind", "platform_maker", "brand_as_sold", "white_label", "capabilities", "direction",
        "location_precision", "latitude", "longitude",
    ];

    private const int FlushAt = 64 * 1024;

    /// <summary>A GeoJSON FeatureCollection (RFC 7946); a device whose location is withheld or unknown has a null geometry.</summary>
    public static async Task WriteGeoJsonAsync(IAsyncEnumerable<PublicDevice> devices, string licence, Stream output, CancellationToken cancel)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("licence", licence);
        json.WriteStartArray("features");
        await foreach (var device in devices.WithCancellation(cancel))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", device.Id);
            if (device.Latitude is { } lat && device.Longitude is { } lon)
            {
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(lon);
                json.WriteNumberValue(lat);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("geometry");
            }
            json.WriteStartObject("properties");
            json.WriteNumber("system_id", device.SystemId);
            json.WriteString("system", device.System);
            json.WriteString("kind", Words.Of(device.Kind));
            json.WriteString("platform_maker", device.Maker);
            json.WriteString("brand_as_sold", device.Brand);
            if (device.WhiteLabel is { } white)
            {
                json.WriteBoolean("white_label", white);
            }
            else
            {
                json.WriteNull("white_label");
            }
            if (device.Capabilities is { } capabilities)
            {
                json.WriteStartArray("capabilities");
                foreach (var word in CapabilityWords(capabilities))
                {
                    json.WriteStringValue(word);
                }
                json.WriteEndArray();
            }
            else
            {
                json.WriteNull("capabilities");
            }
            if (device.Direction is { } direction)
            {
                json.WriteNumber("direction", direction);
            }
            else
            {
                json.WriteNull("direction");
            }
            json.WriteString("location_precision", Words.Of(device.Location));
            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > FlushAt)
            {
                await json.FlushAsync(cancel);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The same devices and properties as CSV (RFC 4180, UTF-8), with latitude and longitude as columns.</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<PublicDevice> devices, Stream output, CancellationToken cancel)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(false), FlushAt, leaveOpen: true);
        var csv = new CsvWriter(text);
        csv.WriteRecord(CsvColumns);
        await foreach (var device in devices.WithCancellation(cancel))
        {
            csv.WriteRecord(
            [
                Number(device.Id),
                Number(device.SystemId),
                FormulaGuard.Neutralise(device.System),
                Words.Of(device.Kind),
                device.Maker is null ? null : FormulaGuard.Neutralise(device.Maker),
                device.Brand is null ? null : FormulaGuard.Neutralise(device.Brand),
                device.WhiteLabel is { } white ? (white ? "true" : "false") : null,
                device.Capabilities is { } capabilities ? string.Join(';', CapabilityWords(capabilities)) : null,
                device.Direction is { } direction ? Number(direction) : null,
                Words.Of(device.Location),
                device.Latitude is { } lat ? Number(lat) : null,
                device.Longitude is { } lon ? Number(lon) : null,
            ]);
        }
        await text.FlushAsync(cancel);
    }

    /// <summary>
    /// OpenStreetMap XML for a new upload (negative ids): one node per camera published at its exact location, tagged
    /// man_made=surveillance with surveillance:type, camera:type, camera:direction, surveillance:zone and operator.
    /// Generalised locations are left out: a rounded point is not where the camera is, and mappers would place it wrongly.
    /// </summary>
    public static async Task WriteOsmAsync(IAsyncEnumerable<PublicDevice> devices, string operatorName, Stream output, CancellationToken cancel)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("osm");
        xml.WriteAttributeString("version", "0.6");
        xml.WriteAttributeString("generator", "Sightline");
        xml.WriteAttributeString("upload", "never");
        var id = 0L;
        await foreach (var device in devices.WithCancellation(cancel))
        {
            if (device.Kind != DeviceKind.Camera || device.Location != LocationLevel.Exact || device.Latitude is not { } lat || device.Longitude is not { } lon)
            {
                continue;
            }
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", Number(--id));
            xml.WriteAttributeString("visible", "true");
            xml.WriteAttributeString("lat", Number(lat));
            xml.WriteAttributeString("lon", Number(lon));
            Tag(xml, "man_made", "surveillance");
            Tag(xml, "surveillance", device.PublicSpace ? "public" : "outdoor");
            Tag(xml, "surveillance:type", device.Capabilities is { } c && c.HasFlag(Capabilities.Anpr) || device.SystemType == SystemType.Anpr ? "ALPR" : "camera");
            Tag(xml, "surveillance:zone", device.SystemType == SystemType.Anpr ? "traffic" : device.PublicSpace ? "town" : "building");
            if (device.Capabilities is { } capabilities)
            {
                Tag(xml, "camera:type", capabilities.HasFlag(Capabilities.Ptz) ? "panning" : "fixed");
            }
            if (device.Direction is { } direction)
            {
                Tag(xml, "camera:direction", Number(direction));
            }
            Tag(xml, "operator", operatorName);
            if (device.Maker is { } maker)
            {
                Tag(xml, "manufacturer", maker);
            }
            Tag(xml, "ref:sightline", Number(device.Id));
            xml.WriteEndElement();
            if (-id % 1000 == 0)
            {
                await xml.FlushAsync();
            }
        }
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>The organisation and every system as JSON.</summary>
    public static async Task WriteSystemsJsonAsync(PublicOrganisation organisation, IReadOnlyList<PublicSystem> systems, Stream output, CancellationToken cancel)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("organisation");
        json.WriteString("name", organisation.Name);
        json.WriteString("contact_point", organisation.ContactPoint);
        json.WriteEndObject();
        json.WriteStartObject("licence");
        json.WriteString("name", organisation.Licence);
        json.WriteString("url", organisation.LicenceUrl);
        json.WriteEndObject();
        Time(json, "last_changed", organisation.LastChanged);
        json.WriteStartArray("systems");
        foreach (var system in systems)
        {
            json.WriteStartObject();
            json.WriteNumber("id", system.Id);
            json.WriteString("name", system.Name);
            json.WriteString("type", system.Type);
            json.WriteBoolean("public_space", system.PublicSpace);
            Strings(json, "purposes", system.Purposes);
            json.WriteString("lawful_basis", system.LawfulBasis);
            json.WriteString("controller", system.Controller);
            Strings(json, "joint_controllers", system.JointControllers);
            if (system.RetentionDays is { } days)
            {
                json.WriteNumber("retention_days", days);
            }
            else
            {
                json.WriteNull("retention_days");
            }
            json.WriteNumber("cameras", system.Cameras);
            json.WriteNumber("other_devices", system.OtherDevices);
            if (system.Makers is { } makers)
            {
                json.WriteStartArray("makers");
                foreach (var maker in makers)
                {
                    json.WriteStartObject();
                    json.WriteString("platform_maker", maker.Maker);
                    json.WriteString("brand_as_sold", maker.Brand);
                    json.WriteBoolean("white_label", maker.WhiteLabel);
                    json.WriteNumber("cameras", maker.Cameras);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            else
            {
                json.WriteNull("makers");
            }
            if (system.Compliance is { } compliance)
            {
                json.WriteStartArray("compliance");
                foreach (var (principle, status) in compliance)
                {
                    json.WriteStartObject();
                    json.WriteNumber("principle", principle.Number);
                    json.WriteString("title", principle.Title);
                    json.WriteString("status", StatusWord(status));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            else
            {
                json.WriteNull("compliance");
            }
            if (system.SelfAssessment is { } assessment)
            {
                json.WriteStartObject("self_assessment");
                json.WriteString("title", assessment.Title);
                json.WriteString("question_set", assessment.QuestionSet);
                Time(json, "signed_off", assessment.SignedOff);
                Time(json, "published", assessment.Published);
                json.WriteBoolean("out_of_date", assessment.Stale);
                json.WriteStartArray("principles");
                foreach (var p in assessment.Principles)
                {
                    json.WriteStartObject();
                    json.WriteNumber("principle", p.Number);
                    json.WriteNumber("yes", p.Yes);
                    json.WriteNumber("partly", p.Partly);
                    json.WriteNumber("no", p.No);
                    json.WriteNumber("not_applicable", p.NotApplicable);
                    json.WriteNumber("unanswered", p.Unanswered);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("self_assessment");
            }
            if (system.Dpia is { } dpia)
            {
                json.WriteStartObject("dpia");
                json.WriteString("regime", dpia.Regime);
                json.WriteNumber("risks", dpia.Risks);
                json.WriteString("residual_risk", dpia.ResidualRisk);
                Time(json, "signed_off", dpia.SignedOff);
                json.WriteString("review_due", dpia.ReviewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("dpia");
            }
            json.WriteString("location_precision", Words.Of(system.Location));
            json.WriteStartArray("withheld");
            foreach (var withheld in system.Withheld)
            {
                json.WriteStartObject();
                json.WriteString("what", withheld.What);
                json.WriteString("basis", withheld.Basis);
                json.WriteString("review", withheld.Review?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Time(json, "last_changed", system.LastChanged);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancel);
    }

    /// <summary>A status as JSON and the pages write it: met, attention, not-evidenced.</summary>
    public static string StatusWord(Sightline.Compliance.FindingStatus status) => Words.Of(status);

    private static string[] CapabilityWords(Capabilities capabilities) =>
        capabilities == Capabilities.None ? [] : Words.OfFlags(capabilities).Split(';', StringSplitOptions.RemoveEmptyEntries);

    private static void Tag(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("tag");
        xml.WriteAttributeString("k", key);
        xml.WriteAttributeString("v", value);
        xml.WriteEndElement();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static void Time(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
