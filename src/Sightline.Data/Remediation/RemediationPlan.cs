using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Compliance;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Remediation;
using Sightline.Risk;

namespace Sightline.Data.Remediation;

/// <summary>
/// The remediation plan for flagged devices (governance.md §9.3): adding lines for a device or a group, changing them,
/// recording exceptions to the UK sensitive-site rule, and reading the plan with blockers and overdue lines. Every change
/// is one <see cref="RegisterWrite"/> with its audit entries; a refusal says which field and why.
/// </summary>
public static class RemediationPlan
{
    /// <summary>The most a line may be estimated to cost, in pounds: a typing error, not a camera, beyond it.</summary>
    public const decimal MaxCost = 100_000_000m;

    /// <summary>The platform makers the UK rule of 24 Nov 2022 covers (those subject to the PRC National Intelligence Law), as the P9 finding reads them.</summary>
    public static HashSet<string> CoveredMakers(KnowledgeBase knowledge)
    {
        var rule = knowledge.Designations.Where(d => d.Id == RegisterFindings.SensitiveSiteRule && d.Removed is null).ToList();
        return knowledge.Makers.Values.Where(m => rule.Any(d => d.Covers(m))).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds a line for each device the group names (a device; or a site's, system's or model's devices flagged in any
    /// dimension and not decommissioned), leaving devices already in the plan as they are. How many were added and left, or the problem.
    /// </summary>
    public static async Task<(int Added, int AlreadyPlanned, string? Problem)> AddAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time,
        string actor, PlanGroup group, RemediationValues values, CancellationToken cancel)
    {
        var today = Today(time);
        var template = new RemediationItem { Planned = today };
        if (Apply(template, values with { Status = values.Status ?? "planned" }, today) is { } problem)
        {
            return (0, 0, problem);
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var (ids, notFound) = await ExpandAsync(db, group, cancel);
        if (ids is null)
        {
            return (0, 0, notFound);
        }
        var planned = await db.RemediationItems.Where(i => ids.Contains(i.DeviceId)).Select(i => i.DeviceId).ToListAsync(cancel);
        if (group.Kind == PlanGroup.Device && planned.Count > 0)
        {
            return (0, 0, $"device {group.Name} is already in the plan; change its line with `sightline remediation set {group.Name}`");
        }
        var adding = ids.Except(planned).ToList();
        var blocked = await BlockedAsync(db, CoveredMakers(knowledge), adding, cancel);
        if (Check(template, adding.Any(blocked.Contains)) is { } refused)
        {
            return (0, 0, refused);
        }
        var items = adding.ConvertAll(id => Copy(template, id, group.Kind == PlanGroup.Device ? null : group.ToString()));
        db.RemediationItems.AddRange(items);
        await db.SaveChangesAsync(cancel);
        foreach (var item in items)
        {
            write.Record(RemediationAudit.Plan, RemediationAudit.Entity, Key(item.DeviceId), null, AuditJson.Of([.. Snapshot(item).Where(p => p.Value is not null)]));
        }
        await write.CommitAsync(cancel);
        return (items.Count, planned.Count, null);
    }

    /// <summary>Changes a device's line (null values are left alone; a blank clears an optional one). Whether it changed, or the problem.</summary>
    public static async Task<(bool Changed, string? Problem)> SetAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor,
        string device, RemediationValues values, CancellationToken cancel)
    {
        var today = Today(time);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await FindDeviceAsync(db, device, cancel) is not { } id)
        {
            return (false, $"there is no device with ID or asset id '{device}'");
        }
        if (await db.RemediationItems.SingleOrDefaultAsync(i => i.DeviceId == id, cancel) is not { } item)
        {
            return (false, $"device {device} is not in the plan; add it with `sightline remediation add --device {device}`");
        }
        var before = Snapshot(item);
        if (Apply(item, values, today) is { } problem)
        {
            return (false, problem);
        }
        var blocked = (await BlockedAsync(db, CoveredMakers(knowledge), [id], cancel)).Count > 0;
        if (Check(item, blocked) is { } refused)
        {
            return (false, refused);
        }
        var after = Snapshot(item);
        var changed = before.Zip(after).Where(p => p.First.Value != p.Second.Value).ToList();
        if (changed.Count == 0)
        {
            return (false, null);
        }
        await db.SaveChangesAsync(cancel);
        var exception = changed.Any(p => p.First.Name.StartsWith("exception", StringComparison.Ordinal));
        write.Record(exception ? RemediationAudit.Exception : RemediationAudit.Update, RemediationAudit.Entity, Key(id),
            AuditJson.Of([.. changed.Select(p => p.First)]), AuditJson.Of([.. changed.Select(p => p.Second)]));
        await write.CommitAsync(cancel);
        return (true, null);
    }

