using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Knowledge;

namespace Sightline.Web.Pages.Compliance;

/// <summary>Every system against the Code's 12 principles at a glance, and the DPIA reviews that are due.</summary>
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time) : PageModel
{
    /// <summary>How far ahead a DPIA's review date counts as due.</summary>
    public const int DueWithinDays = 90;

    /// <summary>One system's row: its principles in order.</summary>
    public sealed record Row(int SystemId, string System, IReadOnlyList<PrincipleFindings> Principles);

    /// <summary>A system whose DPIA needs reviewing, and why.</summary>
    public sealed record DpiaDue(string System, int SystemId, string Why);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<DpiaDue> DpiasDue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var principles = await RegisterFindings.ComputeAsync(db, knowledge, today, null, cancel, listDevices: false);
        Rows = [.. principles.GroupBy(p => (p.SystemId, p.System)).Select(g => new Row(g.Key.SystemId, g.Key.System, [.. g]))];
        DpiasDue = await DpiasDueAsync(today, cancel);
    }

    // A system's DPIA is due for review when its signed-off DPIA's review date is past or within DueWithinDays, when a
    // review trigger is open, or when it has none signed off.
    private async Task<List<DpiaDue>> DpiasDueAsync(DateOnly today, CancellationToken cancel)
    {
        var systems = await db.Systems.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancel);
        var dpias = (await db.Dpias.AsNoTracking().Where(d => d.SignedOff != null).ToListAsync(cancel))
            .GroupBy(d => d.SystemId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.SignedOff)!);
        var open = await db.DpiaTriggers.AsNoTracking().Where(t => t.Cleared == null).GroupBy(t => t.SystemId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var due = new List<DpiaDue>();
        foreach (var system in systems)
        {
            var reasons = new List<string>();
            if (!dpias.TryGetValue(system.Id, out var dpia))
            {
                reasons.Add("no signed-off DPIA");
            }
            else if (dpia.ReviewDue is not { } review)
            {
                reasons.Add("the DPIA has no review date");
            }
            else if (review < today)
            {
                reasons.Add($"review was due on {review:yyyy-MM-dd}");
            }
            else if (review <= today.AddDays(DueWithinDays))
            {
                reasons.Add($"review due on {review:yyyy-MM-dd}");
            }
            if (open.GetValueOrDefault(system.Id) is > 0 and var count)
            {
                reasons.Add($"{Register.Words.Count(count, "review triggers")} open");
            }
            if (reasons.Count > 0)
            {
                due.Add(new DpiaDue(system.Name, system.Id, string.Join("; ", reasons)));
            }
        }
        return due;
    }
}
