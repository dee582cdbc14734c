using Microsoft.EntityFrameworkCore;
using Sightline.Data.Compliance;
using Sightline.LogBook;

namespace Sightline.Data.LogBook;

/// <summary>
/// Subject access requests for footage (`sightline sar …`, the web's log book, /api/v1/sars). Recording one places a hold
/// on the footage it names at once; its hold follows what the request names and is released when it closes. Its due day
/// is <see cref="SarClock"/>'s. The requester's name, contact and description are personal data: the audit log records
/// that they changed, never their values.
/// </summary>
public static class SubjectAccessRequests
{
    public static IReadOnlyList<RecordField<SubjectAccessRequest>> Fields { get; } =
    [
        RecordFields.Day<SubjectAccessRequest>("received", "Received", r => r.Received, (r, v) => r.Received = v ?? default),
        RecordFields.Text<SubjectAccessRequest>("channel", "Channel", r => r.Channel, (r, v) => r.Channel = v, "email, letter, web form, in person…"),
        RecordFields.Text<SubjectAccessRequest>("requester", "Requester", r => NullIfEmpty(r.Requester), (r, v) => r.Requester = v ?? "") with { Personal = true },
        RecordFields.Text<SubjectAccessRequest>("contact", "Contact", r => r.Contact, (r, v) => r.Contact = v) with { Personal = true },
        RecordFields.Text<SubjectAccessRequest>("description", "Description", r => r.Description, (r, v) => r.Description = v,
            "what they said to find them by: places, times, clothing", isLong: true) with { Personal = true },
        RecordFields.Day<SubjectAccessRequest>("identity-verified", "Identity verified", r => r.IdentityVerified, (r, v) => r.IdentityVerified = v),
        RecordFields.Day<SubjectAccessRequest>("clock-started", "Clock started", r => r.ClockStarted, (r, v) => r.ClockStarted = v),
        .. LogBookRecords.Footage<SubjectAccessRequest>(r => r.Systems, (r, v) => r.Systems = v, r => r.Cameras, (r, v) => r.Cameras = v,
            r => r.FootageFrom, (r, v) => r.FootageFrom = v, r => r.FootageTo, (r, v) => r.FootageTo = v),
        RecordFields.Day<SubjectAccessRequest>("searched", "Searched", r => r.Searched, (r, v) => r.Searched = v),
        RecordFields.Whole<SubjectAccessRequest>("extension-months", "Extension (months)", r => r.ExtensionMonths, (r, v) => r.ExtensionMonths = v, 0, SarClock.MaxExtensionMonths),
        RecordFields.Text<SubjectAccessRequest>("extension-reason", "Extension reason", r => r.ExtensionReason, (r, v) => r.ExtensionReason = v),
        RecordFields.Day<SubjectAccessRequest>("extension-told", "Requester told of extension", r => r.ExtensionTold, (r, v) => r.ExtensionTold = v),
        RecordFields.OptionalWord<SubjectAccessRequest, Redaction>("redaction", "Third parties protected by", r => r.Redaction, (r, v) => r.Redaction = v),
        RecordFields.Day<SubjectAccessRequest>("supplied", "Supplied", r => r.Supplied, (r, v) => r.Supplied = v),
        RecordFields.OptionalWord<SubjectAccessRequest, SarOutcome>("outcome", "Outcome", r => r.Outcome, (r, v) => r.Outcome = v),
        RecordFields.Day<SubjectAccessRequest>("closed", "Closed", r => r.Closed, (r, v) => r.Closed = v),
        RecordFields.Text<SubjectAccessRequest>("notes", "Notes", r => r.Notes, (r, v) => r.Notes = v, isLong: true),
    ];

    /// <summary>A request as listed: its due day, and its flag today ("overdue", "due soon" or null).</summary>
    public sealed record View(SubjectAccessRequest Request, DateOnly Due, string? Flag);

    /// <summary>The open requests (or every one), soonest due first.</summary>
    public static async Task<List<View>> ListAsync(RegisterDb db, SarClock clock, DateOnly today, bool all, CancellationToken cancel)
    {
        var requests = await db.SubjectAccessRequests.AsNoTracking().Where(r => all || r.Closed == null).ToListAsync(cancel);
        return [.. requests.Select(r => new View(r, clock.Due(r), clock.Flag(r, today))).OrderBy(v => v.Request.Closed is not null).ThenBy(v => v.Due).ThenBy(v => v.Request.Id)];
    }

