using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Csv;
using Sightline.Data.Audit;
using Sightline.Register;

namespace Sightline.Data.Import;

/// <summary>
/// Loads sites or systems (small tables) from CSV, matched by name, in one transaction; any problem means
/// nothing is written. Columns for sites: name, address, latitude, longitude. For systems: name, type,
/// purposes, lawful_basis, public_space, sensitive_site, retention_days, controller.
/// </summary>
public sealed class PlaceImport(RegisterDb db, TimeProvider time, string actor)
{
    /// <summary>The columns a sites file may have.</summary>
    public static readonly string[] SiteColumns = ["name", "address", "latitude", "longitude"];

    /// <summary>The columns a systems file may have.</summary>
    public static readonly string[] SystemColumns =
        ["name", "type", "purposes", "lawful_basis", "public_space", "sensitive_site", "retention_days", "controller"];

    /// <summary>How the file's bytes are read: UTF-8 unless the user says the file is Latin-1.</summary>
    public CsvEncoding FileEncoding { get; init; } = CsvEncoding.Utf8;

    /// <summary>Imports sites (<paramref name="sites"/> true) or systems.</summary>
    public async Task<ImportResult> RunAsync(Stream input, bool sites, bool dryRun, CancellationToken cancel)
    {
        var kind = sites ? "site" : "system";
        var columns = sites ? SiteColumns : SystemColumns;
        var problems = new List<CsvProblem>();
        var rows = ReadRows(input, FileEncoding, columns, problems);
        var parsed = new List<(long Line, Dictionary<string, string?> Values)>();
        var names = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (line, cells) in rows)
        {
            var values = new Dictionary<string, string?>();
            var named = false; // a name that cannot be read is still not a missing one
            var readable = true;
            foreach (var (column, field) in cells)
            {
                var text = FormulaGuard.Restore(field.Value.Trim());
                named |= column == "name" && text.Length > 0;
                if (CsvText.Check(field, column) is { } unreadable)
                {
                    problems.Add(unreadable);
                    readable = false;
                    continue;
                }
                string? error = null;
                var value = text.Length == 0 ? null : Validate(column, text, out error);
                if (error is not null)
                {
                    problems.Add(new CsvProblem(field.Line, field.Column, error) { Cell = column });
                }
                values[column] = value;
            }
            if (!named)
            {
                problems.Add(new CsvProblem(line, 1, $"the {kind} has no name"));
            }
            if (values.GetValueOrDefault("name") is not { } name)
            {
                continue;
            }
            if (!names.TryAdd(name, line))
            {
                problems.Add(new CsvProblem(line, 1, $"{kind} '{name}' is already on line {names[name]}") { Cell = "name" });
                continue;
            }
            if (!readable)
            {
                continue;
            }
            parsed.Add((line, values));
        }
        if (problems.Count > 0)
        {
            return new ImportResult { Rows = rows.Count, Problems = problems.Take(ImportResult.ProblemsKept).ToList(), ProblemCount = problems.Count };
        }

        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        int created = 0, updated = 0, unchanged = 0;
        var changes = new List<ImportChange>();
        foreach (var (line, values) in parsed)
        {
            var name = values["name"]!;
            object? entity = sites
                ? await db.Sites.SingleOrDefaultAsync(s => s.Name == name, cancel)
                : await db.Systems.SingleOrDefaultAsync(s => s.Name == name, cancel);
            var isNew = entity is null;
            entity ??= sites ? new Site { Name = name } : new SurveillanceSystem { Name = name };
            var before = Snapshot(entity);
            foreach (var (column, value) in values)
            {
                Apply(entity, column, value);
            }
            var after = Snapshot(entity);
            if (!isNew && before.SequenceEqual(after))
            {
                unchanged++;
                continue;
            }
            if (isNew)
            {
                db.Add(entity);
                created++;
            }
            else
            {
                updated++;
            }
            await db.SaveChangesAsync(cancel);
            var id = sites ? ((Site)entity).Id : ((SurveillanceSystem)entity).Id;
            var beforeJson = isNew ? null : AuditJson.Of(Changed(before, after).ToArray());
            var afterJson = AuditJson.Of(isNew ? after.Where(p => p.Value is not null).Select(p => (p.Key, p.Value)).ToArray() : Changed(after, before).ToArray());
            write.Record(isNew ? "create" : "update", kind, id.ToString(CultureInfo.InvariantCulture), beforeJson, afterJson);
            changes.Add(new ImportChange(line, isNew ? "create" : "update", id, name, beforeJson, afterJson));
        }
        if (!dryRun)
        {
            await write.CommitAsync(cancel);
        }
        return new ImportResult
        {
            Rows = rows.Count, Created = created, Updated = updated, Unchanged = unchanged, Changes = changes, Committed = !dryRun,
        };
    }

    private static List<(long Line, List<(string Column, CsvField Field)> Cells)> ReadRows(Stream input, CsvEncoding encoding, string[] columns,
        List<CsvProblem> problems)
    {
        using var text = CsvText.Open(input, encoding);
        var csv = new CsvReader(text);
        var rows = new List<(long, List<(string, CsvField)>)>();
        var header = csv.Read();
        if (header is null || header.Problem is not null)
        {
            problems.Add(header?.Problem ?? new CsvProblem(1, 1, "the file is empty; it needs a header row"));
            return rows;
        }
        problems.AddRange(header.Fields.Select(f => CsvText.Check(f, null)).OfType<CsvProblem>());
        var names = header.Fields.Select(f => f.Value.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (!columns.Contains(names[i]))
            {
                problems.Add(new CsvProblem(header.Fields[i].Line, header.Fields[i].Column,
                    $"unknown column '{header.Fields[i].Value}'; expected {string.Join(", ", columns)}"));
            }
        }
        if (!names.Contains("name"))
        {
            problems.Add(new CsvProblem(header.Line, 1, "the header needs a name column"));
        }
        while (csv.Read() is { } record)
        {
            if (record.Problem is { } problem)
            {
                problems.Add(problem);
                continue;
            }
            if (record.Fields.Count != names.Count)
            {
                problems.AddRange(record.Fields.Select(f => CsvText.Check(f, null)).OfType<CsvProblem>());
                problems.Add(new CsvProblem(record.Line, record.Fields[^1].Column, $"row has {record.Fields.Count} cells but the header has {names.Count}"));
                continue;
            }
            rows.Add((record.Line, names.Select((n, i) => (n, record.Fields[i])).Where(c => columns.Contains(c.n)).ToList()));
        }
        return rows;
    }

    private static string? Validate(string column, string text, out string? error)
    {
        error = null;
        switch (column)
        {
            case "latitude" or "longitude":
                var limit = column == "latitude" ? 90 : 180;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || Math.Abs(number) > limit)
                {
                    error = $"{column} '{text}' is not a number from -{limit} to {limit}";
                    return null;
                }
                return DeviceValues.Number(number);
            case "type":
                if (Words.Parse<SystemType>(text) is { } type)
                {
                    return Words.Of(type);
                }
                error = $"unknown system type '{text}'; use one of {Words.List<SystemType>()}";
                return null;
            case "public_space" or "sensitive_site":
                if (text.ToLowerInvariant() is "yes" or "y" or "true" or "1")
                {
                    return "yes";
                }
                if (text.ToLowerInvariant() is "no" or "n" or "false" or "0")
                {
                    return "no";
                }
                error = $"{column} '{text}' should be yes or no";
                return null;
            case "retention_days":
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3650)
                {
                    return days.ToString(CultureInfo.InvariantCulture);
                }
                error = $"retention_days '{text}' is not a whole number of days up to 3650";
                return null;
            default:
                return text;
        }
    }

    private static void Apply(object entity, string column, string? value)
    {
        if (entity is Site site)
        {
            switch (column)
            {
                case "address": site.Address = value; break;
                case "latitude": site.Latitude = value is null ? null : double.Parse(value, CultureInfo.InvariantCulture); break;
                case "longitude": site.Longitude = value is null ? null : double.Parse(value, CultureInfo.InvariantCulture); break;
            }
            return;
        }
        var system = (SurveillanceSystem)entity;
        switch (column)
        {
            case "type": system.Type = value is null ? SystemType.Other : Words.Parse<SystemType>(value)!.Value; break;
            case "purposes": system.Purposes = value; break;
            case "lawful_basis": system.LawfulBasis = value; break;
            case "public_space": system.PublicSpace = value == "yes"; break;
            case "sensitive_site": system.SensitiveSite = value == "yes"; break;
            case "retention_days": system.RetentionDays = value is null ? null : int.Parse(value, CultureInfo.InvariantCulture); break;
            case "controller": system.Controller = value; break;
        }
    }

    /// <summary>A site's or system's values in column order, as text.</summary>
    public static SortedDictionary<string, string?> Snapshot(object entity) => entity switch
    {
        Site s => new(StringComparer.Ordinal)
        {
            ["name"] = s.Name, ["address"] = s.Address, ["latitude"] = DeviceValues.Number(s.Latitude),
            ["longitude"] = DeviceValues.Number(s.Longitude),
        },
        SurveillanceSystem s => new(StringComparer.Ordinal)
        {
            ["name"] = s.Name, ["type"] = Words.Of(s.Type), ["purposes"] = s.Purposes, ["lawful_basis"] = s.LawfulBasis,
            ["public_space"] = s.PublicSpace ? "yes" : "no", ["sensitive_site"] = s.SensitiveSite ? "yes" : "no",
            ["retention_days"] = s.RetentionDays?.ToString(CultureInfo.InvariantCulture), ["controller"] = s.Controller,
        },
        _ => throw new ArgumentException("not a site or system", nameof(entity)),
    };

    private static IEnumerable<(string, string?)> Changed(SortedDictionary<string, string?> a, SortedDictionary<string, string?> b) =>
        a.Where(p => b[p.Key] != p.Value).Select(p => (p.Key, p.Value));
}
