using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data.Audit;
using Sightline.Register;

namespace Sightline.Data.Compliance;

/// <summary>
/// Third-party certifications against the Code (`sightline certifications`, the Certifications page, /api/v1/certifications),
/// with the alerts 90 and 30 days before expiry (governance.md §9.2 rule 8). Each change is audited.
/// </summary>
public static class CertificationRecords
{
    /// <summary>Days before expiry of the first and the second alert.</summary>
    public const int FirstAlert = 90, SecondAlert = 30;

    /// <summary>A certification as shown: the systems by name, and its alert today (null: none).</summary>
    public sealed record View(Certification Certification, IReadOnlyList<string> Systems, int DaysLeft, string? Alert);

    /// <summary>The alert for a certification on <paramref name="today"/>: expired, within 30 days, within 90 days, or null.</summary>
    public static string? Alert(DateOnly expires, DateOnly today)
    {
        var left = expires.DayNumber - today.DayNumber;
        return left switch
        {
            < 0 => "expired",
            <= SecondAlert => $"expires within {SecondAlert} days",
            <= FirstAlert => $"expires within {FirstAlert} days",
            _ => null,
        };
    }

    /// <summary>Every certification, soonest expiry first, with its alert.</summary>
    public static async Task<List<View>> ListAsync(RegisterDb db, DateOnly today, CancellationToken cancel)
    {
        var names = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var all = await db.Certifications.AsNoTracking().OrderBy(c => c.Expires).ThenBy(c => c.Id).ToListAsync(cancel);
        return all.ConvertAll(c => new View(c,
            [.. Ids(c.Systems).Select(id => names.GetValueOrDefault(id, $"#{id.ToString(CultureInfo.InvariantCulture)}"))],
            c.Expires.DayNumber - today.DayNumber, Alert(c.Expires, today)));
    }

    /// <summary>Records a certification; expiry defaults to one year (desktop) or five (full) after issue. The new ID, or the problems.</summary>
    public static async Task<(int? Id, IReadOnlyList<string> Problems)> AddAsync(RegisterDb db, TimeProvider time, string actor,
        string body, string step, string issued, string? expires, string? reference, IReadOnlyList<string> systems, CancellationToken cancel)
    {
        var problems = new List<string>();
        var parsedBody = Words.Parse<CertificationBody>(body);
        if (parsedBody is null)
        {
            problems.Add($"body: '{body}' is not one of {Words.List<CertificationBody>()}");
        }
        var parsedStep = Words.Parse<CertificationStep>(step);
        if (parsedStep is null)
        {
            problems.Add($"step: '{step}' is not one of {Words.List<CertificationStep>()}");
        }
        var issuedOn = RecordFields.ParseDay(issued);
        if (issuedOn is null)
        {
            problems.Add($"issued: '{issued}' is not a date written YYYY-MM-DD");
        }
        DateOnly? expiresOn = null;
        if (expires is not null && (expiresOn = RecordFields.ParseDay(expires)) is null)
        {
            problems.Add($"expires: '{expires}' is not a date written YYYY-MM-DD");
        }
        if (parsedBody == CertificationBody.Other && string.IsNullOrWhiteSpace(reference))
        {
            problems.Add("reference: name the body when it is 'other'");
        }
        if (reference is { Length: > RecordFields.MaxLength })
        {
            problems.Add($"reference: at most {RecordFields.MaxLength} characters");
        }
        if (systems.Count == 0)
        {
            problems.Add("systems: name at least one system it covers");
        }
        var ids = new SortedSet<int>();
        foreach (var key in systems)
        {
            if (await SystemRecords.FindAsync(db, key.Trim(), cancel) is { } system)
            {
                ids.Add(system.Id);
            }
            else
            {
                problems.Add($"systems: there is no system '{key.Trim()}'");
            }
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var certification = new Certification
        {
            Body = parsedBody!.Value, Step = parsedStep!.Value, Issued = issuedOn!.Value, Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            Expires = expiresOn ?? Certification.ExpiryOf(parsedStep.Value, issuedOn.Value),
            Systems = string.Join(';', ids.Select(SystemRecords.Key)),
        };
        if (certification.Expires < certification.Issued)
        {
            return (null, ["expires: before the day it was issued"]);
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        db.Certifications.Add(certification);
        await db.SaveChangesAsync(cancel);
        write.Record(ComplianceAudit.Create, ComplianceAudit.Certification, SystemRecords.Key(certification.Id), null, Snapshot(certification));
        await write.CommitAsync(cancel);
        return (certification.Id, []);
    }

    /// <summary>Removes a certification recorded in error; null when done, else why not.</summary>
    public static async Task<string?> RemoveAsync(RegisterDb db, TimeProvider time, string actor, int id, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Certifications.SingleOrDefaultAsync(c => c.Id == id, cancel) is not { } certification)
        {
            return $"there is no certification with ID {SystemRecords.Key(id)}";
        }
        db.Certifications.Remove(certification);
        write.Record(ComplianceAudit.Delete, ComplianceAudit.Certification, SystemRecords.Key(id), Snapshot(certification), null);
        await write.CommitAsync(cancel);
        return null;
    }

    private static IEnumerable<int> Ids(string systems) =>
        systems.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture));

    private static string Snapshot(Certification c) => AuditJson.Of(("body", Words.Of(c.Body)), ("step", Words.Of(c.Step)),
        ("reference", c.Reference), ("issued", c.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("expires", c.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("systems", c.Systems));
}
