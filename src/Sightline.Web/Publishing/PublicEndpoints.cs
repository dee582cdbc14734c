using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Sightline.Data.Publishing;

namespace Sightline.Web.Publishing;

/// <summary>
/// The public site (/public): the organisation, each system, and the open data, for anyone, without signing in. Every
/// response is a cached document with a strong ETag (304 for If-None-Match), Cache-Control public, rate-limited per client
/// address, and sets no cookie (authentication is not run for /public, and nothing here issues antiforgery tokens).
/// </summary>
public static class PublicEndpoints
{
    /// <summary>The rate limiter's policy for /public.</summary>
    public const string RateLimitPolicy = "public";

    /// <summary>How long a browser or proxy may keep a public response before asking again (with its ETag).</summary>
    public const string CacheControl = "public, max-age=60";

    /// <summary>The cache and the per-address rate limit.</summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services, WebSettings settings)
    {
        services.AddSingleton<PublicCache>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, context => settings.PublicRequestsPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PublicRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (rejected, cancel) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync("Too many requests from this address; try again in a minute.\n", cancel);
            };
        });
        return services;
    }

    /// <summary>Whether a path is the public site's (served on a --public-urls address; authentication is not run for it).</summary>
    public static bool IsPublic(PathString path) => path.StartsWithSegments("/public", StringComparison.Ordinal);

    public static void MapPublicSite(this IEndpointRouteBuilder endpoints)
    {
        // Routing ignores a trailing slash: "" serves /public and /public/, "/open-data/" both spellings of the index.
        var site = endpoints.MapGroup("/public").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        string[] methods = ["GET", "HEAD"];
        site.MapMethods("", methods, (HttpContext context, PublicCache cache) =>
            SendAsync(context, cache, "index.html", Html, r => WriteAsync(r, PublicHtml.Organisation(r.Snapshot))));
        site.MapMethods("/systems/{id:int}", methods, async (int id, HttpContext context, PublicCache cache) =>
        {
            var snapshot = await cache.SnapshotAsync(context.RequestAborted);
            if (snapshot.Systems.FirstOrDefault(s => s.Id == id) is not { } system)
            {
                await NotFoundAsync(context, $"There is no system {id} in the public register.");
                return;
            }
            await SendAsync(context, cache, $"system-{id}.html", Html, r => WriteAsync(r, PublicHtml.System(r.Snapshot, system)));
        });
        site.MapMethods("/open-data/", methods, (HttpContext context, PublicCache cache) =>
            SendAsync(context, cache, "open-data.html", Html, r => WriteAsync(r, PublicHtml.OpenData(r.Snapshot))));
        site.MapMethods("/open-data/{file}", methods, (string file, HttpContext context, PublicCache cache) => file switch
        {
            "devices.geojson" => SendAsync(context, cache, file, "application/geo+json",
                r => OpenDataFiles.WriteGeoJsonAsync(r.Read.DevicesAsync(r.Cancel), r.Snapshot.Settings.Licence, r.Output, r.Cancel)),
            "devices.csv" => SendAsync(context, cache, file, "text/csv; charset=utf-8",
                r => OpenDataFiles.WriteCsvAsync(r.Read.DevicesAsync(r.Cancel), r.Output, r.Cancel)),
            "devices.osm" => SendAsync(context, cache, file, "application/vnd.openstreetmap.data+xml",
                r => OpenDataFiles.WriteOsmAsync(r.Read.DevicesAsync(r.Cancel), r.Snapshot.Organisation.Name, r.Output, r.Cancel)),
            "systems.json" => SendAsync(context, cache, file, "application/json",
                r => OpenDataFiles.WriteSystemsJsonAsync(r.Snapshot.Organisation, r.Snapshot.Systems, r.Output, r.Cancel)),
            "licence.txt" => SendAsync(context, cache, file, "text/plain; charset=utf-8", r => WriteAsync(r, PublicHtml.Licence(r.Snapshot))),
            "devices.schema.json" or "systems.schema.json" => SendAsync(context, cache, file, "application/schema+json", r => CopySchemaAsync(file, r)),
            _ => NotFoundAsync(context, $"There is no open-data file '{file}'."),
        });
    }

    private const string Html = "text/html; charset=utf-8";

    private static async Task SendAsync(HttpContext context, PublicCache cache, string name, string contentType, Func<PublicRender, Task> render)
    {
        var snapshot = await cache.SnapshotAsync(context.RequestAborted);
        if (!snapshot.Settings.Enabled)
        {
            await NotFoundAsync(context, "This organisation does not publish its register here.");
            return;
        }
        var document = await cache.DocumentAsync(name, contentType, render, context.RequestAborted);
        var response = context.Response;
        response.Headers.ETag = document.ETag;
        response.Headers.CacheControl = CacheControl;
        if (Matches(context.Request.Headers.IfNoneMatch, document.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = document.ContentType;
        response.ContentLength = document.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        if (document.Bytes is { } bytes)
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        else
        {
            await response.SendFileAsync(document.Path!, context.RequestAborted);
        }
    }

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var tag in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // Weak comparison, as RFC 9110 asks of If-None-Match.
                if (tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == etag)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static async Task NotFoundAsync(HttpContext context, string message)
    {
        // A body of our own, so the status-code pages (the signed-in site's layout) are not run for /public.
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = Html;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(PublicHtml.NotFound(message), context.RequestAborted);
    }

    private static Task WriteAsync(PublicRender render, string text) => render.Output.WriteAsync(Encoding.UTF8.GetBytes(text), render.Cancel).AsTask();

    private static async Task CopySchemaAsync(string file, PublicRender render)
    {
        await using var schema = typeof(PublicEndpoints).Assembly.GetManifestResourceStream($"public/{file}")
            ?? throw new InvalidOperationException($"the schema {file} is not in the build");
        await schema.CopyToAsync(render.Output, render.Cancel);
    }
}
