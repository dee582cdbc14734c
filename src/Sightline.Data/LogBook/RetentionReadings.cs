using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Compliance;
using Sightline.LogBook;
using Sightline.Register;

namespace Sightline.Data.LogBook;

/// <summary>
/// Recorders' own configured retention (`sightline logbook retention read|show`): which devices are read, each reading
/// kept and audited, and the latest reading of each recorder beside its system's policy.
/// </summary>
public static class RetentionReadings
{
    /// <summary>A recorder to read: its ID, how it is named, its address, and its platform maker's ID when identified.</summary>
    public sealed record Recorder(int Id, string Label, string Address, string? Platform);

    /// <summary>A recorder's latest reading beside its system's longest retention period (null when none is recorded).</summary>
    public sealed record Latest(RecorderRetention Reading, string Recorder, string? System, int? PolicyDays)
    {
        /// <summary>Whether the recorder keeps recordings longer than its system's policy.</summary>
        public bool Exceeds => PolicyDays is { } days && KeepsLonger(Reading, days);
    }

    /// <summary>Whether a reading keeps recordings longer than <paramref name="policyDays"/>, or some with no limit.</summary>
    public static bool KeepsLonger(RecorderRetention reading, int policyDays) => reading.Unlimited || reading.LongestDays > policyDays;

    /// <summary>How a recorder is named: its asset ID, else its address.</summary>
    internal static string Label(int id, string? asset, string? address) => asset ?? address ?? $"device {id}";

    /// <summary>Each recorder's latest reading.</summary>
    internal static IQueryable<RecorderRetention> LatestReadings(RegisterDb db) =>
        db.RecorderRetentions.AsNoTracking().Where(r => !db.RecorderRetentions.Any(later => later.DeviceId == r.DeviceId && later.Id > r.Id));

    /// <summary>
    /// The recorders (NVRs, DVRs) in service with an address, optionally those of one system (by name) or one device
    /// (by asset ID); null with the problem when the system or device is not in the register.
    /// </summary>
    public static async Task<(List<Recorder>? Recorders, string? Problem)> RecordersAsync(RegisterDb db, string? system, string? asset, CancellationToken cancel)
    {
        var devices = db.Devices.AsNoTracking().Where(d => d.IpAddress != null && d.Status != DeviceStatus.Decommissioned);
        if (system is not null)
        {
            var found = await db.Systems.AsNoTracking().Where(s => s.Name == system.Trim()).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancel);
            if (found is null)
            {
                return (null, $"no system named '{system}' in the register (`sightline systems list` names them)");
            }
            devices = devices.Where(d => d.SystemId == found);
        }
        if (asset is not null)
        {
            devices = devices.Where(d => d.AssetId == asset.Trim());
            if (!await devices.AnyAsync(cancel))
            {
                return (null, $"no device in service with an address has asset ID '{asset}'");
            }
        }
        else
        {
            devices = devices.Where(d => d.Kind == DeviceKind.Nvr || d.Kind == DeviceKind.Dvr);
        }
        var recorders = await devices.OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.AssetId, d.IpAddress, Platform = db.Identities.Where(i => i.DeviceId == d.Id).Select(i => i.Platform).FirstOrDefault() })
            .ToListAsync(cancel);
        return (recorders.ConvertAll(d => new Recorder(d.Id, Label(d.Id, d.AssetId, d.IpAddress), d.IpAddress!, d.Platform)), null);
    }

    /// <summary>Keeps a reading of a recorder, with its audit entry.</summary>
    public static async Task<RecorderRetention> RecordAsync(RegisterDb db, TimeProvider time, string actor, int deviceId, string method,
        int longestDays, bool unlimited, string detail, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var reading = new RecorderRetention
        {
            DeviceId = deviceId, ReadAt = time.GetUtcNow(), ReadBy = actor, Method = method, LongestDays = longestDays, Unlimited = unlimited,
            Detail = detail.Length > 2_000 ? detail[..2_000] : detail,
        };
        db.RecorderRetentions.Add(reading);
        await db.SaveChangesAsync(cancel);
        write.Record("retention-read", "device", SystemRecords.Key(deviceId), null,
            AuditJson.Of(("method", method), ("kept", LogBookFindings.Kept(reading)), ("detail", reading.Detail)));
        await write.CommitAsync(cancel);
        return reading;
    }

    /// <summary>The latest reading of every recorder read, those over their policy first.</summary>
    public static async Task<List<Latest>> LatestAsync(RegisterDb db, CancellationToken cancel)
    {
        var rows = await LatestReadings(db)
            .Join(db.Devices, r => r.DeviceId, d => d.Id, (r, d) => new { Reading = r, d.AssetId, d.IpAddress, d.SystemId })
            .ToListAsync(cancel);
        var systemIds = rows.Select(r => r.SystemId).OfType<int>().Distinct().ToList();
        var systems = await db.Systems.AsNoTracking().Where(s => systemIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancel);
        var purposes = await db.SystemPurposes.AsNoTracking().Where(p => systemIds.Contains(p.SystemId)).ToListAsync(cancel);
        return [.. rows.Select(r =>
            {
                var system = r.SystemId is { } id ? systems[id] : null;
                var policy = system is null ? null : RegisterFindings.LongestRetention(system, purposes.Where(p => p.SystemId == system.Id).ToList());
                return new Latest(r.Reading, Label(r.Reading.DeviceId, r.AssetId, r.IpAddress), system?.Name, policy);
            })
            .OrderByDescending(l => l.Exceeds).ThenBy(l => l.System, StringComparer.Ordinal).ThenBy(l => l.Recorder, StringComparer.Ordinal)];
    }
}
