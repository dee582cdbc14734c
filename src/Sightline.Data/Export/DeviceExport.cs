using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Csv;
using Sightline.Register;

namespace Sightline.Data.Export;

/// <summary>
/// Streams the register's devices out as CSV (round-trips through import), JSON or GeoJSON, in id order.
/// Free-text CSV cells are guarded against spreadsheet formulas. <paramref name="devices"/> narrows the export to a
/// filtered list (the web's "export this list"); without it every device is written.
/// </summary>
public sealed class DeviceExport(RegisterDb db, IQueryable<Device>? devices = null)
{
    private readonly IQueryable<Device> source = devices ?? db.Devices;

    /// <summary>Writes CSV with the known columns, then one column per attribute name in ordinal order.</summary>
    public async Task WriteCsvAsync(TextWriter output, CancellationToken cancel)
    {
        var attributeNames = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var attributes in source.AsNoTracking().Select(d => d.Attributes).AsAsyncEnumerable().WithCancellation(cancel))
        {
            attributeNames.UnionWith(attributes.Keys);
        }
        var csv = new CsvWriter(output);
        csv.WriteRecord(DeviceColumns.Names.Concat(attributeNames));
        await foreach (var values in ValuesAsync(cancel))
        {
            var cells = new string?[DeviceColumns.Count + attributeNames.Count];
            for (var i = 0; i < DeviceColumns.Count; i++)
            {
                var column = (DeviceColumn)i;
                cells[i] = values[column] is { } text && DeviceColumns.IsFreeText(column) ? FormulaGuard.Neutralise(text) : values[column];
            }
            var index = DeviceColumns.Count;
            foreach (var name in attributeNames)
            {
                cells[index++] = values.Attributes.TryGetValue(name, out var value) ? FormulaGuard.Neutralise(value) : null;
            }
            csv.WriteRecord(cells);
        }
    }

    /// <summary>Writes a JSON array of device objects (id, then the column values, then attributes).</summary>
    public async Task WriteJsonAsync(Stream output, CancellationToken cancel)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        await foreach (var (id, values) in DevicesAsync(cancel))
        {
            WriteDevice(json, id, values);
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
        await foreach (var (id, values) in DevicesAsync(cancel))
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
            WriteDevice(json, id, values);
            json.WriteEndObject();
            await FlushIfFullAsync(json, cancel);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return unlocated;
    }

    private static void WriteDevice(Utf8JsonWriter json, int id, DeviceValues values)
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

    private async IAsyncEnumerable<DeviceValues> ValuesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        await foreach (var (_, values) in DevicesAsync(cancel))
        {
            yield return values;
        }
    }

    /// <summary>Every device with its values, in id order, streamed.</summary>
    public async IAsyncEnumerable<(int Id, DeviceValues Values)> DevicesAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        await foreach (var device in source.AsNoTracking().OrderBy(d => d.Id).AsAsyncEnumerable().WithCancellation(cancel))
        {
            yield return (device.Id, DeviceValues.From(device,
                device.SystemId is { } system ? systems[system] : null,
                device.SiteId is { } site ? sites[site] : null));
        }
    }

    private static async Task FlushIfFullAsync(Utf8JsonWriter json, CancellationToken cancel)
    {
        if (json.BytesPending > 64 * 1024)
        {
            await json.FlushAsync(cancel);
        }
    }
}
