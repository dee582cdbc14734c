using Microsoft.EntityFrameworkCore;
using Sightline.Data.Compliance;
using Sightline.LogBook;

namespace Sightline.Data.LogBook;

/// <summary>
/// The disclosure log (`sightline logbook disclosure …`): requests from the police and other third parties, taken
/// through received → assessed → approved or refused (with the reason) → disclosed → closed. Every step is a day set, and
/// a step is refused until the ones before it are recorded: a disclosure needs an approval, its legal basis and who
/// authorised it. A request may hold the footage while it is decided; closing it releases the hold. Each change is audited.
/// </summary>
public static class Disclosures
{
    public static IReadOnlyList<RecordField<Disclosure>> Fields { get; } =
    [
        RecordFields.Day<Disclosure>("received", "Received", d => d.Received, (d, v) => d.Received = v ?? default),
        RecordFields.Text<Disclosure>("recipient", "Recipient (person)", d => Blank(d.RecipientPerson), (d, v) => d.RecipientPerson = v ?? ""),
        RecordFields.Text<Disclosure>("organisation", "Recipient's organisation", d => Blank(d.RecipientOrganisation), (d, v) => d.RecipientOrganisation = v ?? ""),
        RecordFields.Text<Disclosure>("reference", "Their reference", d => d.Reference, (d, v) => d.Reference = v, "a crime or incident number"),
        RecordFields.Text<Disclosure>("purpose", "Purpose", d => Blank(d.Purpose), (d, v) => d.Purpose = v ?? ""),
        RecordFields.Text<Disclosure>("legal-basis", "Legal basis", d => d.LegalBasis, (d, v) => d.LegalBasis = v, "e.g. DPA 2018 Sch. 2 para 2; DPA 2018 s.35"),
        RecordFields.Text<Disclosure>("sharing-agreement", "Sharing agreement", d => d.SharingAgreement, (d, v) => d.SharingAgreement = v),
        .. LogBookRecords.Footage<Disclosure>(d => d.Systems, (d, v) => d.Systems = v, d => d.Cameras, (d, v) => d.Cameras = v,
            d => d.FootageFrom, (d, v) => d.FootageFrom = v, d => d.FootageTo, (d, v) => d.FootageTo = v),
        RecordFields.Day<Disclosure>("assessed", "Assessed", d => d.Assessed, (d, v) => d.Assessed = v),
        RecordFields.Text<Disclosure>("assessment", "Assessment", d => d.Assessment, (d, v) => d.Assessment = v, "necessity, the basis, the agreement", isLong: true),
        RecordFields.OptionalWord<Disclosure, DisclosureDecision>("decision", "Decision", d => d.Decision, (d, v) => d.Decision = v),
        RecordFields.Text<Disclosure>("refusal-reason", "Refusal reason", d => d.RefusalReason, (d, v) => d.RefusalReason = v),
        RecordFields.Text<Disclosure>("authorised-by", "Authorised by", d => d.AuthorisedBy, (d, v) => d.AuthorisedBy = v),
        RecordFields.Day<Disclosure>("decided", "Decided", d => d.Decided, (d, v) => d.Decided = v),
        RecordFields.Text<Disclosure>("method", "Method", d => d.Method, (d, v) => d.Method = v, "secure transfer, encrypted media…"),
        RecordFields.Text<Disclosure>("what-disclosed", "What was disclosed", d => d.WhatDisclosed, (d, v) => d.WhatDisclosed = v, isLong: true),
        RecordFields.Day<Disclosure>("disclosed", "Disclosed", d => d.Disclosed, (d, v) => d.Disclosed = v),
        RecordFields.Day<Disclosure>("closed", "Closed", d => d.Closed, (d, v) => d.Closed = v),
    ];

    /// <summary>Days a request may wait for its decision before it is flagged.</summary>
    public const int DecisionDays = 14;

    /// <summary>A request as listed, with its flag today ("decision overdue" or null).</summary>
    public sealed record View(Disclosure Disclosure, string? Flag);

