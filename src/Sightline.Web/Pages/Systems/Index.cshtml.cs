using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Register;

namespace Sightline.Web.Pages.Systems;

public sealed class IndexModel(RegisterDb db) : PageModel
{
    public sealed record Row(int Id, string Name, string Type, string? Purposes, string? LawfulBasis, bool PublicSpace, bool SensitiveSite,
        int? RetentionDays, string? Controller, int Devices);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var counts = await db.Devices.Where(d => d.SystemId != null).GroupBy(d => d.SystemId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var systems = await db.Systems.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancel);
        Rows = systems.ConvertAll(s => new Row(s.Id, s.Name, Words.Of(s.Type), s.Purposes, s.LawfulBasis, s.PublicSpace, s.SensitiveSite,
            s.RetentionDays, s.Controller, counts.GetValueOrDefault(s.Id)));
    }
}
