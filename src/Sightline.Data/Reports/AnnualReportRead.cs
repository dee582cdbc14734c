using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;
using Sightline.Compliance;
using Sightline.Data.Assessments;
using Sightline.Data.Audit;
using Sightline.Data.Compliance;
using Sightline.Data.LogBook;
using Sightline.Data.Register;
using Sightline.Knowledge;
using Sightline.LogBook;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Reports;

/// <summary>
/// Reads the annual report (`sightline report annual`, the web's annual report page). The status per principle is
/// <see cref="RegisterFindings"/>' own, device counts are one grouped query, and the period's changes are counted by the
/// database from the audit log; only the few action-status entries of the period are read one by one.
/// </summary>
public static class AnnualReportRead
{
    /// <summary>The report for <paramref name="period"/> as of now.</summary>
    public static async Task<AnnualReport> ReadAsync(RegisterDb db, KnowledgeBase knowledge, ReportPeriod period, TimeProvider time,
        CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var organisation = await OrganisationProfile.GetAsync(db, cancel);
        var systems = await db.Systems.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancel);
        // The report verifies the whole chain anyway: done first, its point is the one principle 10's finding reads.
        var chain = await AuditLog.VerifyInFullAsync(db, now, cancel);
        var principles = (await RegisterFindings.ComputeAsync(db, knowledge, time, null, cancel, listDevices: false)).ToLookup(p => p.SystemId);
        var purposes = (await db.SystemPurposes.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancel)).ToLookup(p => p.SystemId);
        var dpias = (await db.Dpias.AsNoTracking().ToListAsync(cancel)).ToLookup(d => d.SystemId);
        var triggers = (await db.DpiaTriggers.AsNoTracking().Where(t => t.Cleared == null).OrderBy(t => t.Raised).ThenBy(t => t.Id).ToListAsync(cancel))
            .ToLookup(t => t.SystemId);
        var certifications = await CertificationRecords.ListAsync(db, today, cancel);
        var assessments = await AssessmentRead.ListAsync(db, now, cancel);
        var scopes = (await db.AssessmentSystems.AsNoTracking().ToListAsync(cancel)).ToLookup(s => s.SystemId, s => s.AssessmentId);
        var actions = await db.AssessmentActions.AsNoTracking().ToListAsync(cancel);
        var completed = await CompletedActionsAsync(db, period, cancel);
        var devices = await DevicesAsync(db, knowledge, cancel);

        var reviews = systems.ConvertAll(system =>
        {
            var covering = scopes[system.Id].ToHashSet();
            var itsActions = actions.Where(a => covering.Contains(a.AssessmentId)).ToList();
            var signed = dpias[system.Id].Where(d => d.SignedOff is not null).MaxBy(d => d.SignedOff);
            var systemKey = system.Id.ToString(CultureInfo.InvariantCulture);
            return new SystemReview(
                system,
                Purposes(system, purposes[system.Id]),
                devices.GetValueOrDefault(system.Id) ?? DeviceTally.None,
                [.. principles[system.Id]],
                assessments.Where(a => covering.Contains(a.Id)).MaxBy(a => a.Id),
                signed,
                dpias[system.Id].Any(d => d.SignedOff is null),
                [.. triggers[system.Id]],
                [.. certifications.Where(c => c.Certification.Systems.Split(';').Contains(systemKey))],
                itsActions.Count(a => a.Status == ActionStatus.Done && completed.Contains(a.Id)),
                // Overdue in the period: not done now, and due before the period's end and before today.
                itsActions.Count(a => a.Status != ActionStatus.Done && a.Due <= period.To && a.IsOverdue(today)));
        });
        return new AnnualReport(organisation, period, today, reviews, await ChangesAsync(db, period, cancel),
            await LogBookAsync(db, knowledge.Folder, period, today, cancel), chain);
    }

    // The purposes as the findings read them (the system's list), each with its details where recorded.
    private static List<SystemPurpose> Purposes(SurveillanceSystem system, IEnumerable<SystemPurpose> details) =>
        [.. (system.Purposes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => details.FirstOrDefault(d => string.Equals(d.Name.Trim(), name, StringComparison.OrdinalIgnoreCase))
                ?? new SystemPurpose { SystemId = system.Id, Name = name })];

    private static async Task<PeriodChanges> ChangesAsync(RegisterDb db, ReportPeriod period, CancellationToken cancel)
    {
        var (start, end) = (period.Start, period.End);
        var entries = db.AuditEntries.Where(e => e.Time >= start && e.Time < end);
        var devices = entries.Where(e => e.EntityType == "device");
        // Entries' JSON is written without spaces (AuditJson), so a changed column reads "name": in it.
        return new PeriodChanges(
            await devices.CountAsync(e => e.Action == "create", cancel),
            await devices.CountAsync(e => e.After != null && e.After.Contains("\"status\":\"decommissioned\""), cancel),
            await devices.CountAsync(e => e.Action == "update" && e.After != null
                && (e.After.Contains("\"site\":") || e.After.Contains("\"latitude\":") || e.After.Contains("\"longitude\":")), cancel),
            await devices.CountAsync(e => e.Action == "override" || e.Action == "override-withdrawn", cancel),
            await entries.CountAsync(e => e.Action == "import" && e.EntityType == "file", cancel),
            await entries.CountAsync(e => e.Action == "scan" && e.EntityType == "scan", cancel));
    }

    private static async Task<LogBookYear> LogBookAsync(RegisterDb db, string knowledgeFolder, ReportPeriod period, DateOnly today, CancellationToken cancel)
    {
        var (from, to) = (period.From, period.To);
        var requests = await db.SubjectAccessRequests.AsNoTracking().Where(r => (r.Received >= from && r.Received <= to) || r.Closed == null).ToListAsync(cancel);
        var clock = requests.Count > 0 ? SarClock.Shipped(knowledgeFolder) : null;
        var received = requests.Where(r => r.Received >= from && r.Received <= to).ToList();
        var answered = received.Where(r => r.Closed is not null).ToList();
        var disclosures = await db.Disclosures.AsNoTracking().Where(d => d.Received >= from && d.Received <= to).ToListAsync(cancel);
        var holds = await db.LegalHolds.AsNoTracking().Where(h => (h.Placed >= from && h.Placed <= to) || h.Released == null).ToListAsync(cancel);
        var inForce = holds.Where(h => h.Released is null).ToList();
        var access = await db.FootageAccesses.AsNoTracking().Where(a => a.At >= period.Start && a.At < period.End)
            .GroupBy(a => a.Action).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);
        var recorders = await RetentionReadings.LatestAsync(db, cancel);
        return new LogBookYear(
            received.Count,
            answered.Count,
            answered.Count(r => (r.Supplied ?? r.Closed!.Value) <= clock!.Due(r)),
            requests.Count(r => r.Closed is null),
            requests.Count(r => r.Closed is null && clock!.Flag(r, today) == "overdue"),
            disclosures.Count,
            disclosures.Count(d => d.Disclosed is not null),
            disclosures.Count(d => d.Decision == DisclosureDecision.Refused),
            holds.Count(h => h.Placed >= from && h.Placed <= to),
            inForce.Count,
            inForce.Count(h => LegalHolds.Flag(h, today) is not null),
            access.FirstOrDefault(a => a.Key == AccessAction.Viewed)?.Count ?? 0,
            access.FirstOrDefault(a => a.Key == AccessAction.Exported)?.Count ?? 0,
            recorders.Count,
            recorders.Count(r => r.Exceeds));
    }

    // The actions marked done during the period, from the audit log (an action keeps no date of its own).
    private static async Task<HashSet<int>> CompletedActionsAsync(RegisterDb db, ReportPeriod period, CancellationToken cancel)
    {
        var (start, end) = (period.Start, period.End);
        var done = $"\"status\":\"{Words.Of(ActionStatus.Done)}\"";
        var afters = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Time >= start && e.Time < end && e.Action == AssessmentAudit.ActionStatus && e.EntityType == AssessmentAudit.Assessment
                && e.After != null && e.After.Contains(done))
            .Select(e => e.After!).ToListAsync(cancel);
        var ids = new HashSet<int>();
        foreach (var after in afters)
        {
            using var json = JsonDocument.Parse(after);
            if (json.RootElement.TryGetProperty("action", out var action)
                && int.TryParse(action.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    private static async Task<Dictionary<int, DeviceTally>> DevicesAsync(RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel)
    {
        var rows = await DeviceGroup.ReadAsync(db, cancel);
        return rows.GroupBy(r => r.SystemId).ToDictionary(g => g.Key, g => new DeviceTally(
            g.Sum(r => r.Devices),
            [.. g.GroupBy(r => Words.Parse<DeviceKind>(r.Kind) ?? DeviceKind.Other).Select(k => (k.Key, k.Sum(r => r.Devices))).OrderBy(k => k.Key)],
            [.. g.GroupBy(r => r.Platform is null ? MakerTally.Unknown + " maker" : knowledge.Makers.GetValueOrDefault(r.Platform)?.Name ?? r.Platform)
                .Select(m => new MakerCount(m.Key, m.Sum(r => r.Devices),
                    [.. m.Where(r => r.SoldAs is not null).GroupBy(r => r.SoldAs!).Select(b => (b.Key, b.Sum(r => r.Devices)))
                        .OrderByDescending(b => b.Item2).ThenBy(b => b.Key, StringComparer.Ordinal)]))
                .OrderBy(m => m.Maker == MakerTally.Unknown + " maker").ThenByDescending(m => m.Count).ThenBy(m => m.Maker, StringComparer.Ordinal)],
            g.Sum(r => r.HumanRights),
            g.Sum(r => r.SecurityTrust),
            g.Sum(r => r.CyberHygiene)));
    }
}
