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
/// Writes what a scan found into the register in one transaction: each host identified as a surveillance device
/// (a surveillance class, or a surveillance maker's platform with no class) — or every host with registerAll — and
/// each host that is already a device, is matched by MAC, then serial, then address — created if new, given its new
/// address if it moved, filled in if its brand, model, firmware, serial or MAC were empty, made active again if it was
/// missing — its observations (with the scanner's notes) replace what earlier scans stored for the same request, and
/// its identity is recomputed; registered devices at an address in the scope that did not answer become missing (never
/// deleted); every host is kept as a finding of the scan, so the rest can be promoted by a person; the scan itself is
/// one audit entry, whose sequence names the scan.
/// </summary>
public static class ScanRecord
{
    /// <summary>
    /// Records a scan; the findings come back in the order of <paramref name="seen"/>. The devices it creates are put in
    /// <paramref name="system"/> when one is given (a scan of that system's network), which raises its DPIA's review.
    /// </summary>
    public static async Task<ScanOutcome> WriteAsync(RegisterDb db, KnowledgeBase knowledge, IReadOnlyList<ScannedHost> seen, Func<IPAddress, bool> inScope,
        string scopeText, bool complete, DateTimeOffset started, TimeProvider time, string actor, CancellationToken cancel, bool registerAll = false,
        SurveillanceSystem? system = null)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var findings = new List<ScanFinding>(seen.Count);
        var nextId = (await db.Devices.MaxAsync(d => (int?)d.Id, cancel) ?? 0) + 1;
        // One lookup from address text to what was seen there, for matching, storing evidence and finding the missing.
        var byAddress = seen.ToDictionary(s => s.Address.ToString());
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
        foreach (var host in seen)
        {
            var (address, verdict) = (host.Address, host.Verdict);
            var device = Match(address);
            string action;
            if (device is null)
            {
                if (!registerAll && !IsSurveillance(verdict))
                {
                    var known = verdict.DeviceClass is { } c && DeviceClasses.Other.Contains(c);
                    findings.Add(Finding(host, known ? ScanFinding.Skipped : ScanFinding.NotRegistered, null));
                    continue;
                }
                device = Create(write, nextId++, host, keys[address], "scan", system);
                action = "created";
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
                action = changed ? "updated" : "unchanged";
            }
            findings.Add(Finding(host, action, device.Id));
            touched.Add(device);
            matched.Add(device);
        }
        await db.SaveChangesAsync(cancel);
        var now = time.GetUtcNow();
        await using var bulk = new BulkWriter(write);
        await StoreEvidenceAsync(write, bulk, knowledge, touched.ConvertAll(d => (d, byAddress[d.IpAddress!])), now, cancel);
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
        int Counted(string action) => findings.Count(f => f.Register == action);
        var scan = write.Record("scan", "scan", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), null, AuditJson.Of(
            ("scope", scopeText), ("complete", complete ? "yes" : "no"), ("started", started.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            ("ended", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("hosts", seen.Count.ToString(CultureInfo.InvariantCulture)),
            ("created", Counted("created").ToString(CultureInfo.InvariantCulture)),
            ("updated", Counted("updated").ToString(CultureInfo.InvariantCulture)),
            ("missing", missing.ToString(CultureInfo.InvariantCulture)),
            ("not registered", (Counted(ScanFinding.NotRegistered) + Counted(ScanFinding.Skipped)).ToString(CultureInfo.InvariantCulture))));
        var nextFinding = (await db.ScanFindings.MaxAsync(f => (long?)f.Id, cancel) ?? 0) + 1;
        foreach (var finding in findings)
        {
            (finding.Scan, finding.Id) = (scan.Sequence, nextFinding++);
        }
        await InsertNumberedAsync(write, bulk, findings, "scan_findings", nextFinding - 1, cancel);
        await write.CommitAsync(cancel);
        return new ScanOutcome(scan.Sequence, findings, missing);
    }

