using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Csv;
using Sightline.Data.Compliance;
using Sightline.LogBook;

namespace Sightline.Data.LogBook;

/// <summary>
/// The viewing and export log (`sightline logbook access …`): who viewed or exported which footage, why, and an export's
/// hash; entered one at a time or imported from a video management system's log as CSV (columns named as the fields;
/// all rows or none). Each entry is audited.
/// </summary>
public static class FootageLog
{
    /// <summary>The largest log file imported at once.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The most problems listed for one file.</summary>
    public const int MaxProblems = 20;

    private static readonly string[] Required = ["at", "person", "action", "purpose"];

    public static IReadOnlyList<RecordField<FootageAccess>> Fields { get; } =
    [
        RecordFields.Moment<FootageAccess>("at", "At", a => a.At == default ? null : a.At, (a, v) => a.At = v ?? default),
        RecordFields.Text<FootageAccess>("person", "Person", a => a.Person.Length == 0 ? null : a.Person, (a, v) => a.Person = v ?? ""),
        RecordFields.Word<FootageAccess, AccessAction>("action", "Action", a => a.Action, (a, v) => a.Action = v),
        RecordFields.Text<FootageAccess>("system", "System", a => a.SystemId is { } id ? SystemRecords.Key(id) : null,
            (a, v) => a.SystemId = v is null ? null : int.Parse(v, CultureInfo.InvariantCulture), "ID or name"),
        RecordFields.Text<FootageAccess>("cameras", "Cameras", a => a.Cameras, (a, v) => a.Cameras = v, "asset IDs, separated by ';'"),
        RecordFields.Moment<FootageAccess>("footage-from", "Footage from", a => a.FootageFrom, (a, v) => a.FootageFrom = v),
        RecordFields.Moment<FootageAccess>("footage-to", "Footage to", a => a.FootageTo, (a, v) => a.FootageTo = v),
        RecordFields.Text<FootageAccess>("purpose", "Purpose", a => a.Purpose.Length == 0 ? null : a.Purpose, (a, v) => a.Purpose = v ?? ""),
        RecordFields.Text<FootageAccess>("reference", "Reference", a => a.Reference, (a, v) => a.Reference = v, "sar:3, disclosure:5, a crime number…"),
        new RecordField<FootageAccess>("sha256", "SHA-256 of the export", a => a.Sha256, (a, v) =>
        {
            if (v is not null && (v.Length != 64 || !v.All(Uri.IsHexDigit)))
            {
                return $"'{v}' is not a SHA-256 (64 hexadecimal digits)";
            }
            a.Sha256 = v?.ToLowerInvariant();
            return null;
        }, "64 hexadecimal digits"),
        RecordFields.Day<FootageAccess>("copy-deleted", "Copy deleted", a => a.CopyDeleted, (a, v) => a.CopyDeleted = v),
    ];

    /// <summary>The entries about a system (or every system), newest first, at most <paramref name="limit"/>.</summary>
    public static Task<List<FootageAccess>> ListAsync(RegisterDb db, int? system, int limit, CancellationToken cancel) =>
        db.FootageAccesses.AsNoTracking().Where(a => system == null || a.SystemId == system)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(limit).ToListAsync(cancel);

    /// <summary>Records one viewing or export.</summary>
    public static async Task<LogBookRecords.Outcome> AddAsync(RegisterDb db, TimeProvider time, string actor, string source,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var (entry, problems) = await EntryAsync(db, time, source, values, cancel);
        if (problems.Count > 0)
        {
            return new(problems, null);
        }
        db.FootageAccesses.Add(entry);
        await db.SaveChangesAsync(cancel);
        write.Record(ComplianceAudit.Create, LogBookRecords.Access, SystemRecords.Key(entry.Id), null, RecordFields.Snapshot(entry, Fields));
        await write.CommitAsync(cancel);
        return new([], entry.Id);
    }

