using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Csv;
using Sightline.Data.Audit;
using Sightline.Data.Identification;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Data.Register;

/// <summary>
/// A person's change to one device — add it, edit its fields, take it out of service or bring it back — in one
/// <see cref="RegisterWrite"/> with its audit entry. Typed values are validated by the import's own
/// <see cref="DeviceRowParser"/>, so the web, the command line and an asset list accept and refuse alike; audit entries
/// have the import's form ("create", "update" with only the changed values), so a history reads the same whoever wrote it.
/// </summary>
public static class DeviceEdits
{
    /// <summary>The action of an audit entry that takes a device out of service.</summary>
    public const string DecommissionAction = "decommission";

    /// <summary>The action of an audit entry that brings a decommissioned device back into service.</summary>
    public const string ReturnAction = "return to service";

    // The whole set of columns, as the header of a one-row asset list: every field is given, so every field is checked.
    private static readonly DeviceHeader Header = DeviceHeader.Parse(
        new CsvRecord(1, [.. DeviceColumns.Names.Select((name, i) => new CsvField(name, 1, i + 1))], null), new List<CsvProblem>())!;

    /// <summary>
    /// A short fingerprint of a device's values as a person saw them: a change made with an older fingerprint is refused
    /// rather than overwriting what someone else changed in between.
    /// </summary>
    public static string Version(DeviceValues values) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(AuditJson.Snapshot(values))), 0, 16);

    /// <summary>
    /// Checks typed values (one per <see cref="DeviceColumn"/>, null or empty for none) as an import checks a row, and
    /// returns them as canonical text; on failure adds each problem, naming its field, and returns null.
    /// </summary>
    public static DeviceValues? Validate(IReadOnlyList<string?> typed, DateOnly today, List<DeviceEditProblem> problems)
    {
        if (typed.Count != DeviceColumns.Count)
        {
            throw new ArgumentException($"give {DeviceColumns.Count} values, one per column", nameof(typed));
        }
        var record = new CsvRecord(1, [.. typed.Select((text, i) => new CsvField(text ?? "", 1, i + 1))], null);
        var found = new List<CsvProblem>();
        var row = new DeviceRowParser(Header, today).Parse(record, found);
        foreach (var problem in found)
        {
            var column = problem.Cell is { } cell ? DeviceColumns.Find(cell) : null;
            // The parser speaks of rows; here there is one device and its fields.
            var message = column is null && problem.Reason.StartsWith("row has no", StringComparison.Ordinal)
                ? "give an asset ID, serial or MAC address, so that the device can be told apart from others"
                : problem.Reason;
            problems.Add(new DeviceEditProblem(column, message));
        }
        return row?.Values;
    }

    /// <summary>Adds a device from typed values; a new system or site is created by its name, as an import does.</summary>
    public static async Task<DeviceEditOutcome> AddAsync(RegisterDb db, KnowledgeBase? knowledge, TimeProvider time, string actor,
        IReadOnlyList<string?> typed, CancellationToken cancel)
    {
        var problems = new List<DeviceEditProblem>();
        if (Validate(typed, Today(time), problems) is not { } values)
        {
            return new DeviceEditOutcome(null, false, problems);
        }
        values[DeviceColumn.Status] ??= Words.Of(DeviceStatus.Active);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await TakenAsync(db, values, null, cancel) is { Count: > 0 } taken)
        {
            return new DeviceEditOutcome(null, false, taken);
        }
        var device = new Device { Id = (await db.Devices.MaxAsync(d => (int?)d.Id, cancel) ?? 0) + 1 };
        values.ApplyTo(device, await PlaceIdAsync(write, values[DeviceColumn.System], isSite: false, cancel),
            await PlaceIdAsync(write, values[DeviceColumn.Site], isSite: true, cancel));
        db.Devices.Add(device);
        write.Record("create", "device", Key(device.Id), null, AuditJson.Snapshot(values));
        if (knowledge is not null)
        {
            db.Identities.Add((await RegisterIdentifier.CreateAsync(db, knowledge, cancel)).Identify(device));
        }
        await write.CommitAsync(cancel);
        return new DeviceEditOutcome(device.Id, true, []);
    }

    /// <summary>
    /// Replaces a device's fields with typed values, except its status (changed only with a reason) and its extra
    /// attributes (kept). Refused when the device no longer has <paramref name="version"/>. The device is identified again
    /// from its new fields and the evidence scans stored for it, which is kept.
    /// </summary>
    public static async Task<DeviceEditOutcome> EditAsync(RegisterDb db, KnowledgeBase? knowledge, TimeProvider time, string actor,
        int id, string version, IReadOnlyList<string?> typed, CancellationToken cancel)
    {
        var problems = new List<DeviceEditProblem>();
        var values = Validate(typed, Today(time), problems);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Devices.SingleOrDefaultAsync(d => d.Id == id, cancel) is not { } device)
        {
            return DeviceEditOutcome.Refused(null, new DeviceEditProblem(null, $"there is no device with ID {Key(id)}"));
        }
        var current = await ValuesAsync(db, device, cancel);
        if (Version(current) != version)
        {
            return await StaleAsync(db, id, cancel);
        }
        if (values is null)
        {
            return new DeviceEditOutcome(id, false, problems);
        }
        values[DeviceColumn.Status] = current[DeviceColumn.Status];
        foreach (var (name, value) in current.Attributes)
        {
            values.Attributes[name] = value;
        }
        if (AuditJson.Same(current, values))
        {
            return new DeviceEditOutcome(id, false, []);
        }
        if (await TakenAsync(db, values, id, cancel) is { Count: > 0 } taken)
        {
            return new DeviceEditOutcome(id, false, taken);
        }
        values.ApplyTo(device, await PlaceIdAsync(write, values[DeviceColumn.System], isSite: false, cancel),
            await PlaceIdAsync(write, values[DeviceColumn.Site], isSite: true, cancel));
        write.Record("update", "device", Key(id), AuditJson.ChangedIn(current, values), AuditJson.ChangedIn(values, current));
        if (knowledge is not null)
        {
            // As an import does for a device it updates: what scans stored stays, and weighs with the new fields.
            await db.Identities.Where(i => i.DeviceId == id).ExecuteDeleteAsync(cancel);
            if (db.Identities.Local.FirstOrDefault(i => i.DeviceId == id) is { } tracked)
            {
                db.Entry(tracked).State = EntityState.Detached; // an earlier change through this context; its row is deleted above
            }
            var stored = await RegisterIdentifier.StoredAsync(db, id, cancel);
            db.Identities.Add((await RegisterIdentifier.CreateAsync(db, knowledge, cancel)).Identify(device, stored));
        }
        await write.CommitAsync(cancel);
        return new DeviceEditOutcome(id, true, []);
    }

    /// <summary>
    /// Takes a device out of service (<see cref="DeviceStatus.Decommissioned"/>) or brings it back (<see cref="DeviceStatus.Active"/>),
    /// with the reason on the record. <paramref name="key"/> is the device's ID or asset id; <paramref name="version"/>,
    /// when given, must still be the device's.
    /// </summary>
    public static async Task<DeviceEditOutcome> SetStatusAsync(RegisterDb db, TimeProvider time, string actor, string key,
        DeviceStatus status, string? reason, string? version, CancellationToken cancel)
    {
        if (status is not (DeviceStatus.Decommissioned or DeviceStatus.Active))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "a person decommissions a device or returns it to service");
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await IdentityDecision.FindDeviceAsync(db, key, cancel) is not { } device)
        {
            return DeviceEditOutcome.Refused(null, new DeviceEditProblem(null, $"there is no device with ID or asset id '{key}'"));
        }
        if (version is not null && Version(await ValuesAsync(db, device, cancel)) != version)
        {
            return await StaleAsync(db, device.Id, cancel);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return DeviceEditOutcome.Refused(device.Id, new DeviceEditProblem(DeviceColumn.Status, "give the reason; it goes on the record"));
        }
        var decommission = status == DeviceStatus.Decommissioned;
        if (decommission == (device.Status == DeviceStatus.Decommissioned))
        {
            return DeviceEditOutcome.Refused(device.Id, new DeviceEditProblem(DeviceColumn.Status,
                decommission ? $"device {Key(device.Id)} is already decommissioned" : $"device {Key(device.Id)} is not decommissioned"));
        }
        await db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status), cancel);
        write.Record(decommission ? DecommissionAction : ReturnAction, "device", Key(device.Id),
            AuditJson.Of(("status", Words.Of(device.Status))), AuditJson.Of(("status", Words.Of(status)), ("reason", reason.Trim())));
        await write.CommitAsync(cancel);
        return new DeviceEditOutcome(device.Id, true, []);
    }

    /// <summary>A stored device's values, its system and site by name.</summary>
    public static async Task<DeviceValues> ValuesAsync(RegisterDb db, Device device, CancellationToken cancel)
    {
        var system = device.SystemId is { } sy ? await db.Systems.Where(s => s.Id == sy).Select(s => s.Name).SingleAsync(cancel) : null;
        var site = device.SiteId is { } si ? await db.Sites.Where(s => s.Id == si).Select(s => s.Name).SingleAsync(cancel) : null;
        return DeviceValues.From(device, system, site);
    }

    // Asset ids, serials and MACs tell devices apart (an import matches by them), so no two devices may share one.
    private static async Task<List<DeviceEditProblem>> TakenAsync(RegisterDb db, DeviceValues values, int? self, CancellationToken cancel)
    {
        var (asset, serial, mac) = (values[DeviceColumn.AssetId], values[DeviceColumn.Serial], values[DeviceColumn.Mac]);
        var others = await db.Devices.AsNoTracking()
            .Where(d => d.Id != self && (asset != null && d.AssetId == asset || serial != null && d.Serial == serial || mac != null && d.MacAddress == mac))
            .OrderBy(d => d.Id).Take(10).ToListAsync(cancel);
        var problems = new List<DeviceEditProblem>();
        foreach (var (column, value, of) in new (DeviceColumn, string?, Func<Device, string?>)[]
            { (DeviceColumn.AssetId, asset, d => d.AssetId), (DeviceColumn.Serial, serial, d => d.Serial), (DeviceColumn.Mac, mac, d => d.MacAddress) })
        {
            if (value is not null && others.FirstOrDefault(d => of(d) == value) is { } other)
            {
                var name = other.AssetId is { } otherAsset ? $"device {Key(other.Id)} (asset {otherAsset})" : $"device {Key(other.Id)}";
                problems.Add(new DeviceEditProblem(column, $"{DeviceColumns.Labels[(int)column]} {value} belongs to {name}"));
            }
        }
        return problems;
    }

    private static async Task<DeviceEditOutcome> StaleAsync(RegisterDb db, int id, CancellationToken cancel)
    {
        var key = Key(id);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "device" && a.EntityId == key)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Action, a.Actor, a.Time }).FirstOrDefaultAsync(cancel);
        var by = last is null ? "" : $" ({last.Action} by {last.Actor} at {last.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)";
        return new DeviceEditOutcome(id, false,
            [new DeviceEditProblem(null, $"device {key} was changed after you opened it{by}; nothing was saved. Open the device again to see what it holds now")],
            Stale: true);
    }

    // A system or site by name, created (and audited, as an import does) when the register has none of that name.
    private static async Task<int?> PlaceIdAsync(RegisterWrite write, string? name, bool isSite, CancellationToken cancel)
    {
        if (name is null)
        {
            return null;
        }
        var db = write.Db;
        var id = isSite
            ? await db.Sites.Where(s => s.Name == name).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancel)
            : await db.Systems.Where(s => s.Name == name).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancel);
        if (id is not null)
        {
            return id;
        }
        if (isSite)
        {
            var site = new Site { Name = name };
            db.Sites.Add(site);
            await db.SaveChangesAsync(cancel);
            id = site.Id;
        }
        else
        {
            var system = new SurveillanceSystem { Name = name };
            db.Systems.Add(system);
            await db.SaveChangesAsync(cancel);
            id = system.Id;
        }
        write.Record("create", isSite ? "site" : "system", Key(id.Value), null, AuditJson.Of(("name", name)));
        return id;
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