    /// <summary>
    /// Makes a device of a host a scan kept as a finding only, with its observations and notes, an audit entry naming
    /// the scan, and its identity; the kind is the one given, else what its class says. Error text when it cannot.
    /// </summary>
    public static async Task<(Device? Device, string? Error)> PromoteAsync(RegisterDb db, KnowledgeBase knowledge, long scanId, string address, DeviceKind? kind,
        TimeProvider time, string actor, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var finding = await db.ScanFindings.Where(f => f.Scan == scanId && f.Address == address).FirstOrDefaultAsync(cancel);
        if (finding is null)
        {
            return (null, await db.ScanFindings.AnyAsync(f => f.Scan == scanId, cancel)
                ? $"scan {scanId} found nothing at {address}"
                : $"there is no scan {scanId}; `sightline devices findings` lists the latest scan's findings with its id");
        }
        if (finding.DeviceId is { } already)
        {
            return (null, $"{address} in scan {scanId} is already device {already}");
        }
        var observations = finding.ReadObservations();
        var host = new ScannedHost(IPAddress.Parse(address), finding.Mac, [], observations, finding.ReadNotes(), new Identifier(knowledge).Identify(observations));
        var keys = (MacOf(host.Verdict, observations), Claimed(host.Verdict, ClaimType.Serial));
        if (keys.Item1 is { } mac && await db.Devices.AnyAsync(d => d.MacAddress == mac, cancel)
            || keys.Item2 is { } serial && await db.Devices.AnyAsync(d => d.Serial == serial, cancel))
        {
            return (null, $"a device with the MAC or serial of {address} is already in the register; scan it again to update that device");
        }
        var id = (await db.Devices.MaxAsync(d => (int?)d.Id, cancel) ?? 0) + 1;
        var device = Create(write, id, host, keys, $"scan {scanId.ToString(CultureInfo.InvariantCulture)}, promoted");
        if (kind is { } chosen)
        {
            device.Kind = chosen;
        }
        finding.Register = "promoted";
        finding.DeviceId = device.Id;
        await db.SaveChangesAsync(cancel);
        await using (var bulk = new BulkWriter(write))
        {
            await StoreEvidenceAsync(write, bulk, knowledge, [(device, host)], time.GetUtcNow(), cancel);
        }
        await write.CommitAsync(cancel);
        return (device, null);
    }

    /// <summary>
    /// A surveillance device by its class (camera, recorder, encoder…), or by a surveillance maker's platform when no
    /// class was told; a host that said nothing that identifies it is not one.
    /// </summary>
    public static bool IsSurveillance(Verdict verdict) =>
        verdict.DeviceClass is { } deviceClass ? DeviceClasses.Surveillance.Contains(deviceClass) : verdict.Platform is { Surveillance: true };

    private static Device Create(RegisterWrite write, int id, ScannedHost host, (string? Mac, string? Serial) keys, string source, SurveillanceSystem? system = null)
    {
        var device = new Device
        {
            Id = id, IpAddress = host.Address.ToString(), Kind = KindOf(host.Verdict.DeviceClass, host.Verdict.Platform is not null), Status = DeviceStatus.Active,
            SystemId = system?.Id,
        };
        Fill(device, host.Verdict, keys);
        write.Db.Devices.Add(device);
        (string, string?)[] fields = [("ip", device.IpAddress), ("kind", Words.Of(device.Kind)), ("brand", device.BrandAsSold), ("model", device.Model),
            ("firmware", device.Firmware), ("serial", device.Serial), ("mac", device.MacAddress), ("source", source)];
        // A device made in a system names it, as an import's does: the DPIA review reads "devices added" from it.
        write.Record("create", "device", device.Id.ToString(CultureInfo.InvariantCulture), null,
            AuditJson.Of(system is null ? fields : [.. fields, ("system", system.Name)]));
        return device;
    }