    /// <summary>One request, or null.</summary>
    public static Task<SubjectAccessRequest?> FindAsync(RegisterDb db, int id, CancellationToken cancel) =>
        db.SubjectAccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancel);

    /// <summary>Records a request (received and requester required) and places a hold on the footage it names, or on every system's when it names none.</summary>
    public static async Task<LogBookRecords.Outcome> AddAsync(RegisterDb db, SarClock clock, TimeProvider time, string actor,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        var today = LogBookRecords.Today(time);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var request = new SubjectAccessRequest { Received = today };
        var applied = await LogBookRecords.ApplyAsync(db, request, Fields, values, cancel);
        var problems = applied.Problems.Concat(Check(request, clock)).ToList();
        if (problems.Count > 0)
        {
            return new(problems, null);
        }
        if (request.Received > today)
        {
            return LogBookRecords.Outcome.Refused("received", $"Received: {LogBookRecords.Day(request.Received)} is after today");
        }
        db.SubjectAccessRequests.Add(request);
        await db.SaveChangesAsync(cancel);
        var key = SystemRecords.Key(request.Id);
        write.Record(ComplianceAudit.Create, LogBookRecords.Sar, key, null, RecordFields.Snapshot(request, Fields));
        var hold = await LegalHolds.PlaceForAsync(write, HoldReason.SubjectAccess, $"{LogBookRecords.Sar}:{key}", HeldSystems(request, await AllSystemsAsync(db, cancel)),
            request.Cameras, request.FootageFrom, request.FootageTo, today, clock.Due(request), actor, cancel);
        request.HoldId = hold.Id;
        await write.CommitAsync(cancel);
        return new([], request.Id);
    }

    /// <summary>
    /// Changes a request: a step taken (verified, searched, extended, supplied, closed) is a day set. Its hold follows what
    /// it names and its due day; closing it releases the hold.
    /// </summary>
    public static async Task<LogBookRecords.Outcome> SetAsync(RegisterDb db, SarClock clock, TimeProvider time, string actor, int id,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        var today = LogBookRecords.Today(time);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.SubjectAccessRequests.SingleOrDefaultAsync(r => r.Id == id, cancel) is not { } request)
        {
            return LogBookRecords.Outcome.Refused("sar", $"there is no subject access request with ID {SystemRecords.Key(id)}");
        }
        var wasClosed = request.Closed;
        var applied = await LogBookRecords.ApplyAsync(db, request, Fields, values, cancel);
        // A closed request changes only by being reopened (its closing day cleared) or its closing day corrected; a web
        // form posts every field, so the closing day given unchanged is not a reopening.
        if (wasClosed is { } closedOn && request.Closed == closedOn && applied.Changed)
        {
            return LogBookRecords.Outcome.Refused("sar", $"subject access request {SystemRecords.Key(id)} was closed on {LogBookRecords.Day(closedOn)}; reopen it by clearing --closed", id);
        }
        var problems = applied.Problems.Concat(Check(request, clock)).ToList();
        foreach (var (field, day) in new[] { ("identity-verified", request.IdentityVerified), ("searched", request.Searched), ("supplied", request.Supplied), ("closed", request.Closed) })
        {
            if (day > today && values.ContainsKey(field))
            {
                problems.Add((field, $"{Fields.First(f => f.Name == field).Label}: {LogBookRecords.Day(day.Value)} is after today"));
            }
        }
        if (problems.Count > 0)
        {
            return new(problems, id);
        }
        if (!applied.Changed)
        {
            return new([], id);
        }
        write.Record(ComplianceAudit.Update, LogBookRecords.Sar, SystemRecords.Key(id), applied.Before, applied.After);
        if (request.HoldId is { } holdId && await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == holdId, cancel) is { } hold)
        {
            if (request.Closed is not null && hold.Released is null)
            {
                LegalHolds.Release(write, hold, today, actor, $"subject access request {SystemRecords.Key(id)} closed");
            }
            else if (request.Closed is null && hold.Released is null)
            {
                LegalHolds.Follow(write, hold, HeldSystems(request, await AllSystemsAsync(db, cancel)), request.Cameras, request.FootageFrom, request.FootageTo, clock.Due(request));
            }
            else if (request.Closed is null)
            {
                // Reopened after its hold was released: preserve the footage again.
                request.HoldId = (await LegalHolds.PlaceForAsync(write, HoldReason.SubjectAccess, $"{LogBookRecords.Sar}:{SystemRecords.Key(id)}",
                    HeldSystems(request, await AllSystemsAsync(db, cancel)), request.Cameras, request.FootageFrom, request.FootageTo, today, clock.Due(request), actor, cancel)).Id;
            }
        }
        await write.CommitAsync(cancel);
        return new([], id);
    }

    /// <summary>What is wrong with a request as it stands, by the order its steps must come in.</summary>
    public static IEnumerable<(string Field, string Message)> Check(SubjectAccessRequest r, SarClock clock)
    {
        if (r.Received == default)
        {
            yield return ("received", "Received: must be given");
            yield break;
        }
        if (r.Requester.Length == 0)
        {
            yield return ("requester", "Requester: must be given");
        }
        foreach (var (field, label, day) in new[]
        {
            ("identity-verified", "Identity verified", r.IdentityVerified), ("clock-started", "Clock started", r.ClockStarted),
            ("searched", "Searched", r.Searched), ("extension-told", "Requester told of extension", r.ExtensionTold),
            ("supplied", "Supplied", r.Supplied), ("closed", "Closed", r.Closed),
        })
        {
            foreach (var problem in LogBookRecords.NotBefore(field, label, day, "the day it was received", r.Received))
            {
                yield return problem;
            }
        }
        foreach (var problem in LogBookRecords.Range(r.FootageFrom, r.FootageTo))
        {
            yield return problem;
        }
        if (r.ExtensionMonths > 0)
        {
            if (string.IsNullOrWhiteSpace(r.ExtensionReason))
            {
                yield return ("extension-reason", "Extension reason: say why the request is complex or one of several");
            }
            if (r.ExtensionTold is not { } told)
            {
                yield return ("extension-told", "Requester told of extension: give the day the requester was told, within the first month");
            }
            else if (told > clock.FirstDue(r))
            {
                yield return ("extension-told", $"Requester told of extension: {LogBookRecords.Day(told)} is after the first month ended ({LogBookRecords.Day(clock.FirstDue(r))}); an extension must be told within it");
            }
        }
        else if (r.ExtensionReason is not null || r.ExtensionTold is not null)
        {
            yield return ("extension-months", "Extension (months): give 1 or 2 with the extension's reason and the day the requester was told");
        }
        var shown = r.Outcome is SarOutcome.CopySupplied or SarOutcome.ViewingGiven;
        if (r.Supplied is not null)
        {
            if (r.IdentityVerified is null)
            {
                yield return ("supplied", "Supplied: verify the requester's identity first");
            }
            if (r.Searched is null)
            {
                yield return ("supplied", "Supplied: record the search first");
            }
            if (!shown)
            {
                yield return ("outcome", "Outcome: say whether a copy was supplied (copy-supplied) or a viewing given (viewing-given)");
            }
            if (r.Redaction is null)
            {
                yield return ("redaction", $"Third parties protected by: say how ({Sightline.Register.Words.List<Redaction>()})");
            }
        }
        else if (shown)
        {
            yield return ("supplied", "Supplied: give the day footage was supplied or viewed");
        }
        if (r.Closed is not null && r.Outcome is null)
        {
            yield return ("outcome", "Outcome: say how the request ended before closing it");
        }
    }

    // A hold must cover something: with no systems or cameras named, every system's footage of the time asked for is kept.
    private static string? HeldSystems(SubjectAccessRequest request, string allSystems) =>
        RecordFields.ListOf(request.Systems).Count == 0 && RecordFields.ListOf(request.Cameras).Count == 0 ? allSystems : request.Systems;

    private static async Task<string> AllSystemsAsync(RegisterDb db, CancellationToken cancel) =>
        string.Join(';', (await db.Systems.Select(s => s.Id).OrderBy(i => i).ToListAsync(cancel)).Select(SystemRecords.Key));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
