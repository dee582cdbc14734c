using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Compliance;
using Sightline.Data.Register;
using Sightline.Register;

namespace Sightline.Data.Compliance;

/// <summary>
/// Raises DPIA review triggers (governance.md §2.4, §9.2 rule 7) from the audit log: devices added, moved or removed in a
/// system; a face-recognition, ANPR or analytics capability appearing; a new system; a year passed since sign-off. It
/// reads the entries after a stored watermark, in batches, so every writer is covered (import, scan, web edit) and each
/// entry is read once. An open trigger of the same kind counts up rather than adding a row per device, so a million-device
/// import makes a handful of triggers. Triggers carry the time of the entry that raised them: reading late changes nothing.
/// </summary>
public static class DpiaReviews
{
    /// <summary>Trigger kinds.</summary>
    public const string DevicesAdded = "devices-added", DevicesMoved = "devices-moved", DevicesRemoved = "devices-removed",
        Capability = "capability", NewSystem = "new-system", YearPassed = "year-passed";

    /// <summary>The capabilities whose appearance calls for a review.</summary>
    public const Capabilities Watched = Capabilities.FaceRecognition | Capabilities.Anpr | Capabilities.Analytics;

    private const int Batch = 20_000;

    /// <summary>Reads the audit log up to now and raises what it calls for; returns how many triggers were raised or counted up.</summary>
    public static async Task<int> RaiseAsync(RegisterDb db, TimeProvider time, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // Most reads find nothing new: they take no write lock.
        var (head, _) = await Audit.AuditCheckpoints.HeadAsync(db, cancel);
        var read = await db.TriggerWatermarks.AsNoTracking().Select(w => (long?)w.Sequence).FirstOrDefaultAsync(cancel) ?? 0;
        if (read >= head && (await YearsDueAsync(db, today, cancel)).Count == 0)
        {
            return 0;
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, "sightline", cancel);
        var raised = await RaiseWithinAsync(write, today, cancel);
        await write.CommitAsync(cancel);
        return raised;
    }

    /// <summary>The open triggers, oldest first, of one system or all.</summary>
    public static Task<List<DpiaTrigger>> OpenAsync(RegisterDb db, int? systemId, CancellationToken cancel) =>
        db.DpiaTriggers.AsNoTracking().Where(t => t.Cleared == null && (systemId == null || t.SystemId == systemId))
            .OrderBy(t => t.SystemId).ThenBy(t => t.Raised).ThenBy(t => t.Id).ToListAsync(cancel);

