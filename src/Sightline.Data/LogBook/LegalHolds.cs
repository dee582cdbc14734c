using Microsoft.EntityFrameworkCore;
using Sightline.Data.Compliance;
using Sightline.LogBook;

namespace Sightline.Data.LogBook;

/// <summary>
/// Holds on footage (`sightline logbook hold …`): placed with a reason and a review date, exempt from the retention
/// policy until released; a hold past its review date is flagged. Subject access requests and disclosure requests place
/// and release their own. Each change is audited.
/// </summary>
public static class LegalHolds
{
    /// <summary>Days from placing to the review when none is given.</summary>
    public const int DefaultReviewDays = 30;

    public static IReadOnlyList<RecordField<LegalHold>> Fields { get; } =
    [
        RecordFields.Word<LegalHold, HoldReason>("reason", "Reason", h => h.Reason, (h, v) => h.Reason = v),
        RecordFields.Text<LegalHold>("reference", "Reference", h => h.Reference, (h, v) => h.Reference = v, "the request, incident or case"),
        .. LogBookRecords.Footage<LegalHold>(h => h.Systems, (h, v) => h.Systems = v, h => h.Cameras, (h, v) => h.Cameras = v,
            h => h.FootageFrom, (h, v) => h.FootageFrom = v, h => h.FootageTo, (h, v) => h.FootageTo = v),
        RecordFields.Day<LegalHold>("review-by", "Review by", h => h.ReviewBy, (h, v) => h.ReviewBy = v ?? default),
        RecordFields.Text<LegalHold>("notes", "Notes", h => h.Notes, (h, v) => h.Notes = v, isLong: true),
    ];

    /// <summary>A hold as listed: its flag today ("review overdue", or null).</summary>
    public sealed record View(LegalHold Hold, string? Flag);

    /// <summary>"review overdue" for a hold still in force past its review day, else null.</summary>
    public static string? Flag(LegalHold hold, DateOnly today) => hold.Released is null && hold.ReviewBy < today ? "review overdue" : null;

    /// <summary>The holds in force (or every hold), soonest review first.</summary>
    public static async Task<List<View>> ListAsync(RegisterDb db, DateOnly today, bool all, CancellationToken cancel)
    {
        var holds = await db.LegalHolds.AsNoTracking().Where(h => all || h.Released == null).ToListAsync(cancel);
        return [.. holds.OrderBy(h => h.Released is not null).ThenBy(h => h.ReviewBy).ThenBy(h => h.Id).Select(h => new View(h, Flag(h, today)))];
    }

    /// <summary>Places a hold; the reason and the systems or cameras it covers must be given.</summary>
    public static async Task<LogBookRecords.Outcome> PlaceAsync(RegisterDb db, TimeProvider time, string actor, IReadOnlyDictionary<string, string?> values,
        CancellationToken cancel)
    {
        var today = LogBookRecords.Today(time);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var hold = new LegalHold { Placed = today, PlacedBy = actor, ReviewBy = today.AddDays(DefaultReviewDays) };
        var applied = await LogBookRecords.ApplyAsync(db, hold, Fields, values, cancel);
        var problems = applied.Problems.Concat(Check(hold)).ToList();
        if (!values.ContainsKey("reason"))
        {
            problems.Insert(0, ("reason", "Reason: must be given"));
        }
        if (problems.Count > 0)
        {
            return new(problems, null);
        }
        db.LegalHolds.Add(hold);
        await db.SaveChangesAsync(cancel);
        write.Record(ComplianceAudit.Create, LogBookRecords.Hold, SystemRecords.Key(hold.Id), null, Snapshot(hold));
        await write.CommitAsync(cancel);
        return new([], hold.Id);
    }