    /// <summary>The plan, by target date (accepted lines last) then device; each line with its blocker and whether it is overdue on <paramref name="today"/>.</summary>
    public static async Task<List<PlannedDevice>> ListAsync(RegisterDb db, KnowledgeBase knowledge, DateOnly today, CancellationToken cancel)
    {
        var items = await db.RemediationItems.AsNoTracking().ToListAsync(cancel);
        var ids = items.ConvertAll(i => i.DeviceId);
        var devices = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.AssetId, d.Model, d.SystemId, d.SiteId }).ToDictionaryAsync(d => d.Id, cancel);
        var identities = await db.Identities.AsNoTracking().Where(i => ids.Contains(i.DeviceId)).ToDictionaryAsync(i => i.DeviceId, cancel);
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, cancel);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var covered = CoveredMakers(knowledge);
        return items.Select(item =>
        {
            var device = devices[item.DeviceId];
            var identity = identities.GetValueOrDefault(item.DeviceId);
            var system = device.SystemId is { } s ? systems[s] : null;
            var applies = system?.SensitiveSite == true && identity?.Platform is { } p && covered.Contains(p);
            var maker = identity?.Platform is { } platform ? knowledge.Makers.GetValueOrDefault(platform)?.Name ?? platform : null;
            return new PlannedDevice(item, device.AssetId ?? Key(device.Id), device.Model, system?.Name, device.SiteId is { } si ? sites[si] : null, maker,
                identity?.Flags ?? RiskDimension.None, applies ? StateOf(item) : null, IsOverdue(item, today));
        }).OrderBy(p => p.Item.TargetDate ?? DateOnly.MaxValue).ThenBy(p => p.Item.DeviceId).ToList();
    }

    /// <summary>A line is overdue when it is not done and its target day has passed.</summary>
    public static bool IsOverdue(RemediationItem item, DateOnly today) => item.Status != RemediationStatus.Done && item.TargetDate < today;

    /// <summary>
    /// Progress against the plan, month by month from the month the first line was planned to the later of this month and the
    /// last target: lines due by each month's end (accepted lines have no target and are not due) and lines done by then.
    /// </summary>
    public static List<ProgressPoint> Progress(IReadOnlyList<PlannedDevice> plan, DateOnly today)
    {
        if (plan.Count == 0)
        {
            return [];
        }
        var first = plan.Min(p => p.Item.Planned);
        var last = plan.Select(p => p.Item.TargetDate ?? today).Append(today).Max();
        var points = new List<ProgressPoint>();
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            points.Add(new ProgressPoint(end, plan.Count(p => p.Item.TargetDate <= end), plan.Count(p => p.Item.Done <= end)));
        }
        return points;
    }

    /// <summary>The device's ID as audit entries and lists write it.</summary>
    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A day as YYYY-MM-DD.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Pounds with two decimals and no thousands separator, as JSON and CSV carry them.</summary>
    public static string Pounds(decimal cost) => cost.ToString("0.00", CultureInfo.InvariantCulture);

    private static BlockerState StateOf(RemediationItem item) =>
        item is { Disposition: Disposition.RemoveNow, Status: RemediationStatus.Done } ? BlockerState.Resolved
        : item.ExceptionBy is not null ? BlockerState.Excepted
        : BlockerState.Open;

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static RemediationItem Copy(RemediationItem t, int deviceId, string? group) => new()
    {
        DeviceId = deviceId, Disposition = t.Disposition, Justification = t.Justification, Owner = t.Owner, TargetDate = t.TargetDate, Cost = t.Cost,
        Status = t.Status, Group = group, Planned = t.Planned, Done = t.Done, ExceptionBy = t.ExceptionBy, ExceptionReason = t.ExceptionReason,
        ExceptionDate = t.ExceptionDate,
    };

    // Every field as audit text, in one order, so a change is a comparison of two lists.
    private static List<(string Name, string? Value)> Snapshot(RemediationItem i) =>
    [
        ("disposition", Words.Of(i.Disposition)), ("justification", i.Justification), ("owner", i.Owner),
        ("target", i.TargetDate is { } t ? Day(t) : null), ("cost", i.Cost is { } c ? Pounds(c) : null), ("status", Words.Of(i.Status)),
        ("group", i.Group), ("done", i.Done is { } d ? Day(d) : null), ("exception-by", i.ExceptionBy), ("exception-reason", i.ExceptionReason),
        ("exception-date", i.ExceptionDate is { } e ? Day(e) : null),
    ];

    // Sets the given values on the line; the first problem, naming the field.
    private static string? Apply(RemediationItem item, RemediationValues v, DateOnly today)
    {
        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        foreach (var (name, value) in new[] { ("justification", v.Justification), ("owner", v.Owner), ("exception-by", v.ExceptionBy), ("exception-reason", v.ExceptionReason) })
        {
            if (value is { Length: > RecordFields.MaxLength })
            {
                return $"{name}: at most {RecordFields.MaxLength} characters";
            }
        }
        if (v.Disposition is not null)
        {
            if (Words.Parse<Disposition>(v.Disposition) is not { } disposition)
            {
                return $"disposition: '{v.Disposition}' is not one of {Words.List<Disposition>()}";
            }
            item.Disposition = disposition;
        }
        if (v.Justification is not null)
        {
            item.Justification = Text(v.Justification);
        }
        if (v.Owner is not null)
        {
            item.Owner = Text(v.Owner) ?? "";
        }
        if (v.Target is not null)
        {
            if (Text(v.Target) is null)
            {
                item.TargetDate = null;
            }
            else if (RecordFields.ParseDay(v.Target) is { } target)
            {
                item.TargetDate = target;
            }
            else
            {
                return $"target: '{v.Target}' is not a date written YYYY-MM-DD";
            }
        }
        if (v.Cost is not null)
        {
            if (Text(v.Cost) is not { } costText)
            {
                item.Cost = null;
            }
            else if (decimal.TryParse(costText.TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var cost) && cost < MaxCost)
            {
                item.Cost = decimal.Round(cost, 2);
            }
            else
            {
                return $"cost: '{v.Cost}' is not an amount in pounds (e.g. 1200 or 1,200.50, below {MaxCost:N0})";
            }
        }
        if (v.Status is not null)
        {
            if (Words.Parse<RemediationStatus>(v.Status) is not { } status)
            {
                return $"status: '{v.Status}' is not one of {Words.List<RemediationStatus>()}";
            }
            if (status == RemediationStatus.Done && item.Status != RemediationStatus.Done)
            {
                item.Done = today;
            }
            else if (status != RemediationStatus.Done)
            {
                item.Done = null;
            }
            item.Status = status;
        }
        if (v.ExceptionBy is not null || v.ExceptionReason is not null || v.ExceptionDate is not null)
        {
            item.ExceptionBy = v.ExceptionBy is null ? item.ExceptionBy : Text(v.ExceptionBy);
            item.ExceptionReason = v.ExceptionReason is null ? item.ExceptionReason : Text(v.ExceptionReason);
            if (Text(v.ExceptionDate) is { } dateText)
            {
                if (RecordFields.ParseDay(dateText) is not { } date)
                {
                    return $"exception-date: '{v.ExceptionDate}' is not a date written YYYY-MM-DD";
                }
                if (date > today)
                {
                    return $"exception-date: {Day(date)} is after today ({Day(today)})";
                }
                item.ExceptionDate = date;
            }
            if (item.ExceptionBy is null || item.ExceptionReason is null)
            {
                return "exception: an exception needs who granted it (exception-by) and why (exception-reason)";
            }
            item.ExceptionDate ??= today;
        }
        return null;
    }

    // The rules a whole line must keep; blocked when the UK sensitive-site rule applies to its device.
    private static string? Check(RemediationItem item, bool blocked)
    {
        if (item.Owner.Length == 0)
        {
            return "owner: say who is responsible for this line";
        }
        if (item.Disposition == Disposition.Accept && item.Justification is null)
        {
            return "justification: accepting a flagged device needs a justification";
        }
        if (item.Disposition != Disposition.Accept && item.TargetDate is null)
        {
            return $"target: {Words.Of(item.Disposition)} needs a target date (YYYY-MM-DD)";
        }
        if (item.Disposition == Disposition.Accept && blocked && item.ExceptionBy is null)
        {
            return "disposition: accept cannot clear the UK sensitive-site rule (24 Nov 2022: a device at a sensitive site made by a company " +
                "subject to the PRC National Intelligence Law) without a recorded exception: give exception-by, exception-reason and exception-date";
        }
        return null;
    }

    private static async Task<int?> FindDeviceAsync(RegisterDb db, string text, CancellationToken cancel)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await db.Devices.AnyAsync(d => d.Id == id, cancel))
        {
            return id;
        }
        return await db.Devices.Where(d => d.AssetId == text).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancel);
    }

    // The devices a group names: the device itself, or the group's devices flagged in any dimension that are not decommissioned.
    private static async Task<(List<int>? Ids, string? Problem)> ExpandAsync(RegisterDb db, PlanGroup group, CancellationToken cancel)
    {
        if (group.Kind == PlanGroup.Device)
        {
            return await FindDeviceAsync(db, group.Name, cancel) is { } id ? ([id], null) : (null, $"there is no device with ID or asset id '{group.Name}'");
        }
        var devices = db.Devices.AsNoTracking().Where(d => d.Status != DeviceStatus.Decommissioned);
        switch (group.Kind)
        {
            case PlanGroup.Site:
                var site = await db.Sites.Where(s => s.Name == group.Name).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancel);
                if (site is null)
                {
                    return (null, $"there is no site named '{group.Name}'");
                }
                devices = devices.Where(d => d.SiteId == site);
                break;
            case PlanGroup.System:
                var system = await db.Systems.Where(s => s.Name == group.Name).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancel);
                if (system is null)
                {
                    return (null, $"there is no system named '{group.Name}'");
                }
                devices = devices.Where(d => d.SystemId == system);
                break;
            case PlanGroup.Model:
                devices = devices.Where(d => d.Model == group.Name);
                break;
            default:
                return (null, $"'{group.Kind}' is not a group; use one of {string.Join(", ", PlanGroup.Kinds)}");
        }
        var identities = db.Identities.AsNoTracking();
        var ids = await devices.Where(d => identities.Any(i => i.DeviceId == d.Id && i.Flags != RiskDimension.None)).OrderBy(d => d.Id).Select(d => d.Id)
            .ToListAsync(cancel);
        return ids.Count > 0 ? (ids, null) : (null, $"{group.Kind} '{group.Name}' has no flagged device in service");
    }

    // Which of these devices the UK sensitive-site rule covers: on a system flagged sensitive, with a covered platform maker.
    private static async Task<HashSet<int>> BlockedAsync(RegisterDb db, HashSet<string> covered, List<int> ids, CancellationToken cancel)
    {
        if (covered.Count == 0 || ids.Count == 0)
        {
            return [];
        }
        var sensitive = await db.Systems.AsNoTracking().Where(s => s.SensitiveSite).Select(s => (int?)s.Id).ToListAsync(cancel);
        var makers = covered.ToList();
        return (await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id) && sensitive.Contains(d.SystemId))
            .Join(db.Identities.AsNoTracking().Where(i => makers.Contains(i.Platform!)), d => d.Id, i => i.DeviceId, (d, _) => d.Id)
            .ToListAsync(cancel)).ToHashSet();
    }
}
