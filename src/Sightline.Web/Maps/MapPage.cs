using Microsoft.AspNetCore.Http;
using Sightline.Web.Security;

namespace Sightline.Web.Maps;

/// <summary>What the map pages share: the tiles they draw on, and the Content-Security-Policy that lets those tiles in.</summary>
public static class MapPage
{
    /// <summary>The tiles, if any, and lets this response's images come from their host.</summary>
    public static MapTiles? Tiles(HttpContext http, WebSettings settings)
    {
        if (settings.MapTiles is { } tiles)
        {
            http.Items[SecurityHeaders.ImageSourceItem] = tiles.ImageSource;
        }
        return settings.MapTiles;
    }
}
