using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data.Audit;
using Sightline.Data.Procurement;
using Sightline.Data.Register;
using Sightline.Data.Scanning;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Compliance;

/// <summary>
/// The findings from the register for each system and each of the Code's 12 principles (`sightline compliance`, the
/// compliance page). Devices are counted by grouped queries (<see cref="SystemDeviceCounts"/>, <see cref="FirmwareGroup"/>)
/// and only the first <see cref="DeviceSample"/> behind a finding are listed; the risk verdicts are the stored ones that
/// `devices list --flagged` filters on, so a finding's devices and the device list agree.
/// </summary>
public static class RegisterFindings
{
    /// <summary>How many of the devices behind a finding are listed by ID; the count is always the whole number.</summary>
    public const int DeviceSample = 100;

    /// <summary>The designation that is the UK rule of 24 Nov 2022 on visual surveillance at sensitive sites.</summary>
    public const string SensitiveSiteRule = "uk-sensitive-sites-2022";

    /// <summary>
    /// Every principle's findings for each system (or the one with <paramref name="systemId"/>), by system name then
    /// principle. With <paramref name="listDevices"/> false the findings name no devices (only their counts): the overview
    /// needs only the statuses, and sparing the lists spares a query per finding. The DPIA review triggers are first
    /// brought up to date with the audit log (<see cref="DpiaReviews.RaiseAsync"/>), so every view of the findings shows
    /// the same open triggers whether or not a DPIA page was read since the register changed.
    /// </summary>
    public static async Task<List<PrincipleFindings>> ComputeAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, int? systemId,
        CancellationToken cancel, bool listDevices = true)
    {
        await DpiaReviews.RaiseAsync(db, time, cancel);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var systems = await db.Systems.AsNoTracking().Where(s => systemId == null || s.Id == systemId).OrderBy(s => s.Name).ToListAsync(cancel);
        var ids = systems.ConvertAll(s => s.Id);
        var organisation = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(cancel);
        var purposes = (await db.SystemPurposes.AsNoTracking().Where(p => ids.Contains(p.SystemId)).ToListAsync(cancel)).ToLookup(p => p.SystemId);
        var dpias = (await db.Dpias.AsNoTracking().Where(d => ids.Contains(d.SystemId)).ToListAsync(cancel)).ToLookup(d => d.SystemId);
        var triggers = (await db.DpiaTriggers.AsNoTracking().Where(t => ids.Contains(t.SystemId) && t.Cleared == null).OrderBy(t => t.Raised).ThenBy(t => t.Id).ToListAsync(cancel))
            .ToLookup(t => t.SystemId);
        var databases = (await db.ReferenceDatabases.AsNoTracking().Where(d => ids.Contains(d.SystemId)).OrderBy(d => d.Name).ToListAsync(cancel))
            .ToLookup(d => d.SystemId);

        var rule = knowledge.Designations.Where(d => d.Id == SensitiveSiteRule).ToList();
        var covered = knowledge.Makers.Values.Where(m => rule.Any(d => d.Removed is null && d.Covers(m))).Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        var counts = await SystemDeviceCounts.ReadAsync(db, covered, systemId, cancel);
        var exploited = await ExploitedAsync(db, knowledge, systemId, cancel);
        var lists = listDevices
            ? await FindingDevices.ReadAsync(db, covered, [.. systems.Where(s => s.SensitiveSite).Select(s => s.Id)], exploited.Firmware,
                systems.ToDictionary(s => s.Id, s => counts.GetValueOrDefault(s.Id) is { } c
                    ? new FindingDevices.Totals(c.Security, c.Missing, s.SensitiveSite ? c.Covered : 0,
                        exploited.Findings.TryGetValue(s.Id, out var hit) ? hit.Count : 0)
                    : new FindingDevices.Totals(0, 0, 0, 0)), systemId, cancel)
            : [];
        var unplaced = await HostsOnNoSystemAsync(db, listDevices, cancel);

        // Only the entries since the last full verification: re-hashing a large register's whole log on every read
        // would cost more than all the counting (`sightline audit verify` is the full check, and records its point).
        var check = await AuditLog.VerifySinceFullAsync(db, cancel);
        var logbook = await LogBook.LogBookFindings.ReadAsync(db, knowledge.Folder, today, cancel);
        var none = new FindingDevices.Lists([], [], [], []);
        var results = new List<PrincipleFindings>(systems.Count * Principle.All.Count);
        foreach (var system in systems)
        {
            var count = counts.GetValueOrDefault(system.Id) ?? new SystemDeviceCounts { SystemId = system.Id };
            var devices = lists.GetValueOrDefault(system.Id) ?? none;
            var findings = Principle.All.ToDictionary(p => p.Number, _ => new List<RegisterFinding>());
            findings[1].AddRange(Purposes(system, purposes[system.Id].ToList()));
            findings[2].AddRange(Dpia(dpias[system.Id].ToList(), triggers[system.Id].ToList(), today));
            findings[3].AddRange(Transparency(system, organisation));
            findings[4].AddRange(Accountability(system, organisation));
            findings[6].Add(Retention(system, purposes[system.Id].ToList()));
            findings[6].AddRange(logbook.Retention(system, LongestRetention(system, purposes[system.Id].ToList())));
            findings[7].AddRange(logbook.Access(system));
            findings[9].Add(Security(count, devices.Security));
            findings[9].Add(exploited.Findings.TryGetValue(system.Id, out var hit)
                ? hit with { Devices = devices.Exploited }
                : new RegisterFinding(FindingStatus.Met, "No device has firmware with a known-exploited vulnerability (CISA KEV) in the knowledge", 0, [], VulnerabilitySource));
            findings[9].Add(SensitiveSite(system, count, rule, devices.Covered));
            findings[9].Add(Missing(count, devices.Missing));
            findings[9].Add(unplaced);
            // Suppliers' refusals and silences (issue 16): a separate query, added after the register's own findings.
            findings[9].AddRange(await SupplierFindings.ForSystemAsync(db, system.Id, today, listDevices, cancel));
            findings[10].Add(Reviewed(system, today));
            findings[10].Add(Audit(check));
            findings[12].AddRange(ReferenceDatabases(system, count, databases[system.Id].ToList(), today));
            results.AddRange(Principle.All.Select(p => new PrincipleFindings(system.Id, system.Name, p, findings[p.Number])));
        }
        return results;
    }

    private static string Source(int principle, string data) => $"Code of Practice principle {principle}; {data}";

    private static IEnumerable<RegisterFinding> Purposes(SurveillanceSystem system, List<SystemPurpose> details)
    {
        var names = PurposeNames(system);
        var source = Source(1, "register: the system's purposes and their pressing need and evidence");
        if (names.Count == 0)
        {
            yield return new(FindingStatus.NotEvidenced, "No purpose is recorded for the system", 0, [], source);
        }
        else
        {
            yield return new(FindingStatus.Met, $"{Words.Count(names.Count, "purposes")} recorded: {string.Join("; ", names)}", names.Count, [], source);
            var bare = names.Where(n => details.FirstOrDefault(d => Same(d.Name, n)) is not { } d
                || string.IsNullOrWhiteSpace(d.PressingNeed) || string.IsNullOrWhiteSpace(d.Evidence)).ToList();
            yield return bare.Count == 0
                ? new(FindingStatus.Met, "Every purpose has its pressing need and evidence recorded", 0, [], source)
                : new(FindingStatus.NotEvidenced, $"{Words.Count(bare.Count, "purposes")} without a pressing need and evidence recorded: {string.Join("; ", bare)}",
                    bare.Count, [], source);
        }
        var basis = Source(1, "register: the system's lawful basis");
        yield return string.IsNullOrWhiteSpace(system.LawfulBasis)
            ? new(FindingStatus.NotEvidenced, "No lawful basis is recorded", 0, [], basis)
            : new(FindingStatus.Met, $"Lawful basis: {system.LawfulBasis}", 1, [], basis);
    }

    private static IEnumerable<RegisterFinding> Dpia(List<Dpia> dpias, List<DpiaTrigger> open, DateOnly today)
    {
        var source = Source(2, "register: the system's DPIAs (ICO and commissioner's template)");
        var current = dpias.Where(d => d.SignedOff is not null).MaxBy(d => d.SignedOff);
        if (current is null)
        {
            // Review triggers call for the review of a signed-off DPIA; until there is one they are not a finding of their
            // own (the DPIA to be written covers them), but they are named so the author knows what to cover.
            var pending = open.Count == 0 ? "" : $" ({Words.Count(open.Count, "review triggers")} waiting: {string.Join("; ", open.Select(t => t.Detail))})";
            yield return dpias.Count == 0
                ? new(FindingStatus.NotEvidenced, "No DPIA is recorded for the system" + pending, 0, [], source)
                : new(FindingStatus.Attention, "The system's DPIA is a draft: it has not been signed off" + pending, dpias.Count, [], source);
            yield break;
        }
        if (current.ReviewDue is not { } due)
        {
            yield return new(FindingStatus.Attention, $"The DPIA signed off on {Day(current.SignedOff!.Value)} has no review date", 1, [], source);
        }
        else if (due < today)
        {
            yield return new(FindingStatus.Attention, $"The DPIA's review was due on {Day(due)}", 1, [], source);
        }
        else
        {
            yield return new(FindingStatus.Met, $"A current DPIA: signed off on {Day(current.SignedOff!.Value)} by {current.SignedOffBy}; review due {Day(due)}", 1, [], source);
        }
        var triggers = Source(2, "register: DPIA review triggers not yet cleared");
        yield return open.Count == 0
            ? new(FindingStatus.Met, "No DPIA review trigger is open", 0, [], triggers)
            : new(FindingStatus.Attention, $"{Words.Count(open.Count, "DPIA review triggers")} open: {string.Join("; ", open.Select(t => t.Detail))}", open.Count, [], triggers);
    }

    private static IEnumerable<RegisterFinding> Transparency(SurveillanceSystem system, Organisation? organisation)
    {
        var contact = Source(3, "register: the organisation's published contact point");
        yield return string.IsNullOrWhiteSpace(organisation?.ContactPoint)
            ? new(FindingStatus.NotEvidenced, "No published contact point for information and complaints is recorded", 0, [], contact)
            : new(FindingStatus.Met, $"Contact point for information and complaints: {organisation.ContactPoint}", 1, [], contact);
        var signage = Source(3, "register: the system's signage");
        yield return string.IsNullOrWhiteSpace(system.Signage)
            ? new(FindingStatus.NotEvidenced, "No signage is recorded for the system", 0, [], signage)
            : new(FindingStatus.Met, $"Signage: {system.Signage}", 1, [], signage);
    }

    private static IEnumerable<RegisterFinding> Accountability(SurveillanceSystem system, Organisation? organisation)
    {
        var sro = Source(4, "register: the system's or the organisation's Senior Responsible Officer");
        if (!string.IsNullOrWhiteSpace(system.SeniorResponsibleOfficer))
        {
            yield return new(FindingStatus.Met, $"Senior Responsible Officer: {system.SeniorResponsibleOfficer}", 1, [], sro);
        }
        else if (!string.IsNullOrWhiteSpace(organisation?.SeniorResponsibleOfficer))
        {
            yield return new(FindingStatus.Met, $"Senior Responsible Officer (the organisation's): {organisation.SeniorResponsibleOfficer}", 1, [], sro);
        }
        else
        {
            yield return new(FindingStatus.NotEvidenced, "No Senior Responsible Officer is named", 0, [], sro);
        }
        var controller = Source(4, "register: the system's controller and joint controllers");
        var joint = string.IsNullOrWhiteSpace(system.JointControllers) ? "" : $"; joint controllers: {system.JointControllers}";
        yield return string.IsNullOrWhiteSpace(system.Controller)
            ? new(FindingStatus.NotEvidenced, "No data controller is named", 0, [], controller)
            : new(FindingStatus.Met, $"Controller: {system.Controller}{joint}", 1, [], controller);
    }

    private static RegisterFinding Retention(SurveillanceSystem system, List<SystemPurpose> details)
    {
        var source = Source(6, $"register: retention per purpose (or the system's); rule: at most {RetentionPolicy.MaxDays} days (Sightline's policy, docs/compliance.md)");
        var names = PurposeNames(system);
        // With no purposes recorded, the system's own period is the one to judge. Each period comes with its justification:
        // a purpose's own, when it has its own period and says why, else the system's.
        List<(string Name, int? Days, string? Justification)> periods = names.Count == 0
            ? [("the system", system.RetentionDays, system.RetentionJustification)]
            : names.ConvertAll(n => details.FirstOrDefault(d => Same(d.Name, n)) is { RetentionDays: { } days } own
                ? (n, (int?)days, string.IsNullOrWhiteSpace(own.RetentionJustification) ? system.RetentionJustification : own.RetentionJustification)
                : (n, system.RetentionDays, system.RetentionJustification));
        var unset = periods.Where(p => p.Days is null).Select(p => p.Name).ToList();
        var over = periods.Where(p => p.Days > RetentionPolicy.MaxDays).ToList();
        if (over.Count > 0)
        {
            static string Why(string? justification) =>
                string.IsNullOrWhiteSpace(justification) ? "no justification is recorded" : $"justified as: {justification}";
            // One justification for all (the system's, usually) is said once; different ones beside their purposes.
            var said = over.Select(p => p.Justification).Distinct().Count() == 1
                ? $"{string.Join("; ", over.Select(p => $"{p.Name} ({p.Days} days)"))}; {Why(over[0].Justification)}"
                : string.Join("; ", over.Select(p => $"{p.Name} ({p.Days} days, {Why(p.Justification)})"));
            return new(FindingStatus.Attention, $"Kept longer than the policy's {RetentionPolicy.MaxDays} days: {said}", over.Count, [], source);
        }
        if (unset.Count > 0)
        {
            return new(FindingStatus.NotEvidenced, $"No retention period recorded for {string.Join("; ", unset)}", unset.Count, [], source);
        }
        var deletion = system.RetentionDeletion switch
        {
            RetentionDeletion.Automatic => "; deleted automatically",
            RetentionDeletion.Manual => "; deleted by a person",
            _ => "",
        };
        return new(FindingStatus.Met, $"Retention within the policy's {RetentionPolicy.MaxDays} days: {string.Join("; ", periods.Select(p => $"{p.Name} {p.Days} days"))}{deletion}",
            periods.Count, [], source);
    }

    // The longest period any of the system's purposes keeps recordings for (its own, or the system's).
    internal static int? LongestRetention(SurveillanceSystem system, List<SystemPurpose> details) =>
        PurposeNames(system).Select(n => details.FirstOrDefault(d => Same(d.Name, n))?.RetentionDays ?? system.RetentionDays).Append(system.RetentionDays).Max();

    private static RegisterFinding Security(SystemDeviceCounts count, List<int> devices)
    {
        var source = Source(9, "register: stored verdicts (as `devices list --flagged security`); knowledge: designations.csv (applied to the system's purposes), concerns.csv");
        if (count.Security == 0)
        {
            return new(FindingStatus.Met, "No device is flagged for security and trust in this system's use", 0, [], source);
        }
        // The same devices as `devices list --system S --flagged security`: the stored verdict's security and trust flag.
        return new(FindingStatus.Attention,
            $"{Words.Count(count.Security, "devices")} flagged for security and trust: their platform maker is subject to a designation that applies to this system's purposes, or to a concern about its group",
            count.Security, devices, source);
    }

    private static RegisterFinding Missing(SystemDeviceCounts count, List<int> devices)
    {
        var source = Source(9, "register: device status set by scans");
        if (count.Missing == 0)
        {
            return new(FindingStatus.Met, "No device is missing since the last scan", 0, [], source);
        }
        return new(FindingStatus.Attention, $"{Words.Count(count.Missing, "devices")} missing since the last scan of their scope", count.Missing, devices, source);
    }

    private static RegisterFinding SensitiveSite(SurveillanceSystem system, SystemDeviceCounts count, List<Designation> rule, List<int> devices)
    {
        var urls = rule.SelectMany(d => d.Provenance.Urls).Distinct().Take(1).ToList();
        var source = Source(9, $"knowledge: designations.csv {SensitiveSiteRule} (UK, 24 Nov 2022){(urls.Count > 0 ? $", {urls[0]}" : "")}; register: the system's sensitive-site flag");
        if (!system.SensitiveSite)
        {
            return new(FindingStatus.Met, "Not recorded as a sensitive site: the UK rule of 24 Nov 2022 does not apply", 0, [], source);
        }
        if (count.Covered == 0)
        {
            return new(FindingStatus.Met, "A sensitive site with no device made by a company subject to the PRC National Intelligence Law", 0, [], source);
        }
        return new(FindingStatus.Attention,
            $"{Words.Count(count.Covered, "devices")} at a sensitive site made by a company subject to the PRC National Intelligence Law (UK rule of 24 Nov 2022: stop deploying, keep off core networks, consider removing)",
            count.Covered, devices, source);
    }

    private const string VulnerabilitySource = "Code of Practice principle 9; knowledge: vulnerabilities.csv (CISA known exploited); register: model and firmware of devices with an identified platform maker";

    // The systems' findings on firmware with known-exploited vulnerabilities (devices listed later) and the firmware
    // groups behind them.
    private sealed record Exploited(Dictionary<int, RegisterFinding> Findings, List<(string Platform, string Model, string Firmware)> Firmware);

    // Which firmware groups carry a known-exploited vulnerability, checked once per (maker, model, firmware) with the same
    // rule the device page uses.
    private static async Task<Exploited> ExploitedAsync(RegisterDb db, KnowledgeBase knowledge, int? systemId, CancellationToken cancel)
    {
        var kev = knowledge.Vulnerabilities.Where(v => v.Kev).ToList();
        var makers = knowledge.Makers.Values.Where(m => kev.Any(v => v.Maker.SameGroup(m))).Select(m => m.Id).ToList();
        var found = new Dictionary<int, RegisterFinding>();
        if (makers.Count == 0)
        {
            return new(found, []);
        }
        var groups = await FirmwareGroup.ReadAsync(db, makers, systemId, cancel);
        var verdicts = new Dictionary<(string, string, string), List<string>>();
        foreach (var bySystem in groups.GroupBy(g => g.SystemId))
        {
            var hits = new List<(FirmwareGroup Group, List<string> Cves)>();
            foreach (var group in bySystem)
            {
                var key = (group.Platform, group.Model, group.Firmware);
                if (!verdicts.TryGetValue(key, out var cves))
                {
                    cves = knowledge.Makers.TryGetValue(group.Platform, out var maker)
                        ? RiskAssessor.Assess(knowledge, maker, group.Model, group.Firmware, SystemUse.Unknown)
                            .Where(f => f.Kev && f.Applies == true).Select(f => f.Id).ToList()
                        : [];
                    verdicts[key] = cves;
                }
                if (cves.Count > 0)
                {
                    hits.Add((group, cves));
                }
            }
            if (hits.Count == 0)
            {
                continue;
            }
            var total = hits.Sum(h => h.Group.Devices);
            var cveList = hits.SelectMany(h => h.Cves).Distinct().Order(StringComparer.Ordinal);
            found[bySystem.Key] = new(FindingStatus.Attention,
                $"{Words.Count(total, "devices")} with firmware that has a known-exploited vulnerability: {string.Join(", ", cveList)}", total, [], VulnerabilitySource);
        }
        return new(found, [.. verdicts.Where(v => v.Value.Count > 0).Select(v => v.Key)]);
    }

    // Hosts the scans found that are not on any system: hosts left unregistered (and not since registered at that
    // address), and registered devices that scans found but that belong to no system. The same for every system: an
    // unknown host on the network could be any system's.
    private static async Task<RegisterFinding> HostsOnNoSystemAsync(RegisterDb db, bool listDevices, CancellationToken cancel)
    {
        var source = Source(9, "register: hosts found by scans (scan findings) and devices on no system");
        var unregistered = await db.ScanFindings.AsNoTracking()
            .Where(f => f.DeviceId == null && f.Register == ScanFinding.NotRegistered && !db.Devices.Any(d => d.IpAddress == f.Address))
            .Select(f => f.Address).Distinct().CountAsync(cancel);
        var scannedDevices = db.ScanFindings.AsNoTracking().Where(f => f.DeviceId != null).Select(f => f.DeviceId);
        var noSystem = db.Devices.AsNoTracking().Where(d => d.SystemId == null && scannedDevices.Contains(d.Id));
        var devicesOnNoSystem = await noSystem.CountAsync(cancel);
        var total = unregistered + devicesOnNoSystem;
        if (total == 0)
        {
            return new(FindingStatus.Met, "Every host the scans found is on a system", 0, [], source);
        }
        var devices = listDevices ? await noSystem.OrderBy(d => d.Id).Select(d => d.Id).Take(DeviceSample).ToListAsync(cancel) : [];
        return new(FindingStatus.Attention,
            $"{Words.Count(total, "hosts")} found by scans on no system (in the whole register): {unregistered} not registered, {devicesOnNoSystem} registered without a system",
            total, devices, source);
    }

    private static RegisterFinding Reviewed(SurveillanceSystem system, DateOnly today)
    {
        var source = Source(10, "register: when the system was last reviewed; rule: at least once a year");
        if (system.LastReviewed is not { } reviewed)
        {
            return new(FindingStatus.NotEvidenced, "No review of the system is recorded", 0, [], source);
        }
        return reviewed.AddYears(1) < today
            ? new(FindingStatus.Attention, $"Last reviewed on {Day(reviewed)}, more than a year ago", 1, [], source)
            : new(FindingStatus.Met, $"Last reviewed on {Day(reviewed)}", 1, [], source);
    }

    private static RegisterFinding Audit(AuditLog.Since check)
    {
        var source = Source(10, "register: the audit log's hash chain, verified in full by `audit verify` and since then on each read");
        if (check.Verified is not { } point)
        {
            return new(FindingStatus.NotEvidenced, "The audit log's hash chain has not been verified in full: run `sightline audit verify`", 0, [], source);
        }
        var verified = $"verified in full on {point.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC up to entry {point.Sequence}";
        return check.Broken is { } broken
            ? new(FindingStatus.Attention, $"The audit log does not verify: broken at entry {broken.Sequence} ({broken.Reason}); the chain was {verified}", 1, [], source)
            : new(FindingStatus.Met, $"The audit log's hash chain was {verified}; " +
                (check.Entries == 1 ? "the 1 entry since chains onto it" : $"the {check.Entries} entries since chain onto it"),
                point.Sequence + check.Entries, [], source);
    }

    private static IEnumerable<RegisterFinding> ReferenceDatabases(SurveillanceSystem system, SystemDeviceCounts count, List<ReferenceDatabase> databases,
        DateOnly today)
    {
        var source = Source(12, "register: the system's type, its devices' ANPR and face-recognition capabilities, and its reference databases");
        var matches = system.Type is SystemType.Anpr or SystemType.FacialRecognition || count.Matching > 0;
        if (!matches)
        {
            yield return new(FindingStatus.Met, "No ANPR or face recognition: the system matches against no reference database", 0, [], source);
            yield break;
        }
        var what = count.Matching > 0 ? $"{Words.Count(count.Matching, "devices")} with ANPR or face recognition" : $"a {Words.Of(system.Type)} system";
        if (databases.Count == 0)
        {
            yield return new(FindingStatus.NotEvidenced, $"No reference database is recorded, for {what}", count.Matching, [], source);
            yield break;
        }
        foreach (var database in databases)
        {
            var reviewed = database.LastReviewed is { } last ? $"last reviewed {Day(last)}" : "never reviewed";
            yield return database.ReviewDue switch
            {
                null => new(FindingStatus.Attention, $"{database.Name} ({database.Kind}): {reviewed}; no review date set", 1, [], source),
                { } due when due < today => new(FindingStatus.Attention, $"{database.Name} ({database.Kind}): {reviewed}; review was due {Day(due)}", 1, [], source),
                { } due => new(FindingStatus.Met, $"{database.Name} ({database.Kind}): {reviewed}; next review due {Day(due)}", 1, [], source),
            };
        }
    }

    private static List<string> PurposeNames(SurveillanceSystem system) =>
        [.. (system.Purposes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset time) => Day(DateOnly.FromDateTime(time.UtcDateTime));
}