    /// <summary>
    /// Stores each device's observations and the scanner's notes, and its identity. What this scan saw replaces what
    /// earlier scans stored for the same request (kind and address:port); an earlier answer this scan did not get — a
    /// read timed out, a login was not offered — is kept, so a rescan that learned less never downgrades what is known,
    /// unless the new answers name another platform maker (another device now at that address). Notes are this scan's only.
    /// </summary>
    private static async Task StoreEvidenceAsync(RegisterWrite write, BulkWriter bulk, KnowledgeBase knowledge, List<(Device Device, ScannedHost Host)> devices, DateTimeOffset now,
        CancellationToken cancel)
    {
        var db = write.Db;
        var stored = new List<StoredObservation>();
        var identities = new List<DeviceIdentity>(devices.Count);
        var ids = devices.ConvertAll(d => d.Device.Id);
        var earlier = (await db.Observations.Where(o => ids.Contains(o.DeviceId)).OrderBy(o => o.Id).ToListAsync(cancel)).ToLookup(o => o.DeviceId);
        var platforms = await db.Identities.AsNoTracking().Where(i => ids.Contains(i.DeviceId)).ToDictionaryAsync(i => i.DeviceId, i => i.Platform, cancel);
        await db.Identities.Where(i => ids.Contains(i.DeviceId)).ExecuteDeleteAsync(cancel);
        var identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
        foreach (var (device, host) in devices)
        {
            var seenNow = host.Observations.Select(o => (o.Kind, o.Where)).ToHashSet();
            var sameDevice = host.Verdict.Platform is null || platforms.GetValueOrDefault(device.Id) is not { } before || before == host.Verdict.Platform.Id;
            var kept = new List<Observation>();
            foreach (var old in earlier[device.Id])
            {
                if (sameDevice && old.Kind != ObservationKinds.ScanNote && !seenNow.Contains((old.Kind, old.Where)))
                {
                    kept.Add(old.ToObservation());
                }
                else
                {
                    db.Observations.Remove(old);
                }
            }
            var fresh = host.Observations.Concat(host.Notes.Select(n => new Observation(ObservationKinds.ScanNote, n, null, host.Address.ToString()))).ToList();
            stored.AddRange(fresh.Select(o => StoredObservation.From(o, device.Id, now)));
            identities.Add(identifier.Identify(device, [.. kept, .. fresh]));
        }
        await db.SaveChangesAsync(cancel);
        var next = (await db.Observations.MaxAsync(o => (long?)o.Id, cancel) ?? 0) + 1;
        foreach (var observation in stored)
        {
            observation.Id = next++;
        }
        await InsertNumberedAsync(write, bulk, stored, "observations", next - 1, cancel);
        await bulk.InsertAsync(identities, cancel);
    }

    /// <summary>
    /// Inserts new rows, numbered after the table's highest key, by the bulk path: a scan of a /16 stores tens of
    /// thousands of observations and findings, which change tracking took most of the register write to insert. The
    /// write lock makes the numbering safe; on PostgreSQL the key's identity sequence is moved past the new rows, so
    /// that rows inserted by other means are numbered after them.
    /// </summary>
    private static async Task InsertNumberedAsync<T>(RegisterWrite write, BulkWriter bulk, List<T> rows, string table, long last, CancellationToken cancel) where T : class
    {
        await bulk.InsertAsync(rows, cancel);
        if (write.Db.IsPostgres && rows.Count > 0)
        {
            await write.Db.Database.ExecuteSqlAsync($"SELECT setval(pg_get_serial_sequence({table}, 'id'), {last})", cancel);
        }
    }

    private static ScanFinding Finding(ScannedHost host, string action, int? deviceId) => new()
    {
        Address = host.Address.ToString(),
        Mac = host.Mac,
        OpenPorts = string.Join(' ', host.OpenPorts),
        Platform = host.Verdict.Platform?.Id,
        Confidence = host.Verdict.PlatformConfidence,
        Brand = host.Verdict.Brand,
        Model = host.Verdict.Model,
        Firmware = host.Verdict.Firmware,
        DeviceClass = host.Verdict.DeviceClass,
        WhiteLabel = host.Verdict.WhiteLabelSuspected,
        Register = action,
        DeviceId = deviceId,
        Observations = ScanFinding.ObservationsJson(host.Observations),
        Notes = ScanFinding.NotesJson(host.Notes),
    };

    /// <summary>The register's kind for a class; a surveillance maker's device that did not say its class is taken for a camera, the commonest.</summary>
    private static DeviceKind KindOf(string? deviceClass, bool identified) => deviceClass switch
    {
        "nvr" => DeviceKind.Nvr,
        "dvr" => DeviceKind.Dvr,
        "encoder" => DeviceKind.Encoder,
        "camera" => DeviceKind.Camera,
        null when identified => DeviceKind.Camera,
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
