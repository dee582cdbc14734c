using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Register;

namespace Sightline.Data.Compliance;

/// <summary>
/// Creating and changing surveillance systems outside a CSV import (`sightline systems`, the Systems pages, the API):
/// the system's Code of Practice fields, the detail of each purpose, and its reference databases. Every change is one
/// transaction with its audit entries; a refused change writes nothing.
/// </summary>
public static class SystemRecords
{
    /// <summary>The system's fields, in the order they are shown.</summary>
    public static IReadOnlyList<RecordField<SurveillanceSystem>> Fields { get; } =
    [
        new("name", "Name", s => s.Name, (s, text) =>
        {
            if (text is null)
            {
                return "must be given";
            }
            if (text.Length > 200 || text.Contains(';', StringComparison.Ordinal))
            {
                return "at most 200 characters, without ';'";
            }
            s.Name = text;
            return null;
        }),
        RecordFields.Word<SurveillanceSystem, SystemType>("type", "Type", s => s.Type, (s, v) => s.Type = v, SystemType.Cctv),
        new("purposes", "Purposes", s => s.Purposes, (s, text) =>
        {
            var names = RecordFields.ListOf(text);
            s.Purposes = names.Count == 0 ? null : string.Join(';', names);
            return null;
        }, "separated by ';'"),
        RecordFields.Text<SurveillanceSystem>("lawful-basis", "Lawful basis", s => s.LawfulBasis, (s, v) => s.LawfulBasis = v, "e.g. UK GDPR Art. 6(1)(e); DPA 2018 Part 3"),
        RecordFields.YesNo<SurveillanceSystem>("public-space", "Public space", s => s.PublicSpace, (s, v) => s.PublicSpace = v),
        RecordFields.YesNo<SurveillanceSystem>("sensitive-site", "Sensitive site", s => s.SensitiveSite, (s, v) => s.SensitiveSite = v,
            "a site in the sense of the UK government's November 2022 instruction"),
        RecordFields.Days<SurveillanceSystem>("retention-days", "Retention", s => s.RetentionDays, (s, v) => s.RetentionDays = v),
        RecordFields.Text<SurveillanceSystem>("retention-justification", "Why that long", s => s.RetentionJustification, (s, v) => s.RetentionJustification = v,
            "what the period rests on, e.g. incidents reported up to 28 days later", isLong: true),
        RecordFields.OptionalWord<SurveillanceSystem, RetentionDeletion>("retention-deletion", "Deletion at the end of the period", s => s.RetentionDeletion,
            (s, v) => s.RetentionDeletion = v),
        RecordFields.Text<SurveillanceSystem>("retention-reviewer", "Retention reviewed by", s => s.RetentionReviewer, (s, v) => s.RetentionReviewer = v,
            "a role or a person"),
        RecordFields.Text<SurveillanceSystem>("controller", "Controller", s => s.Controller, (s, v) => s.Controller = v),
        RecordFields.Text<SurveillanceSystem>("joint-controllers", "Joint controllers", s => s.JointControllers, (s, v) => s.JointControllers = v, "separated by ';'"),
        RecordFields.Text<SurveillanceSystem>("partners", "Partners and sharing agreements", s => s.Partners, (s, v) => s.Partners = v,
            "separated by ';', e.g. Northmoor Police (ISA 2024-07)", isLong: true),
        RecordFields.Text<SurveillanceSystem>("sro", "Senior Responsible Officer", s => s.SeniorResponsibleOfficer, (s, v) => s.SeniorResponsibleOfficer = v,
            "where not the organisation's"),
        RecordFields.Text<SurveillanceSystem>("signage", "Signage", s => s.Signage, (s, v) => s.Signage = v, "where the signs are and what they say", isLong: true),
        RecordFields.Day<SurveillanceSystem>("last-reviewed", "Last reviewed", s => s.LastReviewed, (s, v) => s.LastReviewed = v),
    ];

    /// <summary>A purpose's detail fields.</summary>
    public static IReadOnlyList<RecordField<SystemPurpose>> PurposeFields { get; } =
    [
        RecordFields.Text<SystemPurpose>("pressing-need", "Pressing need", p => p.PressingNeed, (p, v) => p.PressingNeed = v, isLong: true),
        RecordFields.Text<SystemPurpose>("evidence", "Evidence", p => p.Evidence, (p, v) => p.Evidence = v, "crime figures, incident reports, a consultation…", isLong: true),
        RecordFields.Days<SystemPurpose>("retention-days", "Retention", p => p.RetentionDays, (p, v) => p.RetentionDays = v),
        RecordFields.Text<SystemPurpose>("retention-justification", "Why that long", p => p.RetentionJustification, (p, v) => p.RetentionJustification = v,
            "where this purpose's period is its own: what it rests on", isLong: true),
    ];