    /// <summary>"decision overdue" for a request not decided <see cref="DecisionDays"/> days after it arrived.</summary>
    public static string? Flag(Disclosure d, DateOnly today) =>
        d.Decision is null && d.Closed is null && today.DayNumber - d.Received.DayNumber > DecisionDays ? "decision overdue" : null;

    /// <summary>The open requests (or every one), oldest first.</summary>
    public static async Task<List<View>> ListAsync(RegisterDb db, DateOnly today, bool all, CancellationToken cancel)
    {
        var list = await db.Disclosures.AsNoTracking().Where(d => all || d.Closed == null).ToListAsync(cancel);
        return [.. list.OrderBy(d => d.Closed is not null).ThenBy(d => d.Received).ThenBy(d => d.Id).Select(d => new View(d, Flag(d, today)))];
    }

    /// <summary>One request, or null.</summary>
    public static Task<Disclosure?> FindAsync(RegisterDb db, int id, CancellationToken cancel) =>
        db.Disclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancel);

    /// <summary>Records a request; with <paramref name="hold"/>, holds the footage it names until it closes.</summary>
    public static async Task<LogBookRecords.Outcome> AddAsync(RegisterDb db, TimeProvider time, string actor, IReadOnlyDictionary<string, string?> values,
        bool hold, CancellationToken cancel)
    {
        var today = LogBookRecords.Today(time);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var disclosure = new Disclosure { Received = today };
        var applied = await LogBookRecords.ApplyAsync(db, disclosure, Fields, values, cancel);
        var problems = applied.Problems.Concat(Check(disclosure, today)).ToList();
        if (hold && RecordFields.ListOf(disclosure.Systems).Count == 0 && RecordFields.ListOf(disclosure.Cameras).Count == 0)
        {
            problems.Add(("systems", "Systems: name the systems or cameras whose footage to hold"));
        }
        if (problems.Count > 0)
        {
            return new(problems, null);
        }
        db.Disclosures.Add(disclosure);
        await db.SaveChangesAsync(cancel);
        var key = SystemRecords.Key(disclosure.Id);
        write.Record(ComplianceAudit.Create, LogBookRecords.Disclosure, key, null, RecordFields.Snapshot(disclosure, Fields));
        if (hold)
        {
            disclosure.HoldId = (await LegalHolds.PlaceForAsync(write, HoldReason.DisclosureRequest, $"{LogBookRecords.Disclosure}:{key}", disclosure.Systems,
                disclosure.Cameras, disclosure.FootageFrom, disclosure.FootageTo, today, today.AddDays(LegalHolds.DefaultReviewDays), actor, cancel)).Id;
        }
        await write.CommitAsync(cancel);
        return new([], disclosure.Id);
    }

    /// <summary>Changes a request: each step is a day set with what it needs. Closing it releases its hold.</summary>
    public static async Task<LogBookRecords.Outcome> SetAsync(RegisterDb db, TimeProvider time, string actor, int id, IReadOnlyDictionary<string, string?> values,
        CancellationToken cancel)
    {
        var today = LogBookRecords.Today(time);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Disclosures.SingleOrDefaultAsync(d => d.Id == id, cancel) is not { } disclosure)
        {
            return LogBookRecords.Outcome.Refused("disclosure", $"there is no disclosure request with ID {SystemRecords.Key(id)}");
        }
        var wasClosed = disclosure.Closed;
        var applied = await LogBookRecords.ApplyAsync(db, disclosure, Fields, values, cancel);
        // As for a subject access request: a closed request changes only by being reopened or its closing day corrected.
        if (wasClosed is { } closedOn && disclosure.Closed == closedOn && applied.Changed)
        {
            return LogBookRecords.Outcome.Refused("disclosure", $"disclosure request {SystemRecords.Key(id)} was closed on {LogBookRecords.Day(closedOn)}; reopen it by clearing --closed", id);
        }
        var problems = applied.Problems.Concat(Check(disclosure, today)).ToList();
        if (problems.Count > 0)
        {
            return new(problems, id);
        }
        if (!applied.Changed)
        {
            return new([], id);
        }
        write.Record(ComplianceAudit.Update, LogBookRecords.Disclosure, SystemRecords.Key(id), applied.Before, applied.After);
        if (disclosure.HoldId is { } holdId && await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == holdId, cancel) is { Released: null } hold)
        {
            if (disclosure.Closed is not null)
            {
                LegalHolds.Release(write, hold, today, actor, $"disclosure request {SystemRecords.Key(id)} closed");
            }
            else
            {
                LegalHolds.Follow(write, hold, disclosure.Systems, disclosure.Cameras, disclosure.FootageFrom, disclosure.FootageTo, hold.ReviewBy);
            }
        }
        await write.CommitAsync(cancel);
        return new([], id);
    }

    /// <summary>What is wrong with a request as it stands, by the order its steps must come in.</summary>
    public static IEnumerable<(string Field, string Message)> Check(Disclosure d, DateOnly today)
    {
        if (d.Received == default)
        {
            yield return ("received", "Received: must be given");
            yield break;
        }
        foreach (var (field, label, value) in new[] { ("recipient", "Recipient (person)", d.RecipientPerson), ("organisation", "Recipient's organisation", d.RecipientOrganisation), ("purpose", "Purpose", d.Purpose) })
        {
            if (value.Length == 0)
            {
                yield return (field, $"{label}: must be given");
            }
        }
        foreach (var problem in LogBookRecords.Range(d.FootageFrom, d.FootageTo))
        {
            yield return problem;
        }
        var steps = new (string Field, string Label, DateOnly? Day)[]
        {
            ("received", "Received", d.Received), ("assessed", "Assessed", d.Assessed), ("decided", "Decided", d.Decided),
            ("disclosed", "Disclosed", d.Disclosed), ("closed", "Closed", d.Closed),
        };
        for (var i = 1; i < steps.Length; i++)
        {
            if (steps[i].Day is { } day && day > today)
            {
                yield return (steps[i].Field, $"{steps[i].Label}: {LogBookRecords.Day(day)} is after today");
            }
            var earlier = steps.Take(i).LastOrDefault(s => s.Day is not null);
            foreach (var problem in LogBookRecords.NotBefore(steps[i].Field, steps[i].Label, steps[i].Day, $"the day it was {earlier.Label.ToLowerInvariant()}", earlier.Day))
            {
                yield return problem;
            }
        }
        if (d.Decision is not null)
        {
            if (d.Assessed is null)
            {
                yield return ("decision", "Decision: record the assessment (its day) first");
            }
            if (string.IsNullOrWhiteSpace(d.AuthorisedBy))
            {
                yield return ("authorised-by", "Authorised by: name who made the decision");
            }
            if (d.Decided is null)
            {
                yield return ("decided", "Decided: give the day of the decision");
            }
        }
        else if (d.Decided is not null)
        {
            yield return ("decision", "Decision: approved or refused");
        }
        if (d.Decision == DisclosureDecision.Approved && string.IsNullOrWhiteSpace(d.LegalBasis))
        {
            yield return ("legal-basis", "Legal basis: an approval needs the basis it relies on");
        }
        if (d.Decision == DisclosureDecision.Refused && string.IsNullOrWhiteSpace(d.RefusalReason))
        {
            yield return ("refusal-reason", "Refusal reason: say why it was refused");
        }
        if (d.Disclosed is not null)
        {
            if (d.Decision != DisclosureDecision.Approved)
            {
                yield return ("disclosed", "Disclosed: only an approved request is disclosed");
            }
            if (string.IsNullOrWhiteSpace(d.Method))
            {
                yield return ("method", "Method: say how it was handed over");
            }
            if (string.IsNullOrWhiteSpace(d.WhatDisclosed))
            {
                yield return ("what-disclosed", "What was disclosed: say what was handed over");
            }
        }
        if (d.Closed is not null && d.Decision is null)
        {
            yield return ("closed", "Closed: decide the request (approved or refused) first");
        }
        if (d.Closed is not null && d.Decision == DisclosureDecision.Approved && d.Disclosed is null)
        {
            yield return ("closed", "Closed: an approved request is closed once disclosed (record the day it was)");
        }
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
