using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.OpenStreetMap;
using Sightline.Knowledge;
using Sightline.OpenStreetMap;
using Sightline.Register;
using Sightline.Web.Maps;

namespace Sightline.Web.Pages.Map;

/// <summary>
/// The register on a map: the devices the device list's filter keeps (read from /exports/devices.geojson with the same
/// query), clustered, each turned to the way it faces; and, from an uploaded OpenStreetMap file, the register against the
/// map (`sightline reconcile`): pairs, cameras not on the map, mapped cameras the register does not know.
/// </summary>
[RequestSizeLimit(OsmFile.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = OsmFile.MaxBytes + 1024 * 1024)]
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, WebSettings settings) : PageModel
{
    /// <summary>The query parameters of the device list that filter the map.</summary>
    public static readonly string[] FilterKeys = ["q", "system", "site", "brand", "maker", "kind", "status", "flagged", "whiteLabel"];

    /// <summary>The most rows each list of a reconciliation shows on the page; the map shows them all.</summary>
    public const int ListLimit = 500;

    public IReadOnlyList<string> SystemNames { get; private set; } = [];

    public IReadOnlyList<string> SiteNames { get; private set; } = [];

    public MapTiles? Tiles { get; private set; }

    /// <summary>The filter as a query string ("?system=…"), or "".</summary>
    public string Filter { get; private set; } = "";

    public string? Problem { get; private set; }

    public Reconciliation? Result { get; private set; }

    public string? ResultJson { get; private set; }

    public string? OsmName { get; private set; }

    public int Mapped { get; private set; }

    public string Value(string key) => Request.Query[key].ToString();

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostReconcileAsync(IFormFile? file, string? within, CancellationToken cancel)
    {
        var found = await LoadAsync(cancel);
        if (found is null)
        {
            return Page();
        }
        var metres = Reconciliation.DefaultWithin;
        if (!string.IsNullOrWhiteSpace(within)
            && (!double.TryParse(within, NumberStyles.Float, CultureInfo.InvariantCulture, out metres) || !(metres > 0 && metres <= Reconciliation.MaxWithin)))
        {
            return Refuse($"the distance must be more than 0 and at most {Reconciliation.MaxWithin:0} metres, not '{within}'");
        }
        if (file is null || file.Length == 0)
        {
            return Refuse("choose an OpenStreetMap file (.osm XML or GeoJSON) to compare the register with");
        }
        OsmName = Path.GetFileName(file.FileName);
        IReadOnlyList<MappedCamera> mapped;
        try
        {
            await using var stream = file.OpenReadStream();
            mapped = OsmFile.Read(stream, OsmName);
        }
        catch (OsmFileException e)
        {
            return Refuse(e.Message);
        }
        Mapped = mapped.Count;
        Result = Reconciliation.Of(await RegisteredCameras.ReadAsync(db, found, cancel), mapped, metres);
        ResultJson = ReconciliationJson.Of(Result);
        return Page();
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // The lists for the filter, the tiles, and the devices the filter keeps (null, with the problem said, when a value is not known).
    private async Task<IQueryable<Device>?> LoadAsync(CancellationToken cancel)
    {
        Tiles = MapPage.Tiles(HttpContext, settings);
        SystemNames = await db.Systems.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancel);
        SiteNames = await db.Sites.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancel);
        var given = FilterKeys.Where(k => Request.Query[k].ToString().Length > 0).Select(k => new KeyValuePair<string, string?>(k, Request.Query[k].ToString()));
        Filter = QueryString.Create(given).ToString();
        var (filter, error) = Devices.IndexModel.FilterFrom(Request.Query);
        var (found, problem) = filter is null ? (null, error) : await filter.ApplyAsync(db, () => knowledge, cancel);
        if (found is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        return found.Devices;
    }

    /// <summary>The OpenStreetMap page of a mapped element, when its ID is one (node/123).</summary>
    public static string? OsmLink(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && id[..slash] is "node" or "way" or "relation" && long.TryParse(id[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? $"https://www.openstreetmap.org/{id}"
            : null;
    }
}
