using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Sightline.Data;
using Sightline.Data.Export;
using Sightline.Knowledge;
using Sightline.Web.Pages.Devices;
using Sightline.Web.Accounts;

namespace Sightline.Web.Exports;

/// <summary>
/// The register as CSV (round-trips through import), JSON or GeoJSON: the same writer as `sightline export devices`.
/// With a device list's query string (/exports/devices.csv?maker=dahua&amp;q=…), only the devices that list shows, in ID
/// order; a filter value that is not known gives 400 with the message, never an empty file.
/// </summary>
public static class ExportEndpoints
{
    public static void MapExports(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/exports").RequireAuthorization(Policies.Read).ExcludeFromDescription();
        exports.MapGet("/devices.csv", (HttpContext http, RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel) =>
            WriteAsync(http, db, knowledge, "text/csv; charset=utf-8", "devices.csv", async (export, stream) =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                await export.WriteCsvAsync(writer, cancel);
            }, cancel));
        exports.MapGet("/devices.json", (HttpContext http, RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel) =>
            WriteAsync(http, db, knowledge, "application/json", "devices.json", (export, stream) => export.WriteJsonAsync(stream, cancel), cancel));
        exports.MapGet("/devices.geojson", (HttpContext http, RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel) =>
            WriteAsync(http, db, knowledge, "application/geo+json", "devices.geojson", (export, stream) => export.WriteGeoJsonAsync(stream, cancel), cancel));
    }

    // The devices the request's list filter keeps (every device without one), or a 400 saying which value is wrong.
    private static async Task WriteAsync(HttpContext http, RegisterDb db, KnowledgeBase knowledge, string contentType, string fileName,
        Func<DeviceExport, Stream, Task> write, CancellationToken cancel)
    {
        var (filter, error) = IndexModel.FilterFrom(http.Request.Query);
        var (found, problem) = filter is null ? (null, error) : await filter.ApplyAsync(db, () => knowledge, cancel);
        if (found is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(problem!, cancel);
            return;
        }
        var export = new DeviceExport(db, knowledge, found.Devices);
        await WriteAsync(http, contentType, fileName, stream => write(export, stream), cancel);
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
