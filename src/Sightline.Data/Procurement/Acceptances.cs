using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Csv;
using Sightline.Data.Audit;
using Sightline.Data.Scanning;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Procurement;

namespace Sightline.Data.Procurement;

/// <summary>
/// Acceptance checks (`sightline procurement accept`): what was delivered — the devices a scan found, with the register's
/// identification of each, or the installer's list identified the same way — compared with the case's signed-off
/// specification (<see cref="AcceptanceComparison"/>), and the result recorded on the case, audited.
/// </summary>
public static class Acceptances
{
    /// <summary>The installer's list: one row per device, or per line with a count.</summary>
    public const string ListColumns = "brand, model, firmware (required); count, serial, mac (optional)";

    /// <summary>The largest installer's list read (10 MiB, some 100,000 rows): the CLI, the case page and the API refuse a larger one.</summary>
    public const long MaxListBytes = 10L * 1024 * 1024;

    /// <summary>Why a list of <paramref name="bytes"/> bytes is refused, or null when it is within <see cref="MaxListBytes"/>.</summary>
    public static string? ListSizeProblem(string file, long bytes) => bytes > MaxListBytes
        ? $"{file}: {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; an installer's list may be at most {MaxListBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes"
        : null;

    /// <summary>The devices a scan found, identified as the register identifies them (a person's override included). Null when there is no such scan.</summary>
    public static async Task<List<DeliveredDevice>?> FromScanAsync(RegisterDb db, long scan, CancellationToken cancel)
    {
        var findings = await db.ScanFindings.AsNoTracking().Where(f => f.Scan == scan).OrderBy(f => f.Id).ToListAsync(cancel);
        if (findings.Count == 0)
        {
            return await db.AuditEntries.AnyAsync(a => a.Sequence == scan && a.Action == "scan", cancel) ? [] : null;
        }
        var ids = findings.Where(f => f.DeviceId is not null).Select(f => f.DeviceId!.Value).ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancel);
        var identities = await db.Identities.AsNoTracking().Where(i => ids.Contains(i.DeviceId)).ToDictionaryAsync(i => i.DeviceId, cancel);
        var delivered = new List<DeliveredDevice>();
        foreach (var f in findings.Where(f => f.Register != ScanFinding.Skipped))
        {
            if (f.DeviceId is { } id && devices.TryGetValue(id, out var device))
            {
                var identity = identities.GetValueOrDefault(id);
                delivered.Add(new DeliveredDevice(device.AssetId ?? f.Address, device.BrandAsSold ?? identity?.Brand, identity?.Platform ?? f.Platform,
                    device.Model ?? f.Model, device.Firmware ?? f.Firmware, identity?.WhiteLabel ?? f.WhiteLabel));
            }
            else
            {
                delivered.Add(new DeliveredDevice(f.Address, f.Brand, f.Platform, f.Model, f.Firmware, f.WhiteLabel));
            }
        }
        return delivered;
    }

    /// <summary>The installer's list (CSV, <see cref="ListColumns"/>), each row identified from its brand, model, firmware, serial and MAC; or the problems, each with its line.</summary>
    public static (List<DeliveredDevice> Devices, List<string> Problems) FromList(KnowledgeBase knowledge, Stream input, string file)
    {
        var identifier = new Identifier(knowledge);
        var devices = new List<DeliveredDevice>();
        var problems = new List<string>();
        using var text = CsvText.Open(input, CsvEncoding.Utf8, leaveOpen: true);
        var csv = new CsvReader(text);
        if (csv.Read() is not { } header)
        {
            return ([], [$"{file}: the file is empty; it needs a header row with {ListColumns}"]);
        }
        var names = header.Fields.Select(f => f.Value.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => names.IndexOf(name);
        foreach (var required in new[] { "brand", "model", "firmware" })
        {
            if (Column(required) < 0)
            {
                problems.Add($"{file}:1: the header has no '{required}' column (columns: {ListColumns})");
            }
        }
        if (problems.Count > 0)
        {
            return ([], problems);
        }
        while (csv.Read() is { } record)
        {
            if (record.Problem is { } bad)
            {
                problems.Add(bad.ToString(file));
                continue;
            }
            string? Cell(string name)
            {
                var i = Column(name);
                if (i < 0 || i >= record.Fields.Count)
                {
                    return null;
                }
                if (CsvText.Check(record.Fields[i], name) is { } unreadable)
                {
                    problems.Add(unreadable.ToString(file));
                    return null;
                }
                var value = record.Fields[i].Value.Trim();
                return value.Length == 0 ? null : value;
            }
            var (brand, model, firmware, serial, mac) = (Cell("brand"), Cell("model"), Cell("firmware"), Cell("serial"), Cell("mac"));
            var count = 1;
            if (Cell("count") is { } c && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 100_000))
            {
                problems.Add($"{file}:{record.Line.ToString(CultureInfo.InvariantCulture)}: count: '{c}' is not a number of devices from 1 to 100,000");
                continue;
            }
            if (model is null)
            {
                problems.Add($"{file}:{record.Line.ToString(CultureInfo.InvariantCulture)}: model: give the model delivered");
                continue;
            }
            var verdict = identifier.Identify(Identifier.FromRegister(brand, model, firmware, serial, mac));
            var where = $"{file}:{record.Line.ToString(CultureInfo.InvariantCulture)}";
            for (var i = 0; i < count; i++)
            {
                devices.Add(new DeliveredDevice(where, brand ?? verdict.Brand, verdict.Platform?.Id, model, firmware, verdict.WhiteLabelSuspected));
            }
        }
        return (devices, problems);
    }

    /// <summary>
    /// Compares <paramref name="delivered"/> with the case's specification and records the check. Refused while the specification
    /// is not signed off. The check's ID and differences, or the problem.
    /// </summary>
    public static async Task<(AcceptanceCheck? Check, IReadOnlyList<AcceptanceDifference> Differences, string? Problem)> RecordAsync(RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, string actor, int caseId, string source, IReadOnlyList<DeliveredDevice> delivered, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.ProcurementCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancel) is not { } found)
        {
            return (null, [], $"there is no procurement case {ProcurementCases.Key(caseId)}");
        }
        if (!await ProcurementCases.SignedOffAsync(db, caseId, CaseStage.Specification, cancel))
        {
            return (null, [], $"case {ProcurementCases.Key(caseId)}: sign off the specification before checking a delivery against it");
        }
        var specification = await db.SpecificationItems.AsNoTracking().Where(i => i.CaseId == caseId).OrderBy(i => i.Id).ToListAsync(cancel);
        var excluded = found.ExcludedMakers.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var differences = AcceptanceComparison.Compare(knowledge, specification, delivered, excluded);
        var check = new AcceptanceCheck
        {
            CaseId = caseId, Source = source, Delivered = delivered.Count, CheckedBy = actor, CheckedAt = time.GetUtcNow(),
            Differences = JsonSerializer.Serialize(differences, DataJson.Default.ListAcceptanceDifference),
        };
        db.AcceptanceChecks.Add(check);
        await db.SaveChangesAsync(cancel);
        write.Record(ProcurementAudit.Accept, ProcurementAudit.Case, ProcurementCases.Key(caseId), null, AuditJson.Of(("check", ProcurementCases.Key(check.Id)),
            ("source", source), ("delivered", delivered.Count.ToString(CultureInfo.InvariantCulture)),
            ("differences", differences.Count.ToString(CultureInfo.InvariantCulture))));
        await write.CommitAsync(cancel);
        return (check, differences, null);
    }

    /// <summary>A recorded check's differences, read back.</summary>
    public static IReadOnlyList<AcceptanceDifference> Differences(AcceptanceCheck check) =>
        JsonSerializer.Deserialize(check.Differences, DataJson.Default.ListAcceptanceDifference)!;
}
