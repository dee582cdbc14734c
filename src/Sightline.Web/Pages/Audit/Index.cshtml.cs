using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Data;
using Sightline.Data.Audit;

namespace Sightline.Web.Pages.Audit;

/// <summary>The audit log, newest first, paged by sequence (keyset), and the chain check of `sightline audit verify`.</summary>
public sealed class IndexModel(RegisterDb db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    [BindProperty(SupportsGet = true)] public bool Verify { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public string? Verification { get; private set; }

    public bool Intact { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        if (Verify)
        {
            await VerifyAsync(cancel);
        }
        // The dates are whole UTC days, To included.
        var query = db.AuditEntries.AsNoTracking().Matching(Entity?.Trim(), Actor?.Trim(),
            From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Before);
        var page = await query.OrderByDescending(a => a.Sequence).Take(PageSize + 1).ToListAsync(cancel);
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            NextBefore = page[^1].Sequence;
        }
        Entries = page;
    }

    public string PageLink(long before)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in Request.Query.Where(q => q.Key is not ("before" or "verify")))
        {
            foreach (var v in value)
            {
                query.Add(key, v ?? "");
            }
        }
        query.Add("before", before.ToString(CultureInfo.InvariantCulture));
        return "/Audit" + query.ToQueryString();
    }

    private async Task VerifyAsync(CancellationToken cancel)
    {
        var (count, head, broken) = await AuditLog.VerifyAsync(db, cancel);
        Intact = broken is null;
        Verification = broken is null
            ? $"Audit log intact: {count} entries, chain verified; head {head}."
            : $"Audit log BROKEN at entry {broken.Sequence}: {broken.Reason}.";
    }
}
