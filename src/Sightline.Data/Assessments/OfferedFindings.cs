using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data.Compliance;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Data.Assessments;

/// <summary>
/// The findings from the register offered to an assessment: every finding of every system in its scope, keyed
/// "PRINCIPLE.N" (N counting that principle's findings across the systems, by system name), with what the assessor
/// already decided about each. The key is stable while the register holds the same findings.
/// </summary>
public static class OfferedFindings
{
    /// <summary>One finding offered: its key, the system it is about and, once decided, whether it was accepted.</summary>
    public sealed record Offer(string Key, int Principle, string System, RegisterFinding Finding, bool? Accepted)
    {
        /// <summary>The text the assessment keeps: the system's name, then the finding's.</summary>
        public string Text => $"{System}: {Finding.Text}";
    }

    public static async Task<IReadOnlyList<Offer>> ListAsync(RegisterDb db, KnowledgeBase knowledge, int id, TimeProvider time, CancellationToken cancel)
    {
        if (!await db.SelfAssessments.AnyAsync(a => a.Id == id, cancel))
        {
            throw new RegisterException($"there is no self-assessment {SelfAssessments.Key(id)}");
        }
        var scope = await db.AssessmentSystems.Where(s => s.AssessmentId == id).Select(s => s.SystemId).ToListAsync(cancel);
        var decided = await db.AssessmentEvidence.AsNoTracking().Where(e => e.AssessmentId == id && e.Kind == Sightline.Assessments.EvidenceKind.Finding)
            .Select(e => new { e.Principle, e.Title, e.Accepted }).ToListAsync(cancel);
        var principles = new List<PrincipleFindings>();
        foreach (var system in scope)
        {
            principles.AddRange(await RegisterFindings.ComputeAsync(db, knowledge, time, system, cancel));
        }
        var offers = new List<Offer>();
        foreach (var group in principles.GroupBy(p => p.Principle.Number).OrderBy(g => g.Key))
        {
            var n = 0;
            foreach (var p in group.OrderBy(p => p.System, StringComparer.Ordinal))
            {
                foreach (var finding in p.Findings)
                {
                    var text = $"{p.System}: {finding.Text}";
                    // The newest decision on the same text counts.
                    var decision = decided.LastOrDefault(d => d.Principle == group.Key && d.Title == text);
                    offers.Add(new Offer($"{group.Key}.{++n}", group.Key, p.System, finding, decision?.Accepted));
                }
            }
        }
        return offers;
    }

    /// <summary>Accepts or rejects the offered finding with <paramref name="key"/> into the assessment, with the reason.</summary>
    public static async Task<Offer> DecideAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor, int id, string key,
        bool accept, string? reason, CancellationToken cancel)
    {
        var offers = await ListAsync(db, knowledge, id, time, cancel);
        var offer = offers.FirstOrDefault(o => o.Key == key.Trim())
            ?? throw new RegisterException($"no finding '{key}' is offered to self-assessment {SelfAssessments.Key(id)}; see `sightline assess findings {SelfAssessments.Key(id)}`");
        await SelfAssessments.DecideFindingAsync(db, time, actor, id, new FindingDecision(offer.Principle, offer.Text, Words.Of(offer.Finding.Status),
            (int)Math.Min(offer.Finding.Count, int.MaxValue), offer.Finding.Devices, offer.Finding.Source, accept, reason), cancel);
        return offer with { Accepted = accept };
    }
}