    /// <summary>A reference database's fields.</summary>
    public static IReadOnlyList<RecordField<ReferenceDatabase>> DatabaseFields { get; } =
    [
        new("kind", "Kind", d => d.Kind, (d, text) =>
        {
            if (text is not ("hot-list" or "watch-list" or "other"))
            {
                return $"'{text}' is not one of hot-list, watch-list, other";
            }
            d.Kind = text;
            return null;
        }) { Choices = ["hot-list", "watch-list", "other"] },
        RecordFields.Day<ReferenceDatabase>("last-reviewed", "Last reviewed", d => d.LastReviewed, (d, v) => d.LastReviewed = v),
        RecordFields.Day<ReferenceDatabase>("review-due", "Review due", d => d.ReviewDue, (d, v) => d.ReviewDue = v),
    ];

    /// <summary>What a change did: the problems (none when saved) and the system's ID.</summary>
    public sealed record Outcome(IReadOnlyList<(string Field, string Message)> Problems, int? SystemId, bool Changed)
    {
        public bool Succeeded => Problems.Count == 0;

        internal static Outcome Refused(string field, string message, int? id = null) => new([(field, message)], id, false);
    }

    /// <summary>A system by ID or name, or null.</summary>
    public static Task<SurveillanceSystem?> FindAsync(RegisterDb db, string key, CancellationToken cancel)
    {
        var id = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        return db.Systems.AsNoTracking().Where(s => s.Id == id || s.Name == key).OrderBy(s => s.Id != id).FirstOrDefaultAsync(cancel);
    }

    /// <summary>Makes a system from the given fields (name required).</summary>
    public static async Task<Outcome> AddAsync(RegisterDb db, TimeProvider time, string actor, IReadOnlyDictionary<string, string?> values,
        CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var system = new SurveillanceSystem { Name = "" };
        var applied = RecordFields.Apply(system, Fields, values);
        if (applied.Problems.Count > 0)
        {
            return new Outcome(applied.Problems, null, false);
        }
        if (system.Name.Length == 0)
        {
            return Outcome.Refused("name", "Name: must be given");
        }
        if (await db.Systems.AnyAsync(s => s.Name == system.Name, cancel))
        {
            return Outcome.Refused("name", $"Name: there is already a system named '{system.Name}'");
        }
        db.Systems.Add(system);
        await db.SaveChangesAsync(cancel);
        write.Record(ComplianceAudit.Create, ComplianceAudit.System, Key(system.Id), null, RecordFields.Snapshot(system, Fields));
        await write.CommitAsync(cancel);
        return new Outcome([], system.Id, true);
    }