    /// <summary>Changes a hold in force (its review date, what it covers).</summary>
    public static async Task<LogBookRecords.Outcome> SetAsync(RegisterDb db, TimeProvider time, string actor, int id, IReadOnlyDictionary<string, string?> values,
        CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == id, cancel) is not { } hold)
        {
            return LogBookRecords.Outcome.Refused("hold", $"there is no hold with ID {SystemRecords.Key(id)}");
        }
        if (hold.Released is not null)
        {
            return LogBookRecords.Outcome.Refused("hold", $"hold {SystemRecords.Key(id)} was released on {LogBookRecords.Day(hold.Released.Value)}; place a new one", id);
        }
        var applied = await LogBookRecords.ApplyAsync(db, hold, Fields, values, cancel);
        var problems = applied.Problems.Concat(Check(hold)).ToList();
        if (problems.Count > 0)
        {
            return new(problems, id);
        }
        if (applied.Changed)
        {
            write.Record(ComplianceAudit.Update, LogBookRecords.Hold, SystemRecords.Key(id), applied.Before, applied.After);
            await write.CommitAsync(cancel);
        }
        return new([], id);
    }

    /// <summary>
    /// Releases a hold, with the reason. A hold placed by a subject access or disclosure request still open is released by
    /// closing that request, not here.
    /// </summary>
    public static async Task<LogBookRecords.Outcome> ReleaseAsync(RegisterDb db, TimeProvider time, string actor, int id, string reason, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return LogBookRecords.Outcome.Refused("reason", "Reason: say why the footage need no longer be kept", id);
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == id, cancel) is not { } hold)
        {
            return LogBookRecords.Outcome.Refused("hold", $"there is no hold with ID {SystemRecords.Key(id)}");
        }
        if (hold.Released is not null)
        {
            return LogBookRecords.Outcome.Refused("hold", $"hold {SystemRecords.Key(id)} was already released on {LogBookRecords.Day(hold.Released.Value)}", id);
        }
        if (await db.SubjectAccessRequests.Where(r => r.HoldId == id && r.Closed == null).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancel) is { } sar)
        {
            return LogBookRecords.Outcome.Refused("hold", $"hold {SystemRecords.Key(id)} preserves footage for subject access request {SystemRecords.Key(sar)}, still open: close the request to release it", id);
        }
        if (await db.Disclosures.Where(d => d.HoldId == id && d.Closed == null).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancel) is { } disclosure)
        {
            return LogBookRecords.Outcome.Refused("hold", $"hold {SystemRecords.Key(id)} preserves footage for disclosure request {SystemRecords.Key(disclosure)}, still open: close the request to release it", id);
        }
        Release(write, hold, LogBookRecords.Today(time), actor, reason.Trim());
        await write.CommitAsync(cancel);
        return new([], id);
    }

    /// <summary>Places a hold for a request (inside its write), covering the footage the request names.</summary>
    internal static async Task<LegalHold> PlaceForAsync(RegisterWrite write, HoldReason reason, string reference, string? systems, string? cameras,
        DateTimeOffset? from, DateTimeOffset? to, DateOnly today, DateOnly reviewBy, string actor, CancellationToken cancel)
    {
        var hold = new LegalHold
        {
            Reason = reason, Reference = reference, Systems = systems, Cameras = cameras, FootageFrom = from, FootageTo = to,
            Placed = today, PlacedBy = actor, ReviewBy = reviewBy,
        };
        write.Db.LegalHolds.Add(hold);
        await write.Db.SaveChangesAsync(cancel);
        write.Record(ComplianceAudit.Create, LogBookRecords.Hold, SystemRecords.Key(hold.Id), null, Snapshot(hold));
        return hold;
    }

    /// <summary>Makes a request's hold cover what the request now names (inside its write).</summary>
    internal static void Follow(RegisterWrite write, LegalHold hold, string? systems, string? cameras, DateTimeOffset? from, DateTimeOffset? to, DateOnly reviewBy)
    {
        var before = Snapshot(hold);
        (hold.Systems, hold.Cameras, hold.FootageFrom, hold.FootageTo, hold.ReviewBy) = (systems, cameras, from, to, reviewBy);
        if (Snapshot(hold) is var after && after != before)
        {
            write.Record(ComplianceAudit.Update, LogBookRecords.Hold, SystemRecords.Key(hold.Id), before, after);
        }
    }

    /// <summary>Releases a hold (inside a write).</summary>
    internal static void Release(RegisterWrite write, LegalHold hold, DateOnly today, string actor, string reason)
    {
        var before = Snapshot(hold);
        hold.Released = today;
        hold.ReleasedBy = actor;
        hold.ReleaseReason = reason;
        write.Record("release", LogBookRecords.Hold, SystemRecords.Key(hold.Id), before, Snapshot(hold));
    }

    private static IEnumerable<(string, string)> Check(LegalHold hold) =>
    [
        .. RecordFields.ListOf(hold.Systems).Count == 0 && RecordFields.ListOf(hold.Cameras).Count == 0
            ? [("systems", "Systems: name the systems or cameras whose footage is held")]
            : Array.Empty<(string, string)>(),
        .. LogBookRecords.Range(hold.FootageFrom, hold.FootageTo),
        .. LogBookRecords.NotBefore("review-by", "Review by", hold.ReviewBy, "the day it was placed", hold.Placed),
    ];

    internal static string Snapshot(LegalHold hold) => Data.Audit.AuditJson.Of(
        [.. Fields.Select(f => (f.Name, f.Audited(hold))).Where(p => p.Item2 is not null),
         ("placed", LogBookRecords.Day(hold.Placed)), ("placed-by", hold.PlacedBy),
         ("released", hold.Released is { } r ? LogBookRecords.Day(r) : null), ("released-by", hold.ReleasedBy), ("release-reason", hold.ReleaseReason)]);
}
