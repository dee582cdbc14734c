using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;
using Sightline.Compliance;
using Sightline.Data.Assessments;
using Sightline.Data.Compliance;
using Sightline.Knowledge;
using Sightline.Publishing;
using Sightline.Register;

namespace Sightline.Data.Publishing;

/// <summary>
/// What the public may read of the register, with every publication rule applied: the organisation, each system, and
/// the devices streamed in id order. Counts are one grouped query over devices, identities and rules (rules are few, so
/// grouping by a device's rule keeps the groups few); nothing here reads an address, MAC, serial, firmware, model,
/// installer or note. Callers cache what this gives per <see cref="FreshnessAsync"/>: any change to the register writes
/// an audit entry.
/// </summary>
public sealed class PublicRead(RegisterDb db, KnowledgeBase knowledge, TimeProvider time)
{
    /// <summary>The register's last audit sequence: unchanged means nothing public can have changed (but the day, for reviews due).</summary>
    public static async Task<long> FreshnessAsync(RegisterDb db, CancellationToken cancel) =>
        await db.AuditEntries.MaxAsync(a => (long?)a.Sequence, cancel) ?? 0;

    /// <summary>The organisation's page.</summary>
    public async Task<PublicOrganisation> OrganisationAsync(IReadOnlyList<PublicSystem> systems, CancellationToken cancel)
    {
        var organisation = await OrganisationProfile.GetAsync(db, cancel);
        var settings = await PublicationRules.SettingsAsync(db, cancel);
        var last = await db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => (DateTimeOffset?)a.Time).FirstOrDefaultAsync(cancel);
        return new PublicOrganisation(organisation?.Name ?? "", organisation?.ContactPoint, settings.Licence, settings.LicenceUrl, last,
            [.. systems.Select(s => new PublicSystemSummary(s.Id, s.Name, s.Type, s.Cameras, s.OtherDevices))]);
    }

    /// <summary>Every system, by name, as its public page shows it.</summary>
    public async Task<IReadOnlyList<PublicSystem>> SystemsAsync(CancellationToken cancel)
    {
        var systems = await db.Systems.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancel);
        var rules = await db.PublicationRules.AsNoTracking().ToListAsync(cancel);
        var systemRules = rules.Where(r => r.SystemId != null).ToDictionary(r => r.SystemId!.Value);
        var deviceRules = rules.Where(r => r.DeviceId != null).ToDictionary(r => r.DeviceId!.Value);
        var deviceRuleSystems = deviceRules.Count == 0 ? []
            : await db.Devices.AsNoTracking().Where(d => deviceRules.Keys.Contains(d.Id)).Select(d => new { d.Id, d.SystemId })
                .ToDictionaryAsync(d => d.Id, d => d.SystemId, cancel);
        var purposes = (await db.SystemPurposes.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.SystemId, p.Name }).ToListAsync(cancel))
            .ToLookup(p => p.SystemId, p => p.Name);
        var counts = await CountsAsync(systemRules, cancel);
        var findings = (await RegisterFindings.ComputeAsync(db, knowledge, time, null, cancel, listDevices: false)).ToLookup(f => f.SystemId);
        var assessments = await AssessmentsAsync(cancel);
        var dpias = await DpiasAsync(cancel);
        var changed = await LastChangedAsync(cancel);
        var result = new List<PublicSystem>(systems.Count);
        foreach (var system in systems)
        {
            var rule = systemRules.GetValueOrDefault(system.Id);
            var withheld = PublicationRules.WithheldOf(rule).ToHashSet();
            bool Shown(PublicField field) => !withheld.Contains(field);
            var count = counts.GetValueOrDefault(system.Id);
            var listed = ListOf(system.Purposes).Concat(purposes[system.Id]).Distinct(StringComparer.Ordinal).ToList();
            result.Add(new PublicSystem(
                system.Id,
                system.Name,
                Words.Of(system.Type),
                system.PublicSpace,
                Shown(PublicField.Purposes) ? listed : null,
                Shown(PublicField.LawfulBasis) ? system.LawfulBasis : null,
                Shown(PublicField.Controller) ? system.Controller : null,
                Shown(PublicField.Controller) ? ListOf(system.JointControllers) : null,
                Shown(PublicField.Retention) ? system.RetentionDays : null,
                count?.Cameras ?? 0,
                count?.Others ?? 0,
                Shown(PublicField.Makers) ? count?.Makers ?? [] : null,
                Shown(PublicField.Compliance) ? [.. findings[system.Id].OrderBy(f => f.Principle.Number).Select(f => (f.Principle, f.Status))] : null,
                Shown(PublicField.SelfAssessment) ? assessments.GetValueOrDefault(system.Id) : null,
                Shown(PublicField.Dpia) ? dpias.GetValueOrDefault(system.Id) : null,
                rule?.Location ?? LocationLevel.Exact,
                Withholdings(rule, withheld, [.. deviceRules.Values.Where(r => deviceRuleSystems.GetValueOrDefault(r.DeviceId!.Value) == system.Id)]),
                withheld,
                changed.GetValueOrDefault(system.Id)));
        }
        return result;
    }

    /// <summary>
    /// The published devices in id order, streamed (one query joining each device to its system and stored identity):
    /// devices on a system, not decommissioned, not withheld; locations rounded and fields left out by their rules.
    /// </summary>
    public async IAsyncEnumerable<PublicDevice> DevicesAsync([EnumeratorCancellation] CancellationToken cancel)
    {
        var rules = await db.PublicationRules.AsNoTracking().ToListAsync(cancel);
        var systemRules = rules.Where(r => r.SystemId != null).ToDictionary(r => r.SystemId!.Value);
        var deviceRules = rules.Where(r => r.DeviceId != null).ToDictionary(r => r.DeviceId!.Value);
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, cancel);
        var makers = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = db.Devices.AsNoTracking()
            .Where(d => d.SystemId != null && d.Status != DeviceStatus.Decommissioned)
            .LeftJoin(db.Identities.AsNoTracking(), d => d.Id, i => i.DeviceId, (d, i) => new
            {
                d.Id,
                SystemId = d.SystemId!.Value,
                d.Kind,
                d.BrandAsSold,
                d.Capabilities,
                d.Direction,
                d.Latitude,
                d.Longitude,
                Platform = i == null ? null : i.Platform,
                Brand = i == null ? null : i.Brand,
                WhiteLabel = i != null && i.WhiteLabel,
            })
            .OrderBy(d => d.Id);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancel))
        {
            var systemRule = systemRules.GetValueOrDefault(row.SystemId);
            var deviceRule = deviceRules.GetValueOrDefault(row.Id);
            var withheld = Withheld(systemRule, deviceRule);
            if (withheld.Contains(PublicField.Device))
            {
                continue;
            }
            var level = deviceRule?.Location ?? systemRule?.Location ?? LocationLevel.Exact;
            var at = PublishedLocation.Of(level, row.Latitude, row.Longitude);
            var system = systems[row.SystemId];
            var maker = withheld.Contains(PublicField.Maker) || row.Platform is null ? null : MakerName(makers, row.Platform);
            yield return new PublicDevice(
                row.Id,
                row.SystemId,
                system.Name,
                system.Type,
                system.PublicSpace,
                row.Kind,
                maker,
                withheld.Contains(PublicField.Brand) ? null : row.Brand ?? row.BrandAsSold,
                withheld.Contains(PublicField.Maker) || withheld.Contains(PublicField.Brand) || row.Platform is null ? null : row.WhiteLabel,
                withheld.Contains(PublicField.Capabilities) ? null : row.Capabilities,
                withheld.Contains(PublicField.Direction) || level == LocationLevel.Hidden ? null : row.Direction,
                at is null ? LocationLevel.Hidden : level,
                at?.Latitude,
                at?.Longitude);
        }
    }

    private static HashSet<PublicField> Withheld(PublicationRule? system, PublicationRule? device)
    {
        var fields = new HashSet<PublicField>(PublicationRules.WithheldOf(system));
        fields.UnionWith(PublicationRules.WithheldOf(device));
        return fields;
    }

    private string MakerName(Dictionary<string, string> names, string id)
    {
        if (!names.TryGetValue(id, out var name))
        {
            // A maker the knowledge in use no longer has keeps its id, as exports do.
            name = knowledge.Makers.GetValueOrDefault(id)?.Name ?? id;
            names[id] = name;
        }
        return name;
    }

    private sealed record SystemCounts(long Cameras, long Others, IReadOnlyList<PublicMakerCount> Makers);

    private async Task<Dictionary<int, SystemCounts>> CountsAsync(Dictionary<int, PublicationRule> systemRules, CancellationToken cancel)
    {
        // Grouped by the device's own rule too (most devices have none), so a device's withheld fields are honoured in the counts.
        var groups = await db.Devices.AsNoTracking()
            .Where(d => d.SystemId != null && d.Status != DeviceStatus.Decommissioned)
            .LeftJoin(db.Identities.AsNoTracking(), d => d.Id, i => i.DeviceId, (d, i) => new { Device = d, Identity = i })
            .LeftJoin(db.PublicationRules.AsNoTracking(), x => (int?)x.Device.Id, r => r.DeviceId, (x, r) => new
            {
                SystemId = x.Device.SystemId!.Value,
                x.Device.Kind,
                Platform = x.Identity == null ? null : x.Identity.Platform,
                Brand = x.Identity == null || x.Identity.Brand == null ? x.Device.BrandAsSold : x.Identity.Brand,
                WhiteLabel = x.Identity != null && x.Identity.WhiteLabel,
                Withheld = r == null ? null : r.Withheld,
            })
            .GroupBy(x => new { x.SystemId, x.Kind, x.Platform, x.Brand, x.WhiteLabel, x.Withheld })
            .Select(g => new { g.Key.SystemId, g.Key.Kind, g.Key.Platform, g.Key.Brand, g.Key.WhiteLabel, g.Key.Withheld, Count = g.LongCount() })
            .ToListAsync(cancel);
        var makers = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new Dictionary<int, SystemCounts>();
        foreach (var system in groups.GroupBy(g => g.SystemId))
        {
            long cameras = 0, others = 0;
            var byMaker = new Dictionary<(string?, string?, bool), long>();
            foreach (var group in system)
            {
                var withheld = Withheld(systemRules.GetValueOrDefault(system.Key),
                    group.Withheld is null ? null : new PublicationRule { Withheld = group.Withheld });
                if (withheld.Contains(PublicField.Device))
                {
                    continue;
                }
                if (group.Kind != DeviceKind.Camera)
                {
                    others += group.Count;
                    continue;
                }
                cameras += group.Count;
                var maker = withheld.Contains(PublicField.Maker) || group.Platform is null ? null : MakerName(makers, group.Platform);
                var brand = withheld.Contains(PublicField.Brand) ? null : group.Brand;
                var white = maker is not null && brand is not null && group.WhiteLabel;
                var key = (maker, brand, white);
                byMaker[key] = byMaker.GetValueOrDefault(key) + group.Count;
            }
            result[system.Key] = new SystemCounts(cameras, others,
                [.. byMaker.Select(p => new PublicMakerCount(p.Key.Item1, p.Key.Item2, p.Key.Item3, p.Value))
                    .OrderByDescending(m => m.Cameras).ThenBy(m => m.Maker, StringComparer.Ordinal).ThenBy(m => m.Brand, StringComparer.Ordinal)]);
        }
        return result;
    }

    private static List<PublicWithholding> Withholdings(PublicationRule? rule, HashSet<PublicField> withheld, IReadOnlyList<PublicationRule> deviceRules)
    {
        var list = new List<PublicWithholding>();
        if (rule is not null && rule.Basis is { } basis)
        {
            if (rule.Location is { } level && level != LocationLevel.Exact)
            {
                list.Add(new PublicWithholding(level == LocationLevel.Hidden ? "The locations of this system's devices are withheld."
                    : $"The locations of this system's devices are published only {PublishedLocation.Describe(level)}.", Exemptions.Explain(basis), rule.Review));
            }
            foreach (var field in withheld.Order())
            {
                list.Add(new PublicWithholding(FieldWords(field, system: true), Exemptions.Explain(basis), rule.Review));
            }
        }
        foreach (var group in deviceRules.Where(r => r.Basis is not null && PublicationRules.Restricts(r)).GroupBy(r => r.Basis!))
        {
            list.Add(new PublicWithholding(
                $"{Words.Count(group.Count(), "devices")} of this system {(group.Count() == 1 ? "has" : "have")} information withheld or generalised "
                + $"({string.Join(", ", group.SelectMany(r => PublicationRules.WithheldOf(r).Select(f => FieldWords(f, system: false)).Concat(r.Location is { } l && l != LocationLevel.Exact ? ["location " + PublishedLocation.Describe(l)] : [])).Distinct())}).",
                Exemptions.Explain(group.Key), group.Min(r => r.Review)));
        }
        return list;
    }

    /// <summary>A withheld field in the public's words.</summary>
    public static string FieldWords(PublicField field, bool system) => field switch
    {
        PublicField.Purposes => "The system's purposes are withheld.",
        PublicField.LawfulBasis => "The lawful basis is withheld.",
        PublicField.Controller => "The data controller and operator are withheld.",
        PublicField.Retention => "How long recordings are kept is withheld.",
        PublicField.Makers => "The makers and brands of the cameras are withheld.",
        PublicField.Compliance => "The compliance status is withheld.",
        PublicField.SelfAssessment => "The self-assessment is withheld.",
        PublicField.Dpia => "The data protection impact assessment is withheld.",
        PublicField.Maker when system => "The platform maker of each device is withheld.",
        PublicField.Brand when system => "The brand of each device is withheld.",
        PublicField.Capabilities when system => "The devices' capabilities are withheld.",
        PublicField.Direction when system => "The direction each device faces is withheld.",
        PublicField.Device when system => "Some or all devices are left out of the published lists.",
        PublicField.Device => "left out",
        _ => Words.Of(field),
    };

    private async Task<Dictionary<int, PublicAssessment>> AssessmentsAsync(CancellationToken cancel)
    {
        var published = await db.SelfAssessments.AsNoTracking().Where(a => a.State == AssessmentState.Published)
            .Join(db.AssessmentSystems, a => a.Id, s => s.AssessmentId, (a, s) => new { s.SystemId, a.Id, a.Published })
            .ToListAsync(cancel);
        var newest = published.GroupBy(p => p.SystemId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Published).ThenByDescending(p => p.Id).First().Id);
        var views = new Dictionary<int, PublicAssessment>();
        foreach (var id in newest.Values.Distinct())
        {
            var view = await AssessmentRead.ViewAsync(db, id, time.GetUtcNow(), cancel);
            views[id] = new PublicAssessment(view.Assessment.Title, $"{view.Set.Title}, version {view.Set.Version}", view.Assessment.SignedOff,
                view.Assessment.Published, view.IsStale,
                [.. view.Set.Principles.Select(p =>
                {
                    var answers = p.Questions.Select(q => view.Answer(q.Id)?.Answer).ToList();
                    return new PublicAssessment.PrincipleAnswers(p.Number, p.Title, answers.Count(a => a == ClosedAnswer.Yes),
                        answers.Count(a => a == ClosedAnswer.Partly), answers.Count(a => a == ClosedAnswer.No),
                        answers.Count(a => a == ClosedAnswer.NotApplicable), answers.Count(a => a is null));
                })]);
        }
        return newest.ToDictionary(p => p.Key, p => views[p.Value]);
    }

    private async Task<Dictionary<int, PublicDpia>> DpiasAsync(CancellationToken cancel)
    {
        var signed = await db.Dpias.AsNoTracking().Where(d => d.SignedOff != null).ToListAsync(cancel);
        return signed.GroupBy(d => d.SystemId).ToDictionary(g => g.Key, g =>
        {
            var dpia = g.OrderByDescending(d => d.SignedOff).ThenByDescending(d => d.Id).First();
            return new PublicDpia(dpia.Regime, RiskCount(dpia.Risks), dpia.ResidualRisk, dpia.SignedOff, dpia.ReviewDue);
        });
    }

    private static int RiskCount(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private sealed class LastSequence
    {
        public int SystemId { get; set; }

        public long Sequence { get; set; }
    }

    // The latest audit entry about the system's record, its publication rule, or any of its devices. Devices' entries are
    // joined by the database in one grouped query, read only when the register has changed (callers cache).
    private async Task<Dictionary<int, DateTimeOffset>> LastChangedAsync(CancellationToken cancel)
    {
        var devices = await db.Database.SqlQueryRaw<LastSequence>(
            """
            SELECT d.system_id AS "SystemId", max(a.sequence) AS "Sequence"
            FROM audit_entries a JOIN devices d ON a.entity_type = 'device' AND a.entity_id = CAST(d.id AS TEXT)
            WHERE d.system_id IS NOT NULL
            GROUP BY d.system_id
            """).ToListAsync(cancel);
        var records = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == ComplianceAudit.System || (a.EntityType == PublicAudit.Publication && a.EntityId.StartsWith("system:")))
            .GroupBy(a => a.EntityId).Select(g => new { g.Key, Sequence = g.Max(a => a.Sequence) }).ToListAsync(cancel);
        var latest = devices.ToDictionary(d => d.SystemId, d => d.Sequence);
        foreach (var record in records)
        {
            var key = record.Key.StartsWith("system:", StringComparison.Ordinal) ? record.Key[7..] : record.Key;
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                latest[id] = Math.Max(latest.GetValueOrDefault(id), record.Sequence);
            }
        }
        var sequences = latest.Values.Distinct().ToList();
        var times = await db.AuditEntries.AsNoTracking().Where(a => sequences.Contains(a.Sequence)).Select(a => new { a.Sequence, a.Time })
            .ToDictionaryAsync(a => a.Sequence, a => a.Time, cancel);
        return latest.ToDictionary(p => p.Key, p => times[p.Value]);
    }

    private static List<string> ListOf(string? text) => [.. RecordFields.ListOf(text)];
}
