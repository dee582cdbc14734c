namespace Sightline.Web.Maps;

/// <summary>
/// Where the maps' background tiles come from: a URL template with {z}, {x} and {y} (and {s} for a subdomain) and the
/// attribution its provider asks for. The pages' Content-Security-Policy lets images come from <see cref="ImageSource"/> only.
/// </summary>
public sealed record MapTiles(string UrlTemplate, string Attribution, string ImageSource)
{
    /// <summary>The environment variable for the URL template.</summary>
    public const string TilesVariable = "SIGHTLINE_MAP_TILES";

    /// <summary>The environment variable for the attribution.</summary>
    public const string AttributionVariable = "SIGHTLINE_MAP_ATTRIBUTION";

    /// <summary>The tiles named by <paramref name="template"/> (null when none is given), or the reason they cannot be used.</summary>
    public static (MapTiles? Tiles, string? Problem) Parse(string? template, string? attribution)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return (null, string.IsNullOrWhiteSpace(attribution) ? null : "--map-attribution is given without --map-tiles");
        }
        var text = template.Trim();
        if (!text.Contains("{z}", StringComparison.Ordinal) || !text.Contains("{x}", StringComparison.Ordinal) || !text.Contains("{y}", StringComparison.Ordinal))
        {
            return (null, $"--map-tiles '{template}' needs {{z}}, {{x}} and {{y}} where the tile's zoom and numbers go");
        }
        // {s} stands for a subdomain (a, b, c): the policy allows any subdomain of the rest of the host.
        var probe = text.Replace("{s}", "s", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal).Replace("{r}", "", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0 || text.IndexOfAny(['\'', '"', ';', ' ', ',']) >= 0)
        {
            return (null, $"--map-tiles '{template}' is not an http:// or https:// URL template");
        }
        if (string.IsNullOrWhiteSpace(attribution))
        {
            return (null, "--map-tiles needs --map-attribution: the credit the tiles' provider asks for (e.g. © OpenStreetMap contributors)");
        }
        var host = text.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[2..] : uri.Host;
        var source = $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : $":{uri.Port}")}";
        return (new MapTiles(text, attribution.Trim(), source), null);
    }
}
