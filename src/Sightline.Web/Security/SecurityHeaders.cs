using Microsoft.AspNetCore.Http;

namespace Sightline.Web.Security;

/// <summary>
/// Headers on every response: scripts and styles only from our own files (no inline script, so injected markup
/// cannot run), no framing, no MIME sniffing, no referrer leaving the site. Over HTTPS, HSTS, so a browser that has
/// been here once never again asks over plain HTTP. The API and exports carry register data: no cache may keep them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Set on a request's items by a page that shows images from elsewhere (a map's tiles): one more source for img-src,
    /// on that response only.
    /// </summary>
    public const string ImageSourceItem = "sightline-img-src";

    /// <summary>A year, without includeSubDomains: other services on sibling names are not ours to constrain.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[ImageSourceItem] is string source
                ? ContentSecurityPolicy.Replace("img-src 'self' data:", $"img-src 'self' data: {source}", StringComparison.Ordinal)
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // IsHttps is the scheme the client used: the connection's own, or X-Forwarded-Proto from a known proxy.
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }
            if (IsData(context.Request.Path))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    // Case matters: /exports is the download endpoints, /Exports the page about them.
    private static bool IsData(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/openapi", StringComparison.Ordinal)
        || path.StartsWithSegments("/exports", StringComparison.Ordinal);
}
