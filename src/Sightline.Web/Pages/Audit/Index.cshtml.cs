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
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    [BindProperty(SupportsGet = true)] public bool Verify { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public string? Verification { get; private set; }

    public bool Intact { get; private set; }

    /// <summary>The checkpoint key and folder, or null when the register has none.</summary>
    public CheckpointSettings? Checkpoints { get; private set; }

    /// <summary>The newest checkpoint the register keeps a copy of.</summary>
    public StoredCheckpoint? LatestCheckpoint { get; private set; }

    /// <summary>The newest entry's sequence.</summary>
    public long Head { get; private set; }

    /// <summary>What checking the log against its checkpoints found (with Verify).</summary>
    public IReadOnlyList<AuditCheckpoints.Finding> Findings { get; private set; } = [];

    /// <summary>What is wrong with the filter as given, if anything.</summary>
    public string? FilterProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Checkpoints = await AuditCheckpoints.SettingsAsync(db, cancel);
        LatestCheckpoint = await AuditCheckpoints.LatestAsync(db, cancel);
        (Head, _) = await AuditCheckpoints.HeadAsync(db, cancel);
        if (Verify)
        {
            await VerifyAsync(cancel);
        }
        if (!AuditDay.TryRead(From, "From", out var from, out var error) || !AuditDay.TryRead(To, "To", out var to, out error))
        {
            FilterProblem = error;
            return;
        }
        var query = db.AuditEntries.AsNoTracking().Matching(Entity?.Trim(), Actor?.Trim(), from, to, Before);
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
        Findings = await AuditCheckpoints.CheckAsync(db, [], cancel);
        var cut = Findings.FirstOrDefault(f => !f.Holds);
        Intact = broken is null && cut is null;
        Verification = broken is not null ? $"Audit log BROKEN at entry {broken.Sequence}: {broken.Reason}."
            : cut is not null ? $"Audit log BROKEN: {cut.Message}."
            : Findings.Count == 0 ? $"Audit log intact: {count} entries, chain verified; head {head}. There is no signed checkpoint to check it against, so entries removed from the end would go unnoticed."
            : $"Audit log intact: {count} entries, chain verified against its signed checkpoints; head {head}.";
    }
}