    /// <summary>Changes the given fields of a system; purposes no longer named lose their detail (audited).</summary>
    public static async Task<Outcome> SetAsync(RegisterDb db, TimeProvider time, string actor, int id, IReadOnlyDictionary<string, string?> values,
        CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Systems.SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } system)
        {
            return Outcome.Refused("system", $"there is no system with ID {Key(id)}");
        }
        var applied = RecordFields.Apply(system, Fields, values);
        if (applied.Problems.Count > 0)
        {
            return new Outcome(applied.Problems, id, false);
        }
        if (!applied.Changed)
        {
            return new Outcome([], id, false);
        }
        if (await db.Systems.AnyAsync(s => s.Id != id && s.Name == system.Name, cancel))
        {
            return Outcome.Refused("name", $"Name: there is already a system named '{system.Name}'", id);
        }
        write.Record(ComplianceAudit.Update, ComplianceAudit.System, Key(id), applied.Before, applied.After);
        var named = RecordFields.ListOf(system.Purposes);
        foreach (var gone in await db.SystemPurposes.Where(p => p.SystemId == id).ToListAsync(cancel))
        {
            if (!named.Contains(gone.Name))
            {
                db.SystemPurposes.Remove(gone);
                write.Record(ComplianceAudit.Delete, ComplianceAudit.Purpose, Key(gone.Id), PurposeSnapshot(gone, id), null);
            }
        }
        await write.CommitAsync(cancel);
        return new Outcome([], id, true);
    }

    /// <summary>Adds a purpose to a system (named in its purposes too) or changes its detail.</summary>
    public static async Task<Outcome> SetPurposeAsync(RegisterDb db, TimeProvider time, string actor, int id, string name,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200 || name.Contains(';', StringComparison.Ordinal))
        {
            return Outcome.Refused("purpose", "Purpose: a name of 1 to 200 characters, without ';'", id);
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Systems.SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } system)
        {
            return Outcome.Refused("system", $"there is no system with ID {Key(id)}");
        }
        var purpose = await db.SystemPurposes.SingleOrDefaultAsync(p => p.SystemId == id && p.Name == name, cancel);
        var isNew = purpose is null;
        purpose ??= new SystemPurpose { SystemId = id, Name = name };
        var applied = RecordFields.Apply(purpose, PurposeFields, values);
        if (applied.Problems.Count > 0)
        {
            return new Outcome(applied.Problems, id, false);
        }
        var names = RecordFields.ListOf(system.Purposes);
        if (!names.Contains(name))
        {
            var before = system.Purposes;
            system.Purposes = string.Join(';', names.Append(name));
            write.Record(ComplianceAudit.Update, ComplianceAudit.System, Key(id), Audit.AuditJson.Of(("purposes", before)), Audit.AuditJson.Of(("purposes", system.Purposes)));
        }
        else if (!isNew && !applied.Changed)
        {
            return new Outcome([], id, false);
        }
        if (isNew)
        {
            db.SystemPurposes.Add(purpose);
            await db.SaveChangesAsync(cancel);
            write.Record(ComplianceAudit.Create, ComplianceAudit.Purpose, Key(purpose.Id), null, PurposeSnapshot(purpose, id));
        }
        else
        {
            write.Record(ComplianceAudit.Update, ComplianceAudit.Purpose, Key(purpose.Id), applied.Before, applied.After);
        }
        await write.CommitAsync(cancel);
        return new Outcome([], id, true);
    }

    /// <summary>Removes a purpose from a system, with its detail.</summary>
    public static async Task<Outcome> RemovePurposeAsync(RegisterDb db, TimeProvider time, string actor, int id, string name, CancellationToken cancel)
    {
        name = name.Trim();
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Systems.SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } system)
        {
            return Outcome.Refused("system", $"there is no system with ID {Key(id)}");
        }
        var names = RecordFields.ListOf(system.Purposes);
        var purpose = await db.SystemPurposes.SingleOrDefaultAsync(p => p.SystemId == id && p.Name == name, cancel);
        if (!names.Contains(name) && purpose is null)
        {
            return Outcome.Refused("purpose", $"system '{system.Name}' has no purpose '{name}'", id);
        }
        if (names.Contains(name))
        {
            var before = system.Purposes;
            var left = names.Where(n => n != name).ToList();
            system.Purposes = left.Count == 0 ? null : string.Join(';', left);
            write.Record(ComplianceAudit.Update, ComplianceAudit.System, Key(id), Audit.AuditJson.Of(("purposes", before)), Audit.AuditJson.Of(("purposes", system.Purposes)));
        }
        if (purpose is not null)
        {
            db.SystemPurposes.Remove(purpose);
            write.Record(ComplianceAudit.Delete, ComplianceAudit.Purpose, Key(purpose.Id), PurposeSnapshot(purpose, id), null);
        }
        await write.CommitAsync(cancel);
        return new Outcome([], id, true);
    }

    /// <summary>Adds a reference database to a system or changes it (matched by name).</summary>
    public static async Task<Outcome> SetDatabaseAsync(RegisterDb db, TimeProvider time, string actor, int id, string name,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            return Outcome.Refused("database", "Reference database: a name of 1 to 200 characters", id);
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (!await db.Systems.AnyAsync(s => s.Id == id, cancel))
        {
            return Outcome.Refused("system", $"there is no system with ID {Key(id)}");
        }
        var database = await db.ReferenceDatabases.SingleOrDefaultAsync(d => d.SystemId == id && d.Name == name, cancel);
        var isNew = database is null;
        database ??= new ReferenceDatabase { SystemId = id, Name = name, Kind = "other" };
        var applied = RecordFields.Apply(database, DatabaseFields, values);
        if (applied.Problems.Count > 0)
        {
            return new Outcome(applied.Problems, id, false);
        }
        if (isNew)
        {
            db.ReferenceDatabases.Add(database);
            await db.SaveChangesAsync(cancel);
            write.Record(ComplianceAudit.Create, ComplianceAudit.ReferenceDatabase, Key(database.Id), null, DatabaseSnapshot(database));
        }
        else if (applied.Changed)
        {
            write.Record(ComplianceAudit.Update, ComplianceAudit.ReferenceDatabase, Key(database.Id), applied.Before, applied.After);
        }
        else
        {
            return new Outcome([], id, false);
        }
        await write.CommitAsync(cancel);
        return new Outcome([], id, true);
    }

    /// <summary>Removes a reference database from a system.</summary>
    public static async Task<Outcome> RemoveDatabaseAsync(RegisterDb db, TimeProvider time, string actor, int id, string name, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.ReferenceDatabases.SingleOrDefaultAsync(d => d.SystemId == id && d.Name == name.Trim(), cancel) is not { } database)
        {
            return Outcome.Refused("database", $"system {Key(id)} has no reference database '{name.Trim()}'", id);
        }
        db.ReferenceDatabases.Remove(database);
        write.Record(ComplianceAudit.Delete, ComplianceAudit.ReferenceDatabase, Key(database.Id), DatabaseSnapshot(database), null);
        await write.CommitAsync(cancel);
        return new Outcome([], id, true);
    }

    private static string PurposeSnapshot(SystemPurpose purpose, int systemId) => Audit.AuditJson.Of(
        [("system", Key(systemId)), ("name", purpose.Name), .. PurposeFields.Select(f => (f.Name, f.Get(purpose))).Where(p => p.Item2 is not null)]);

    private static string DatabaseSnapshot(ReferenceDatabase database) => Audit.AuditJson.Of(
        [("system", Key(database.SystemId)), ("name", database.Name), .. DatabaseFields.Select(f => (f.Name, f.Get(database))).Where(p => p.Item2 is not null)]);

    internal static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
