using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Identification;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Data.Scanning;

/// <summary>
/// Writes what a scan found into the register in one transaction: each surveillance device (or device of unknown
/// class) seen is matched by MAC, then serial, then address — created if new, given its new address if it moved,
/// filled in if its brand, model, firmware, serial or MAC were empty,
/// made active again if it was missing — its observations replace those of earlier scans, and its identity is
/// recomputed; registered devices at an address in the scope that did not answer become missing (never
/// deleted); the scan itself is one audit entry.
/// </summary>
public static class ScanRecord
{
    /// <summary>What happened to each host, by address: created, updated, unchanged, or skipped (not a surveillance device).</summary>
    public static async Task<(Dictionary<IPAddress, string> Actions, int Missing)> WriteAsync(RegisterDb db, KnowledgeBase knowledge,
        IReadOnlyList<(IPAddress Address, IReadOnlyList<Observation> Observations, Verdict Verdict)> seen, Func<IPAddress, bool> inScope,
        string scopeText, bool complete, DateTimeOffset started, TimeProvider time, string actor, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var actions = new Dictionary<IPAddress, string>();
        var nextId = (await db.Devices.MaxAsync(d => (int?)d.Id, cancel) ?? 0) + 1;
        // One lookup from address text to what was seen there, for matching, storing evidence and finding the missing.
        var byAddress = seen.ToDictionary(s => s.Address.ToString(), s => s.Observations);
        var keys = seen.ToDictionary(s => s.Address, s => (Mac: MacOf(s.Verdict, s.Observations), Serial: Claimed(s.Verdict, ClaimType.Serial)));
        var addresses = byAddress.Keys.ToList();
        var macs = keys.Values.Select(k => k.Mac).OfType<string>().ToList();
        var serials = keys.Values.Select(k => k.Serial).OfType<string>().ToList();
        var candidates = await db.Devices
            .Where(d => (d.MacAddress != null && macs.Contains(d.MacAddress)) || (d.Serial != null && serials.Contains(d.Serial)) || (d.IpAddress != null && addresses.Contains(d.IpAddress)))
            .ToListAsync(cancel);
        var byMac = candidates.Where(d => d.MacAddress is not null).GroupBy(d => d.MacAddress!).ToDictionary(g => g.Key, g => g.First());
        var bySerial = candidates.Where(d => d.Serial is not null).GroupBy(d => d.Serial!).ToDictionary(g => g.Key, g => g.First());
        var byIp = candidates.Where(d => d.IpAddress is not null).GroupBy(d => d.IpAddress!).ToDictionary(g => g.Key, g => g.First());
        var touched = new List<Device>();
        var matched = new HashSet<Device>(ReferenceEqualityComparer.Instance);
        // The first of MAC, serial and address that names a device not already matched in this scan.
        Device? Match(IPAddress address) =>
            ((Device?[])[keys[address].Mac is { } mac ? byMac.GetValueOrDefault(mac) : null, keys[address].Serial is { } serial ? bySerial.GetValueOrDefault(serial) : null,
                byIp.GetValueOrDefault(address.ToString())]).FirstOrDefault(d => d is not null && !matched.Contains(d));
        foreach (var (address, observations, verdict) in seen)
        {
            var surveillance = verdict.Platform is not null || verdict.DeviceClass is null || DeviceClasses.Surveillance.Contains(verdict.DeviceClass);
            var device = Match(address);
            if (device is null)
            {
                if (!surveillance)
                {
                    actions[address] = "skipped (not a surveillance device)";
                    continue;
                }
                device = new Device { Id = nextId++, IpAddress = address.ToString(), Kind = KindOf(verdict.DeviceClass), Status = DeviceStatus.Active };
                Fill(device, verdict, keys[address]);
                db.Devices.Add(device);
                write.Record("create", "device", device.Id.ToString(CultureInfo.InvariantCulture), null,
                    AuditJson.Of(("ip", device.IpAddress), ("kind", Words.Of(device.Kind)), ("brand", device.BrandAsSold), ("model", device.Model), ("firmware", device.Firmware),
                        ("serial", device.Serial), ("mac", device.MacAddress), ("source", "scan")));
                actions[address] = "created";
            }
            else
            {
                var before = AuditJson.Of(("status", Words.Of(device.Status)), ("ip", device.IpAddress), ("brand", device.BrandAsSold), ("model", device.Model), ("firmware", device.Firmware),
                    ("serial", device.Serial), ("mac", device.MacAddress));
                var moved = device.IpAddress != address.ToString();
                device.IpAddress = address.ToString();
                var changed = Fill(device, verdict, keys[address]) | moved | device.Status == DeviceStatus.Missing;
                device.Status = device.Status == DeviceStatus.Missing ? DeviceStatus.Active : device.Status;
                if (changed)
                {
                    write.Record("update", "device", device.Id.ToString(CultureInfo.InvariantCulture), before,
                        AuditJson.Of(("status", Words.Of(device.Status)), ("ip", device.IpAddress), ("brand", device.BrandAsSold), ("model", device.Model), ("firmware", device.Firmware),
                            ("serial", device.Serial), ("mac", device.MacAddress), ("source", "scan")));
                }
                actions[address] = changed ? "updated" : "unchanged";
            }
            touched.Add(device);
            matched.Add(device);
        }
        await db.SaveChangesAsync(cancel);
        var ids = touched.ConvertAll(d => d.Id);
        await db.Observations.Where(o => ids.Contains(o.DeviceId)).ExecuteDeleteAsync(cancel);
        await db.Identities.Where(i => ids.Contains(i.DeviceId)).ExecuteDeleteAsync(cancel);
        var identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
        var now = time.GetUtcNow();
        foreach (var device in touched)
        {
            var observations = byAddress[device.IpAddress!];
            db.Observations.AddRange(observations.Select(o => StoredObservation.From(o, device.Id, now)));
            db.Identities.Add(identifier.Identify(device, observations));
        }
        var missing = 0;
        if (complete)
        {
            // Only a scan that ran to the end may say a device is gone.
            foreach (var device in await db.Devices.Where(d => d.IpAddress != null && d.Status == DeviceStatus.Active).ToListAsync(cancel))
            {
                if (!byAddress.ContainsKey(device.IpAddress!) && IPAddress.TryParse(device.IpAddress, out var ip) && inScope(ip))
                {
                    device.Status = DeviceStatus.Missing;
                    write.Record("missing", "device", device.Id.ToString(CultureInfo.InvariantCulture), AuditJson.Of(("status", "active")),
                        AuditJson.Of(("status", "missing"), ("reason", "did not answer a scan of its address")));
                    missing++;
                }
            }
        }
        write.Record("scan", "scan", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), null, AuditJson.Of(
            ("scope", scopeText), ("complete", complete ? "yes" : "no"), ("started", started.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            ("ended", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("hosts", seen.Count.ToString(CultureInfo.InvariantCulture)),
            ("created", actions.Values.Count(a => a == "created").ToString(CultureInfo.InvariantCulture)),
            ("updated", actions.Values.Count(a => a == "updated").ToString(CultureInfo.InvariantCulture)),
            ("missing", missing.ToString(CultureInfo.InvariantCulture))));
        await write.CommitAsync(cancel);
        return (actions, missing);
    }

    private static DeviceKind KindOf(string? deviceClass) => deviceClass switch
    {
        "nvr" => DeviceKind.Nvr,
        "dvr" => DeviceKind.Dvr,
        "encoder" => DeviceKind.Encoder,
        "camera" or null => DeviceKind.Camera,
        _ => DeviceKind.Other,
    };

    /// <summary>The MAC from the neighbour table or from what the device said, in the register's form.</summary>
    private static string? MacOf(Verdict verdict, IReadOnlyList<Observation> observations) =>
        NetworkAddress.NormaliseMac(observations.FirstOrDefault(o => o.Kind == ObservationKinds.Mac)?.Value ?? Claimed(verdict, ClaimType.Mac) ?? "");

    /// <summary>What the verdict's evidence claims, ignoring placeholder values such as an all-zero serial that many devices share.</summary>
    private static string? Claimed(Verdict verdict, ClaimType type) =>
        verdict.Evidence.FirstOrDefault(c => c.Type == type && c.Value.Distinct().Count() > 1)?.Value;

    /// <summary>Fills what the register does not say yet from the verdict; never overwrites what a person entered.</summary>
    private static bool Fill(Device device, Verdict verdict, (string? Mac, string? Serial) keys)
    {
        var changed = false;
        if (device.MacAddress is null && keys.Mac is { } mac)
        {
            (device.MacAddress, changed) = (mac, true);
        }
        if (device.Serial is null && keys.Serial is { } serial)
        {
            (device.Serial, changed) = (serial, true);
        }
        if (device.BrandAsSold is null && verdict.Brand is { } brand)
        {
            (device.BrandAsSold, changed) = (brand, true);
        }
        if (device.Model is null && verdict.Model is { } model)
        {
            (device.Model, changed) = (model, true);
        }
        if (device.Firmware is null && verdict.Firmware is { } firmware)
        {
            (device.Firmware, changed) = (firmware, true);
        }
        return changed;
    }
}
