using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Knowledge;

namespace Sightline.Web.Pages.Compliance;

/// <summary>
/// Every system against the Code's 12 principles at a glance, the DPIA reviews that are due, the self-assessments' actions
/// past their due date and the certifications that expire within 90 days or have expired.
/// </summary>
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time) : PageModel
{
    /// <summary>How far ahead a DPIA's review date counts as due.</summary>
    public const int DueWithinDays = 90;

    /// <summary>One system's row: its principles in order.</summary>
    public sealed record Row(int SystemId, string System, IReadOnlyList<PrincipleFindings> Principles);

    /// <summary>A system whose DPIA needs reviewing, and why.</summary>
    public sealed record DpiaDue(string System, int SystemId, string Why);

    /// <summary>An action of a self-assessment's plan, not done and past its due date.</summary>
    public sealed record OverdueAction(int AssessmentId, string Assessment, IReadOnlyList<string> Systems, int Principle, string Action,
        string Owner, DateOnly Due);

    /// <summary>A certification that expires within <see cref="CertificationRecords.FirstAlert"/> days or has expired, with its alert.</summary>
    public sealed record Expiring(Certification Certification, IReadOnlyList<string> Systems, string Alert);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<OverdueAction> Overdue { get; private set; } = [];

    public IReadOnlyList<Expiring> Certifications { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public IReadOnlyList<DpiaDue> DpiasDue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var principles = await RegisterFindings.ComputeAsync(db, knowledge, time, null, cancel, listDevices: false);
        Rows = [.. principles.GroupBy(p => (p.SystemId, p.System)).Select(g => new Row(g.Key.SystemId, g.Key.System, [.. g]))];
        var names = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        DpiasDue = await DpiasDueAsync(names, today, cancel);
        Overdue = await OverdueAsync(names, today, cancel);
        Certifications = await ExpiringAsync(names, today, cancel);
        Today = today;
    }

    // Actions are carried out after sign-off too, so those of every assessment count, whatever its state. One row per
    // action and system in the assessment's scope, gathered back into one per action.
    private async Task<List<OverdueAction>> OverdueAsync(Dictionary<int, string> names, DateOnly today, CancellationToken cancel)
    {
        var rows = await db.AssessmentActions.AsNoTracking().Where(a => a.Status != ActionStatus.Done && a.Due < today)
            .Join(db.SelfAssessments, a => a.AssessmentId, s => s.Id, (a, s) => new { a.Id, a.AssessmentId, s.Title, a.Principle, a.Text, a.Owner, a.Due })
            .Join(db.AssessmentSystems, a => a.AssessmentId, s => s.AssessmentId, (a, s) => new { Action = a, s.SystemId })
            .ToListAsync(cancel);
        return [.. rows.GroupBy(r => r.Action).OrderBy(g => g.Key.Due).ThenBy(g => g.Key.Id).Select(g => new OverdueAction(g.Key.AssessmentId, g.Key.Title,
            [.. g.Select(r => Name(names, r.SystemId)).Order(StringComparer.Ordinal)], g.Key.Principle, g.Key.Text, g.Key.Owner, g.Key.Due))];
    }

    private async Task<List<Expiring>> ExpiringAsync(Dictionary<int, string> names, DateOnly today, CancellationToken cancel)
    {
        var until = today.AddDays(CertificationRecords.FirstAlert);
        var expiring = await db.Certifications.AsNoTracking().Where(c => c.Expires <= until).OrderBy(c => c.Expires).ThenBy(c => c.Id)
            .ToListAsync(cancel);
        return expiring.ConvertAll(c => new Expiring(c,
            [.. c.Systems.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))
                .Select(id => Name(names, id))],
            CertificationRecords.Alert(c.Expires, today)!));
    }

    private static string Name(Dictionary<int, string> names, int id) =>
        names.GetValueOrDefault(id, $"#{id.ToString(CultureInfo.InvariantCulture)}");

    // A system's DPIA is due for review when its signed-off DPIA's review date is past or within DueWithinDays, when a
    // review trigger is open, or when it has none signed off.
    private async Task<List<DpiaDue>> DpiasDueAsync(Dictionary<int, string> names, DateOnly today, CancellationToken cancel)
    {
        var systems = names.Select(n => new { Id = n.Key, Name = n.Value }).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
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
