using Microsoft.EntityFrameworkCore;
using Sightline.Data.Compliance;
using Sightline.Data.Procurement;
using Sightline.Data.Register;
using Sightline.Data.Reports;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Remediation;

/// <summary>
/// Reads the remediation board paper (`sightline report remediation`, the web's Remediation page). Counts are the stored
/// verdicts `devices list --maker/--flagged` read; the reasons are the risk findings that apply, worked out once per
/// platform maker, model, firmware and system among flagged devices (a grouped query), so each carries its knowledge source.
/// </summary>
public static class BoardPaperRead
{
    public static async Task<BoardPaper> ReadAsync(RegisterDb db, KnowledgeBase knowledge, DateOnly today, CancellationToken cancel)
    {
        var organisation = (await OrganisationProfile.GetAsync(db, cancel))?.Name ?? "The organisation";
        var estate = await EstateGroup.ReadAsync(db, cancel);
        string MakerName(string? platform) => platform is null ? MakerTally.Unknown + " maker" : knowledge.Makers.GetValueOrDefault(platform)?.Name ?? platform;
        var byMaker = estate.GroupBy(r => MakerName(r.Platform)).Select(m => new MakerCount(m.Key, m.Sum(r => r.Devices),
                [.. m.Where(r => r.SoldAs is not null).GroupBy(r => r.SoldAs!).Select(b => (b.Key, b.Sum(r => r.Devices)))
                    .OrderByDescending(b => b.Item2).ThenBy(b => b.Key, StringComparer.Ordinal)]))
            .OrderBy(m => m.Maker == MakerTally.Unknown + " maker").ThenByDescending(m => m.Count).ThenBy(m => m.Maker, StringComparer.Ordinal).ToList();
        var flagged = new Dictionary<RiskDimension, long>
        {
            [RiskDimension.HumanRights] = estate.Sum(r => r.HumanRights),
            [RiskDimension.SecurityTrust] = estate.Sum(r => r.SecurityTrust),
            [RiskDimension.CyberHygiene] = estate.Sum(r => r.CyberHygiene),
        };
        var plan = await RemediationPlan.ListAsync(db, knowledge, today, cancel);
        return new BoardPaper(organisation, today, estate.Sum(r => r.Devices), byMaker, flagged, estate.Sum(r => r.Flagged),
            await ReasonsAsync(db, knowledge, cancel), plan, RemediationPlan.Progress(plan, today), await SuppliersAsync(db, plan, today, cancel));
    }

    // Suppliers with findings are few (most registers have none), so one count and one ID list each is cheap.
    private static async Task<List<SupplierConcern>> SuppliersAsync(RegisterDb db, IReadOnlyList<PlannedDevice> plan, DateOnly today, CancellationToken cancel)
    {
        var concerns = new List<SupplierConcern>();
        var planned = plan.Select(p => p.Item.DeviceId).ToList();
        foreach (var record in await DueDiligence.WithFindingsAsync(db, today, cancel))
        {
            var supplied = SupplierDevices.Of(db, record.Supplier);
            var inPlan = (await supplied.Where(d => planned.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancel)).ToHashSet();
            concerns.Add(new SupplierConcern(record.Supplier.LegalName, record.Findings, await supplied.CountAsync(cancel),
                [.. plan.Where(p => inPlan.Contains(p.Item.DeviceId)).Select(p => p.Device)]));
        }
        return [.. concerns.OrderBy(c => c.Supplier, StringComparer.Ordinal)];
    }

    private static async Task<List<FlagReason>> ReasonsAsync(RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel)
    {
        var groups = await db.Devices.AsNoTracking().Where(d => d.Status != DeviceStatus.Decommissioned)
            .Join(db.Identities.AsNoTracking().Where(i => i.Flags != RiskDimension.None && i.Platform != null), d => d.Id, i => i.DeviceId,
                (d, i) => new { i.Platform, d.Model, d.Firmware, d.SystemId })
            .GroupBy(x => new { x.Platform, x.Model, x.Firmware, x.SystemId })
            .Select(g => new { g.Key.Platform, g.Key.Model, g.Key.Firmware, g.Key.SystemId, Devices = g.LongCount() })
            .ToListAsync(cancel);
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => new SystemUse(s.Purposes, s.SensitiveSite), cancel);
        var reasons = new Dictionary<(RiskDimension, string, string, string), FlagReason>();
        foreach (var g in groups)
        {
            if (knowledge.Makers.GetValueOrDefault(g.Platform!) is not { } maker)
            {
                continue;
            }
            var use = g.SystemId is { } s && systems.TryGetValue(s, out var known) ? known : new SystemUse(null, false);
            foreach (var f in RiskAssessor.Assess(knowledge, maker, g.Model, g.Firmware, use).Where(f => f.Applies == true))
            {
                var key = (f.Dimension, maker.Name, f.Kind, f.Id);
                var source = f.Provenance.Urls.Count > 0 ? f.Provenance.Urls[0] : f.Provenance.Where;
                reasons[key] = reasons.TryGetValue(key, out var seen)
                    ? seen with { Devices = seen.Devices + g.Devices }
                    : new FlagReason(f.Dimension, maker.Name, f.Kind, f.Title, f.Detail, source, g.Devices);
            }
        }
        return [.. reasons.Values.OrderBy(r => r.Dimension).ThenByDescending(r => r.Devices).ThenBy(r => r.Maker, StringComparer.Ordinal)
            .ThenBy(r => r.Title, StringComparer.Ordinal)];
    }
}
