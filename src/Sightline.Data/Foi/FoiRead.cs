using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Compliance;
using Sightline.Data.Register;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Remediation;

namespace Sightline.Data.Foi;

/// <summary>
/// Answers an FOI request about one platform maker's cameras from the register. The devices are exactly those
/// <see cref="DeviceFilter"/> keeps for the maker (`devices list --maker`): the identified platform, so white labels are
/// in and the badge alone counts for nothing. Each answer is recorded on the audit log with its detail and any exemption.
/// </summary>
public static class FoiRead
{
    /// <summary>The audit entity type and action for an answer (`sightline audit --entity foi:hikvision`).</summary>
    public const string AuditEntity = "foi";

    public const string AuditAction = "answer";

    /// <summary>The answer, or the problem (an unknown maker, an unknown exemption, an exemption without a reason).</summary>
    public static async Task<(FoiAnswer? Answer, string? Problem)> AnswerAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor,
        string maker, FoiDetail detail, string? exempt, string? reason, CancellationToken cancel)
    {
        FoiExemption? exemption = null;
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (exempt is not null)
        {
            if (!FoiExemption.Sections.ContainsKey(exempt.Trim()))
            {
                return (null, $"--exempt: '{exempt}' is not one of {string.Join(", ", FoiExemption.Sections.Keys)}");
            }
            if (reason is null)
            {
                return (null, "--reason: an exemption needs its reason (with the public-interest test) on the record");
            }
            exemption = new FoiExemption(exempt.Trim().ToLowerInvariant(), reason);
        }
        else if (reason is not null)
        {
            return (null, "--reason is given only with --exempt");
        }
        if (knowledge.FindMaker(maker) is not { } found)
        {
            return (null, $"'{maker}' is not a maker Sightline knows; see `sightline kb list makers`");
        }
        var (filtered, error) = await new DeviceFilter { Maker = maker }.ApplyAsync(db, () => knowledge, cancel);
        if (filtered is null)
        {
            return (null, error);
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var total = await filtered.Counted.LongCountAsync(cancel);
        var rows = await filtered.Devices
            .GroupJoin(db.Identities.AsNoTracking(), d => d.Id, i => i.DeviceId, (d, i) => new { d, i })
            .SelectMany(x => x.i.DefaultIfEmpty(), (x, i) => new { x.d.Id, x.d.AssetId, x.d.BrandAsSold, x.d.Model, x.d.SiteId, x.d.SystemId, x.d.Status, x.d.InstalledOn, WhiteLabel = i != null && i.WhiteLabel })
            .GroupJoin(db.RemediationItems.AsNoTracking(), d => d.Id, r => r.DeviceId, (d, r) => new { d, r })
            .SelectMany(x => x.r.DefaultIfEmpty(), (x, r) => new { x.d, Disposition = r == null ? (Disposition?)null : r.Disposition, Target = r == null ? null : r.TargetDate })
            .ToListAsync(cancel);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        string? SiteOf(int? id) => id is { } s ? sites[s] : null;
        var systemIds = rows.Where(r => r.d.SystemId is not null).Select(r => r.d.SystemId!.Value).Distinct().ToList();
        var dpias = (await db.Dpias.AsNoTracking().Where(d => systemIds.Contains(d.SystemId)).ToListAsync(cancel))
            .GroupBy(d => d.SystemId).ToDictionary(g => g.Key, g => g.Where(d => d.SignedOff is not null).MaxBy(d => d.SignedOff) ?? g.First());
        var answer = new FoiAnswer(
            (await OrganisationProfile.GetAsync(db, cancel))?.Name ?? "The organisation", today, found.Name, found.Id, detail, exemption, total,
            [.. rows.GroupBy(r => r.d.Status).OrderBy(g => g.Key).Select(g => (Words.Of(g.Key), g.LongCount()))],
            [.. rows.GroupBy(r => (r.d.BrandAsSold ?? "(no brand recorded)", r.d.WhiteLabel)).OrderByDescending(g => g.LongCount()).ThenBy(g => g.Key.Item1, StringComparer.Ordinal)
                .Select(g => (g.Key.Item1, g.Key.WhiteLabel, g.LongCount()))],
            [.. rows.GroupBy(r => r.d.InstalledOn?.Year).OrderBy(g => g.Key ?? int.MaxValue).Select(g => (g.Key, g.LongCount()))],
            [.. rows.GroupBy(r => (r.Disposition is { } d ? Words.Of(d) : "not planned", r.Target)).OrderBy(g => g.Key.Target ?? DateOnly.MaxValue)
                .ThenBy(g => g.Key.Item1, StringComparer.Ordinal).Select(g => (g.Key.Item1, g.Key.Target, g.LongCount()))],
            detail == FoiDetail.Counts ? [] : [.. rows.GroupBy(r => SiteOf(r.d.SiteId) ?? "(no site recorded)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.LongCount()))],
            detail != FoiDetail.Devices ? [] : [.. rows.OrderBy(r => r.d.Id).Select(r => new FoiDevice(r.d.AssetId ?? r.d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.d.BrandAsSold, r.d.Model, SiteOf(r.d.SiteId), Words.Of(r.d.Status), r.d.InstalledOn, r.Disposition is { } d ? Words.Of(d) : null, r.Target))],
            [.. systemIds.Select(id => (Name: systems[id], Dpia: dpias.GetValueOrDefault(id))).OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new FoiDpia(s.Name, s.Dpia?.SignedOffBy, s.Dpia?.SignedOff is { } on ? DateOnly.FromDateTime(on.UtcDateTime) : null, s.Dpia?.ReviewDue))]);

        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        write.Record(AuditAction, AuditEntity, found.Id, null, AuditJson.Of(("maker", found.Id), ("detail", detail.ToString().ToLowerInvariant()),
            ("devices", total.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("exemption", exemption?.Section), ("reason", exemption?.Reason)));
        await write.CommitAsync(cancel);
        return (answer, null);
    }
}
