using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Web.Maps;

namespace Sightline.Web.Pages.PublicMap;

/// <summary>
/// The public map (no sign-in): the publishable cameras of the open data (/public/open-data/devices.geojson, whose
/// locations are already generalised), clustered, on the configured tiles or a plain background.
/// </summary>
public sealed class IndexModel(WebSettings settings) : PageModel
{
    public const string OpenData = "/public/open-data/devices.geojson";

    public MapTiles? Tiles { get; private set; }

    public void OnGet() => Tiles = MapPage.Tiles(HttpContext, settings);
}