    /// <summary>As <see cref="RaiseAsync"/>, inside a write that holds the register's lock.</summary>
    public static async Task<int> RaiseWithinAsync(RegisterWrite write, DateOnly today, CancellationToken cancel)
    {
        var db = write.Db;
        var watermark = await db.TriggerWatermarks.SingleOrDefaultAsync(w => w.Id == 1, cancel);
        if (watermark is null)
        {
            watermark = new TriggerWatermark();
            db.TriggerWatermarks.Add(watermark);
        }
        var open = (await db.DpiaTriggers.Where(t => t.Cleared == null).ToListAsync(cancel))
            .ToDictionary(t => (t.SystemId, t.Kind, t.Capability));
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, cancel);
        var systemIds = systems.Values.ToHashSet();
        var touched = 0;
        var changed = new HashSet<DpiaTrigger>(ReferenceEqualityComparer.Instance);
        void Raise(int? systemId, string kind, string? capability, int count, long sequence, DateTimeOffset time)
        {
            if (systemId is not { } id || !systemIds.Contains(id))
            {
                return;
            }
            if (!open.TryGetValue((id, kind, capability), out var trigger))
            {
                trigger = new DpiaTrigger { SystemId = id, Kind = kind, Capability = capability, Detail = "", Raised = time };
                open[(id, kind, capability)] = trigger;
                db.DpiaTriggers.Add(trigger);
            }
            trigger.Count += count;
            trigger.LastEntry = Math.Max(trigger.LastEntry, sequence);
            changed.Add(trigger);
            touched++;
        }
        while (true)
        {
            var from = watermark.Sequence;
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence > from && a.Sequence <= from + Batch
                    && (a.EntityType == "device" || (a.EntityType == ComplianceAudit.System && a.Action == ComplianceAudit.Create)))
                .OrderBy(a => a.Sequence)
                .Select(a => new Entry(a.Sequence, a.Time, a.Action, a.EntityType, a.EntityId, a.Before, a.After))
                .ToListAsync(cancel);
            var last = await db.AuditEntries.Where(a => a.Sequence > from && a.Sequence <= from + Batch).MaxAsync(a => (long?)a.Sequence, cancel);
            if (last is null)
            {
                break;
            }
            var events = entries.Select(e => Read(e, systems)).Where(e => e.Kinds.Count > 0).ToList();
            var unplaced = events.Where(e => e.NeedsCurrentSystem).Select(e => e.DeviceId).Distinct().ToList();
            var current = unplaced.Count == 0 ? []
                : await db.Devices.AsNoTracking().Where(d => unplaced.Contains(d.Id)).Select(d => new { d.Id, d.SystemId }).ToDictionaryAsync(d => d.Id, d => d.SystemId, cancel);
            foreach (var e in events)
            {
                foreach (var (kind, capability, to) in e.Kinds)
                {
                    Raise(to ?? (e.NeedsCurrentSystem ? current.GetValueOrDefault(e.DeviceId) : null), kind, capability, 1, e.Entry.Sequence, e.Entry.Time);
                }
            }
            watermark.Sequence = last.Value;
        }
        foreach (var (systemId, due) in await YearsDueAsync(db, today, cancel))
        {
            if (!open.ContainsKey((systemId, YearPassed, null)))
            {
                Raise(systemId, YearPassed, null, 1, 0, new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }
        }
        // Described once each, not once per entry: an import of a million devices counts one trigger up a million times.
        foreach (var trigger in changed)
        {
            trigger.Detail = Describe(trigger);
        }
        await db.SaveChangesAsync(cancel);
        return touched;
    }

    /// <summary>The trigger in words: "3 devices added", "ANPR on 2 devices", "new system", "review due 2027-11-29".</summary>
    public static string Describe(DpiaTrigger trigger) => trigger.Kind switch
    {
        DevicesAdded => $"{Words.Count(trigger.Count, "devices")} added",
        DevicesMoved => $"{Words.Count(trigger.Count, "devices")} moved",
        DevicesRemoved => $"{Words.Count(trigger.Count, "devices")} removed",
        Capability => $"{trigger.Capability} on {Words.Count(trigger.Count, "devices")}",
        NewSystem => "new system: it needs a DPIA",
        YearPassed => $"a year has passed: review due {trigger.Raised.UtcDateTime:yyyy-MM-dd}",
        _ => trigger.Kind,
    };

    // The systems whose current DPIA's review date has come and that have no open year-passed trigger yet.
    private static async Task<List<(int SystemId, DateOnly Due)>> YearsDueAsync(RegisterDb db, DateOnly today, CancellationToken cancel)
    {
        var signed = await db.Dpias.AsNoTracking().Where(d => d.SignedOff != null)
            .Select(d => new { d.SystemId, d.SignedOff, d.Id, d.ReviewDue }).ToListAsync(cancel);
        var waiting = (await db.DpiaTriggers.AsNoTracking().Where(t => t.Cleared == null && t.Kind == YearPassed).Select(t => t.SystemId).ToListAsync(cancel)).ToHashSet();
        return [.. signed.GroupBy(d => d.SystemId)
            .Select(g => g.OrderByDescending(d => d.SignedOff).ThenByDescending(d => d.Id).First())
            .Where(d => d.ReviewDue is { } due && due <= today && !waiting.Contains(d.SystemId))
            .Select(d => (d.SystemId, d.ReviewDue!.Value))];
    }

    private sealed record Entry(long Sequence, DateTimeOffset Time, string Action, string EntityType, string EntityId, string? Before, string? After);

    // What one entry calls for: kinds with the system they concern (null: the device's current system, looked up in bulk).
    private sealed record Event(Entry Entry, int DeviceId, bool NeedsCurrentSystem, List<(string Kind, string? Capability, int? SystemId)> Kinds);

    private static Event Read(Entry entry, Dictionary<string, int> systems)
    {
        var kinds = new List<(string, string?, int?)>();
        if (entry.EntityType == ComplianceAudit.System)
        {
            kinds.Add((NewSystem, null, int.TryParse(entry.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null));
            return new Event(entry, 0, false, kinds);
        }
        var device = int.TryParse(entry.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
        var before = Values(entry.Before);
        var after = Values(entry.After);
        int? SystemOf(Dictionary<string, string?> values) =>
            values.TryGetValue("system", out var name) && name is not null && systems.TryGetValue(name, out var s) ? s : null;
        var needsCurrent = false;
        int? Here(Dictionary<string, string?> values)
        {
            if (values.ContainsKey("system"))
            {
                return SystemOf(values);
            }
            needsCurrent = true;
            return null;
        }
        switch (entry.Action)
        {
            case "create" when Status(after) != DeviceStatus.Decommissioned:
                // A device made in a system names it; one whose system was renamed since is found by its current system.
                var made = after.ContainsKey("system") ? SystemOf(after) ?? Here([]) : null;
                if (after.ContainsKey("system"))
                {
                    kinds.Add((DevicesAdded, null, made));
                    AddCapabilities(kinds, Capabilities.None, Flags(after), made);
                }
                break;
            case DeviceEdits.DecommissionAction:
                kinds.Add((DevicesRemoved, null, Here([])));
                break;
            case DeviceEdits.ReturnAction:
                kinds.Add((DevicesAdded, null, Here([])));
                break;
            case "update":
                var system = Here(after);
                if (after.ContainsKey("system"))
                {
                    if (SystemOf(before) is { } left)
                    {
                        kinds.Add((DevicesRemoved, null, left));
                    }
                    if (system is not null)
                    {
                        kinds.Add((DevicesAdded, null, system));
                    }
                }
                else if (after.ContainsKey("site") || after.ContainsKey("latitude") || after.ContainsKey("longitude") || after.ContainsKey("direction"))
                {
                    kinds.Add((DevicesMoved, null, system));
                }
                if (after.ContainsKey("status"))
                {
                    var (was, now) = (Status(before), Status(after));
                    if (now == DeviceStatus.Decommissioned && was != DeviceStatus.Decommissioned)
                    {
                        kinds.Add((DevicesRemoved, null, system));
                    }
                    else if (was == DeviceStatus.Decommissioned && now != DeviceStatus.Decommissioned)
                    {
                        kinds.Add((DevicesAdded, null, system));
                    }
                }
                if (after.ContainsKey("capabilities"))
                {
                    AddCapabilities(kinds, Flags(before), Flags(after), system);
                }
                break;
        }
        return new Event(entry, device, needsCurrent, kinds);
    }

    private static void AddCapabilities(List<(string, string?, int?)> kinds, Capabilities had, Capabilities has, int? system)
    {
        foreach (var flag in new[] { Capabilities.FaceRecognition, Capabilities.Anpr, Capabilities.Analytics })
        {
            if (has.HasFlag(flag) && !had.HasFlag(flag))
            {
                kinds.Add((Capability, Words.Of(flag), system));
            }
        }
    }

    private static DeviceStatus? Status(Dictionary<string, string?> values) =>
        values.TryGetValue("status", out var text) && text is not null ? Words.Parse<DeviceStatus>(text) : null;

    private static Capabilities Flags(Dictionary<string, string?> values) =>
        values.TryGetValue("capabilities", out var text) && text is not null && Words.TryParseFlags(text, out var flags, out _) ? flags : Capabilities.None;

    // The only values an entry is read for.
    private static readonly HashSet<string> ReadKeys = new(StringComparer.Ordinal) { "system", "status", "capabilities", "site", "latitude", "longitude", "direction" };

    // The top-level string and null values of an entry's JSON that triggers are read from; others and nested values
    // (attributes) are skipped without being copied.
    private static Dictionary<string, string?> Values(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json) || json[0] != '{')
        {
            return values;
        }
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (!ReadKeys.Contains(name))
                {
                    reader.Skip();
                    continue;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        values[name] = reader.GetString();
                        break;
                    case JsonTokenType.Null:
                        values[name] = null;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not our form: nothing to read from it.
        }
        return values;
    }
}
