using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;

namespace Sightline.Data.Assessments;

/// <summary>Reading assessments: the list, one whole assessment, and the published one for a system's report.</summary>
public static class AssessmentRead
{
    /// <summary>Every assessment, newest first, with its staleness and overdue actions as of <paramref name="now"/>.</summary>
    public static async Task<IReadOnlyList<AssessmentSummary>> ListAsync(RegisterDb db, DateTimeOffset now, CancellationToken cancel)
    {
        var assessments = await db.SelfAssessments.AsNoTracking().OrderByDescending(a => a.Id).ToListAsync(cancel);
        if (assessments.Count == 0)
        {
            return [];
        }
        var sets = await db.QuestionSets.AsNoTracking().ToDictionaryAsync(s => s.Id, cancel);
        var current = sets.Values.MaxBy(s => s.Id)!;
        var counts = sets.Values.ToDictionary(s => s.Id, s => QuestionSets.Parse(s).All.Count());
        var systems = await SystemNamesAsync(db, null, cancel);
        var answered = await db.AssessmentAnswers.Where(a => a.Answer != null).GroupBy(a => a.AssessmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var overdue = await db.AssessmentActions.Where(a => a.Status != ActionStatus.Done && a.Due < today).GroupBy(a => a.AssessmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        return [.. assessments.Select(a => new AssessmentSummary(a.Id, a.Title, a.State,
            systems.TryGetValue(a.Id, out var names) ? names : [], $"{sets[a.QuestionSetId].SetId} {sets[a.QuestionSetId].Version}",
            a.Started, a.SignedOff, a.SignedOffBy, a.Published, answered.GetValueOrDefault(a.Id), counts[a.QuestionSetId],
            overdue.GetValueOrDefault(a.Id), AssessmentCurrency.StaleReasons(a, sets[a.QuestionSetId], current, now)))];
    }

    /// <summary>One whole assessment as of <paramref name="now"/>; a <see cref="RegisterException"/> when there is none.</summary>
    public static async Task<AssessmentView> ViewAsync(RegisterDb db, int id, DateTimeOffset now, CancellationToken cancel)
    {
        var assessment = await db.SelfAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancel)
            ?? throw new RegisterException($"there is no self-assessment {SelfAssessments.Key(id)}");
        var stored = await db.QuestionSets.AsNoTracking().SingleAsync(s => s.Id == assessment.QuestionSetId, cancel);
        var current = await QuestionSets.CurrentAsync(db, cancel) ?? stored;
        var systems = await SystemNamesAsync(db, id, cancel);
        return new AssessmentView(
            assessment,
            systems.TryGetValue(id, out var names) ? names : [],
            stored,
            QuestionSets.Parse(stored),
            await db.AssessmentAnswers.AsNoTracking().Where(a => a.AssessmentId == id).OrderBy(a => a.Id).ToListAsync(cancel),
            await db.AssessmentEvidence.AsNoTracking().Where(e => e.AssessmentId == id).OrderBy(e => e.Id).ToListAsync(cancel),
            await db.AssessmentActions.AsNoTracking().Where(a => a.AssessmentId == id).OrderBy(a => a.Due).ThenBy(a => a.Id).ToListAsync(cancel),
            AssessmentCurrency.StaleReasons(assessment, stored, current, now),
            DateOnly.FromDateTime(now.UtcDateTime));
    }

    /// <summary>The newest published assessment whose scope includes the system named; null when there is none.</summary>
    public static async Task<AssessmentView?> PublishedForAsync(RegisterDb db, string system, DateTimeOffset now, CancellationToken cancel)
    {
        var systemId = await db.Systems.Where(s => s.Name == system).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancel)
            ?? throw new RegisterException($"there is no system named '{system}' in the register");
        var id = await db.SelfAssessments
            .Where(a => a.State == AssessmentState.Published
                && db.AssessmentSystems.Any(s => s.AssessmentId == a.Id && s.SystemId == systemId))
            .OrderByDescending(a => a.Published).ThenByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancel);
        return id is { } found ? await ViewAsync(db, found, now, cancel) : null;
    }

    /// <summary>An uploaded evidence file's name and bytes; null when the item is not a file of that assessment.</summary>
    public static async Task<(string Name, byte[] Content)?> FileAsync(RegisterDb db, int id, int evidenceId, CancellationToken cancel)
    {
        var file = await db.AssessmentEvidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.AssessmentId == id && e.Kind == EvidenceKind.File)
            .Join(db.EvidenceFiles, e => e.Id, f => f.EvidenceId, (e, f) => new { e.FileName, f.Content })
            .SingleOrDefaultAsync(cancel);
        return file is null ? null : (file.FileName!, file.Content);
    }

    private static async Task<Dictionary<int, IReadOnlyList<string>>> SystemNamesAsync(RegisterDb db, int? id, CancellationToken cancel)
    {
        var scopes = db.AssessmentSystems.AsQueryable();
        if (id is { } one)
        {
            scopes = scopes.Where(s => s.AssessmentId == one);
        }
        var rows = await scopes.Join(db.Systems, s => s.SystemId, s => s.Id, (scope, system) => new { scope.AssessmentId, system.Name })
            .ToListAsync(cancel);
        return rows.GroupBy(r => r.AssessmentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Name).Order(StringComparer.Ordinal)]);
    }
}
