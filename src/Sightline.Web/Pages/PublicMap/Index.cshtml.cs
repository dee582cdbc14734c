using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Web.Maps;
using Sightline.Web.Publishing;

namespace Sightline.Web.Pages.PublicMap;

/// <summary>
/// The public map (no sign-in): the publishable cameras of the open data (/public/open-data/devices.geojson, whose
/// locations are already generalised), clustered, on the configured tiles or a plain background. Like the rest of the
/// public site it is there only while the organisation publishes (`sightline publish site --enable`).
/// </summary>
public sealed class IndexModel(WebSettings settings, PublicCache cache) : PageModel
{
    public const string OpenData = "/public/open-data/devices.geojson";

    public MapTiles? Tiles { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!(await cache.SnapshotAsync(cancel)).Settings.Enabled)
        {
            return NotFound();
        }
        Tiles = MapPage.Tiles(HttpContext, settings);
        return Page();
    }
}
