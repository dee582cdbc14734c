using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;

namespace Sightline.Web.Pages.Sites;

public sealed class IndexModel(RegisterDb db) : PageModel
{
    public sealed record Row(string Name, string? Address, double? Latitude, double? Longitude, int Devices);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var counts = await db.Devices.Where(d => d.SiteId != null).GroupBy(d => d.SiteId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancel);
        Rows = sites.ConvertAll(s => new Row(s.Name, s.Address, s.Latitude, s.Longitude, counts.GetValueOrDefault(s.Id)));
    }
}