    /// <summary>
    /// Imports a video management system's log: a header naming fields (<see cref="Fields"/>), one entry a row. Every row is
    /// checked before any is stored. The number stored, or the problems (file:line: column: message).
    /// </summary>
    public static async Task<(int Added, IReadOnlyList<string> Problems)> ImportAsync(RegisterDb db, TimeProvider time, string actor, Stream input,
        string file, CancellationToken cancel)
    {
        if (await CsvText.ReadAtMostAsync(input, MaxBytes, cancel) is not { } bytes)
        {
            return (0, [$"{file}: larger than {MaxBytes / (1024 * 1024)} MiB; split the log"]);
        }
        using var text = CsvText.Open(bytes, CsvEncoding.Utf8);
        var reader = new CsvReader(text);
        var header = reader.Read();
        if (header is null)
        {
            return (0, [$"{file}: the file is empty; its first line names the columns: {string.Join(',', Fields.Select(f => f.Name))}"]);
        }
        if (header.Problem is { } broken)
        {
            return (0, [broken.ToString(file)]);
        }
        var names = header.Fields.Select(f => f.Value.Trim().ToLowerInvariant()).ToList();
        var problems = new List<string>();
        foreach (var name in names.Where(n => Fields.All(f => f.Name != n)))
        {
            problems.Add($"{file}:{header.Line}: there is no column '{name}'; the columns are {string.Join(", ", Fields.Select(f => f.Name))}");
        }
        foreach (var required in Required.Where(r => !names.Contains(r)))
        {
            problems.Add($"{file}:{header.Line}: the column '{required}' is missing");
        }
        if (problems.Count > 0)
        {
            return (0, problems);
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var entries = new List<FootageAccess>();
        foreach (var record in reader.ReadAll())
        {
            if (problems.Count >= MaxProblems)
            {
                problems.Add($"{file}: stopped after {MaxProblems} problems");
                break;
            }
            if (record.Problem is { } malformed)
            {
                problems.Add(malformed.ToString(file));
                continue;
            }
            if (record.Fields.Count != names.Count)
            {
                problems.Add($"{file}:{record.Line}: {record.Fields.Count} cells; the header has {names.Count}");
                continue;
            }
            var values = names.Select((n, i) => KeyValuePair.Create(n, (string?)FormulaGuard.Restore(record.Fields[i].Value.Trim())))
                .ToDictionary(p => p.Key, p => p.Value);
            var (entry, rowProblems) = await EntryAsync(db, time, Path.GetFileName(file), values, cancel);
            problems.AddRange(rowProblems.Select(p => $"{file}:{record.Line}: {p.Field}: {p.Message}"));
            entries.Add(entry);
        }
        if (problems.Count > 0)
        {
            return (0, problems);
        }
        db.FootageAccesses.AddRange(entries);
        await db.SaveChangesAsync(cancel);
        foreach (var entry in entries)
        {
            write.Record(ComplianceAudit.Create, LogBookRecords.Access, SystemRecords.Key(entry.Id), null, RecordFields.Snapshot(entry, Fields));
        }
        await write.CommitAsync(cancel);
        return (entries.Count, []);
    }

    private static async Task<(FootageAccess Entry, List<(string Field, string Message)> Problems)> EntryAsync(RegisterDb db, TimeProvider time, string source,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        var entry = new FootageAccess { Source = source };
        var applied = await LogBookRecords.ApplyAsync(db, entry, Fields, values, cancel);
        var problems = applied.Problems.ToList();
        foreach (var (field, label, missing) in new[] { ("at", "At", entry.At == default), ("person", "Person", entry.Person.Length == 0),
            ("action", "Action", !values.ContainsKey("action")), ("purpose", "Purpose", entry.Purpose.Length == 0) })
        {
            if (missing && problems.All(p => p.Field != field))
            {
                problems.Add((field, $"{label}: must be given"));
            }
        }
        if (entry.At > time.GetUtcNow().AddMinutes(5))
        {
            problems.Add(("at", "At: in the future"));
        }
        if (entry.Action == AccessAction.Viewed && (entry.Sha256 is not null || entry.CopyDeleted is not null))
        {
            problems.Add(("action", "Action: a viewing makes no file; give exported with a hash or a deletion day"));
        }
        problems.AddRange(LogBookRecords.Range(entry.FootageFrom, entry.FootageTo));
        return (entry, problems);
    }
}
