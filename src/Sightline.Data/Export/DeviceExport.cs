using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Csv;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Data.Export;

/// <summary>
/// Streams the register's devices out as CSV (round-trips through import), JSON or GeoJSON, in id order, each with
/// its Sightline id and Sightline's verdict (<see cref="VerdictColumns"/>, read-only: an import ignores them).
/// Free-text CSV cells are guarded against spreadsheet formulas. <paramref name="devices"/> narrows the export to a
/// filtered list (the web's "export this list"); without it every device is written. <paramref name="knowledge"/>
/// names the platform makers.
/// </summary>
public sealed class DeviceExport(RegisterDb db, KnowledgeBase knowledge, IQueryable<Device>? devices = null)
{
    private readonly IQueryable<Device> source = devices ?? db.Devices;

    /// <summary>
    /// Writes CSV: the id, the known columns, the verdict's columns, then one column per attribute name in ordinal order.
    /// </summary>
    public async Task WriteCsvAsync(TextWriter output, CancellationToken cancel)
    {
        var attributeNames = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var attributes in source.AsNoTracking().Select(d => d.Attributes).AsAsyncEnumerable().WithCancellation(cancel))
        {
            attributeNames.UnionWith(attributes.Keys);
        }
        var csv = new CsvWriter(output);
        csv.WriteRecord([VerdictColumns.Id, .. DeviceColumns.Names, .. VerdictColumns.Names, .. attributeNames]);
        var cells = new string?[1 + DeviceColumns.Count + VerdictColumns.Names.Count + attributeNames.Count];
        await foreach (var (id, values, verdict) in DevicesAsync(cancel))
        {
            Array.Clear(cells);
            cells[0] = id.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < DeviceColumns.Count; i++)
            {
                var column = (DeviceColumn)i;
                cells[1 + i] = values[column] is { } text && DeviceColumns.IsFreeText(column) ? FormulaGuard.Neutralise(text) : values[column];
            }
            ExportedVerdict.WriteCells(verdict, cells, 1 + DeviceColumns.Count);
            var index = 1 + DeviceColumns.Count + VerdictColumns.Names.Count;
            foreach (var name in attributeNames)
            {
                cells[index++] = values.Attributes.TryGetValue(name, out var value) ? FormulaGuard.Neutralise(value) : null;
            }
            csv.WriteRecord(cells);
        }
    }

    /// <summary>Writes a JSON array of device objects (id, the column values, the <c>verdict</c> object, then attributes).</summary>
    public async Task WriteJsonAsync(Stream output, CancellationToken cancel)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        await foreach (var (id, values, verdict) in DevicesAsync(cancel))
        {
            WriteDevice(json, id, values, verdict);
            await FlushIfFullAsync(json, cancel);
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// Writes a GeoJSON FeatureCollection (RFC 7946) of the devices with coordinates; returns how many were left out for lack of them.
    /// </summary>
    public async Task<int> WriteGeoJsonAsync(Stream output, CancellationToken cancel)
    {
        var unlocated = 0;
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        await foreach (var (id, values, verdict) in DevicesAsync(cancel))
        {
            if (values[DeviceColumn.Latitude] is not { } lat || values[DeviceColumn.Longitude] is not { } lon)
            {
                unlocated++;
                continue;
            }
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", id);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteRawValue(lon);
            json.WriteRawValue(lat);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WritePropertyName("properties");
            WriteDevice(json, id, values, verdict);
            json.WriteEndObject();
            await FlushIfFullAsync(json, cancel);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return unlocated;
    }

    private static void WriteDevice(Utf8JsonWriter json, int id, DeviceValues values, ExportedVerdict? verdict)
    {
        json.WriteStartObject();
        json.WriteNumber("id", id);
        for (var i = 0; i < DeviceColumns.Count; i++)
        {
            var column = (DeviceColumn)i;
            if (values[column] is not { } value)
            {
                continue;
            }
            if (column is DeviceColumn.Latitude or DeviceColumn.Longitude or DeviceColumn.Direction)
            {
                json.WritePropertyName(DeviceColumns.Names[i]);
                json.WriteRawValue(value);
            }
            else
            {
                json.WriteString(DeviceColumns.Names[i], value);
            }
        }
        ExportedVerdict.WriteJson(verdict, json);
        if (values.Attributes.Count > 0)
        {
            json.WriteStartObject("attributes");
            foreach (var (name, value) in values.Attributes)
            {
                json.WriteString(name, value);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// Every device with its values and stored verdict (null when none is stored), in id order, streamed: one query
    /// joins each device to its stored identity, so a large register costs no query per device.
    /// </summary>
    public async IAsyncEnumerable<(int Id, DeviceValues Values, ExportedVerdict? Verdict)> DevicesAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var rows = source.AsNoTracking()
            .LeftJoin(db.Identities.AsNoTracking(), d => d.Id, i => i.DeviceId, (d, i) => new { Device = d, Identity = i })
            .OrderBy(r => r.Device.Id);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancel))
        {
            var device = row.Device;
            yield return (device.Id, DeviceValues.From(device,
                device.SystemId is { } system ? systems[system] : null,
                device.SiteId is { } site ? sites[site] : null),
                row.Identity is { } identity ? ExportedVerdict.From(identity, MakerName) : null);
        }
    }

    // A maker the knowledge in use no longer has (the identity was stored with older knowledge) keeps its id.
    private string MakerName(string id) => knowledge.Makers.GetValueOrDefault(id)?.Name ?? id;

    private static async Task FlushIfFullAsync(Utf8JsonWriter json, CancellationToken cancel)
    {
        if (json.BytesPending > 64 * 1024)
        {
            await json.FlushAsync(cancel);
        }
    }
}
