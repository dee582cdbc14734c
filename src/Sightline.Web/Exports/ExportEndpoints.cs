using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Sightline.Data;
using Sightline.Data.Export;
using Sightline.Web.Accounts;

namespace Sightline.Web.Exports;

/// <summary>The register as CSV (round-trips through import), JSON or GeoJSON: the same writer as `sightline export devices`.</summary>
public static class ExportEndpoints
{
    public static void MapExports(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/exports").RequireAuthorization(Policies.Read).ExcludeFromDescription();
        exports.MapGet("/devices.csv", (HttpContext http, RegisterDb db, CancellationToken cancel) =>
            WriteAsync(http, "text/csv; charset=utf-8", "devices.csv", async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                await new DeviceExport(db).WriteCsvAsync(writer, cancel);
            }, cancel));
        exports.MapGet("/devices.json", (HttpContext http, RegisterDb db, CancellationToken cancel) =>
            WriteAsync(http, "application/json", "devices.json", stream => new DeviceExport(db).WriteJsonAsync(stream, cancel), cancel));
        exports.MapGet("/devices.geojson", (HttpContext http, RegisterDb db, CancellationToken cancel) =>
            WriteAsync(http, "application/geo+json", "devices.geojson", stream => new DeviceExport(db).WriteGeoJsonAsync(stream, cancel), cancel));
    }

    // The export writers write synchronously in places (CSV records); a buffering stream (memory, then a temporary file)
    // takes them, so a failure half-way gives an error rather than half a file.
    private static async Task WriteAsync(HttpContext http, string contentType, string fileName, Func<Stream, Task> write, CancellationToken cancel)
    {
        await using var buffer = new FileBufferingWriteStream();
        await write(buffer);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await buffer.DrainBufferAsync(http.Response.Body, cancel);
    }
}
