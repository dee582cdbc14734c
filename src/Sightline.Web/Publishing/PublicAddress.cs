using Microsoft.AspNetCore.Http;

namespace Sightline.Web.Publishing;

/// <summary>
/// On the addresses given to --public-urls, only the public site (and the stylesheet, icons and map scripts it uses) is served: anything
/// else is 404, so that address can face the internet while the rest of Sightline stays on the inside address. Requests are
/// told apart by the local port they arrived on, which is why each public address needs a port of its own.
/// </summary>
public sealed class PublicAddress(RequestDelegate next, IReadOnlySet<int> publicPorts)
{
    private static readonly string[] Assets = ["/site.css", "/favicon.ico", "/favicon.svg", "/map.js"];

    public Task InvokeAsync(HttpContext context)
    {
        if (!publicPorts.Contains(context.Connection.LocalPort) || PublicEndpoints.IsPublic(context.Request.Path)
            || Assets.Contains(context.Request.Path.Value, StringComparer.Ordinal) || context.Request.Path.StartsWithSegments("/vendor", StringComparison.Ordinal))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(PublicHtml.NotFound("Only the public register is served at this address."), context.RequestAborted);
    }
}
