using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Compliance;
using Sightline.Procurement;
using Sightline.Register;

namespace Sightline.Data.Procurement;

/// <summary>
/// Exclusion checks under the Procurement Act 2023 for each bidder on a case and its connected and associated persons:
/// grounds assessed (with the 5-year look-back), debarment-list checks, associated persons and their replacement, and the
/// decision with its reasons, checked against s.57. Every change is audited on the case.
/// </summary>
public static class Exclusions
{
    /// <summary>A ground that counts against a bidder on a day: it applies, its event is inside the look-back, and the circumstances continue or may recur.</summary>
    public sealed record Counting(GroundAssessment Assessment, ExclusionGround Ground);

    /// <summary>Where a bidder stands on a day: its persons, assessments, checks, the grounds that count, what s.57 makes it, and the decision.</summary>
    public sealed record Standing(Supplier Bidder, IReadOnlyList<(PersonKind Kind, string Name)> Persons, IReadOnlyList<AssociatedPerson> Associates,
        IReadOnlyList<GroundAssessment> Assessments, IReadOnlyList<DebarmentCheck> Checks, IReadOnlyList<Counting> Counts, ExclusionOutcome Status,
        ExclusionDecision? Decision)
    {
        /// <summary>The persons with no debarment check on record.</summary>
        public IEnumerable<string> Unchecked => Persons.Where(p => !Checks.Any(c => c.PersonKind == p.Kind && c.Person == p.Name)).Select(p => p.Name);
    }

    /// <summary>The words for where a bidder stands under s.57.</summary>
    public static string StatusWords(ExclusionOutcome status) => status switch
    {
        ExclusionOutcome.Excluded => "an excluded supplier",
        ExclusionOutcome.ExcludableExcluded or ExclusionOutcome.ExcludableNotExcluded => "an excludable supplier",
        _ => "neither excluded nor excludable",
    };

    /// <summary>
    /// Whether an assessment counts against its bidder on <paramref name="today"/>, and if not why not, in the words the CLI,
    /// the case page and the API give.
    /// </summary>
    public static string AssessmentWords(ExclusionGrounds grounds, Standing standing, GroundAssessment assessment, DateOnly today) =>
        !assessment.Applies ? "does not apply"
        : standing.Counts.Any(c => c.Assessment.Id == assessment.Id) ? "counts"
        : assessment.EventOn is { } on && !grounds.Counts(on, today) ? $"outside the {grounds.LookBackYears.ToString(CultureInfo.InvariantCulture)}-year look-back: does not count"
        : !assessment.Continuing ? "applies but is not continuing or likely to recur: does not count"
        : "superseded or about a replaced person: does not count";

    /// <summary>Where each bidder on a case stands on <paramref name="today"/>.</summary>
    public static async Task<List<Standing>> StandingsAsync(RegisterDb db, ExclusionGrounds grounds, int caseId, DateOnly today, CancellationToken cancel)
    {
        var bidders = await db.CaseBidders.AsNoTracking().Where(b => b.CaseId == caseId)
            .Join(db.Suppliers.AsNoTracking(), b => b.SupplierId, s => s.Id, (_, s) => s).OrderBy(s => s.Id).ToListAsync(cancel);
        var associates = await db.AssociatedPersons.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id).ToListAsync(cancel);
        var assessments = await db.GroundAssessments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id).ToListAsync(cancel);
        var checks = await db.DebarmentChecks.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.Id).ToListAsync(cancel);
        var decisions = await db.ExclusionDecisions.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(cancel);
        return bidders.ConvertAll(bidder =>
        {
            var own = associates.Where(a => a.SupplierId == bidder.Id).ToList();
            var persons = Persons(bidder, own);
            bool Current(PersonKind kind, string name) => persons.Contains((kind, name));
            var assessed = assessments.Where(a => a.SupplierId == bidder.Id).ToList();
            var checkedList = checks.Where(c => c.SupplierId == bidder.Id).ToList();
            // The latest assessment of each ground for each person is the one that stands.
            var latest = assessed.GroupBy(a => (a.PersonKind, a.Person, a.Ground)).Select(g => g.Last()).Where(a => Current(a.PersonKind, a.Person));
            var counts = latest.Where(a => a.Applies && a.Continuing && a.EventOn is { } on && grounds.Counts(on, today) && grounds.Find(a.Ground) is not null)
                .Select(a => new Counting(a, grounds.Find(a.Ground)!)).ToList();
            var listed = checkedList.GroupBy(c => (c.PersonKind, c.Person)).Select(g => g.Last()).Where(c => Current(c.PersonKind, c.Person)).Select(c => c.Result).ToList();
            var status = counts.Any(c => c.Ground.Mandatory) || listed.Contains(DebarmentResult.ListedMandatory) ? ExclusionOutcome.Excluded
                : counts.Count > 0 || listed.Contains(DebarmentResult.ListedDiscretionary) ? ExclusionOutcome.ExcludableExcluded
                : ExclusionOutcome.Clear;
            return new Standing(bidder, persons, own, assessed, checkedList, counts, status, decisions.SingleOrDefault(d => d.SupplierId == bidder.Id));
        });
    }

    /// <summary>
    /// Records one ground's assessment for a person of a bidder. A ground that applies needs the event's day (not in the
    /// future); the national-security ground needs the Minister's notification (day and reference). Null when done, else why not.
    /// </summary>
    public static async Task<string?> AssessAsync(RegisterDb db, ExclusionGrounds grounds, TimeProvider time, string actor, int caseId, int supplierId,
        string? person, string groundId, bool applies, string? eventOn, bool continuing, string? ministerNotified, string? ministerReference, string? notes,
        CancellationToken cancel)
    {
        var today = Today(time);
        if (grounds.Find(groundId) is not { } ground)
        {
            return $"ground: no ground '{groundId}' in the exclusion grounds (see `sightline procurement grounds`)";
        }
        DateOnly? happened = null;
        if (eventOn is not null)
        {
            if (RecordFields.ParseDay(eventOn) is not { } day)
            {
                return $"event: '{eventOn}' is not a date written YYYY-MM-DD";
            }
            if (day > today)
            {
                return $"event: {Day(day)} is after today ({Day(today)})";
            }
            happened = day;
        }
        if (applies && happened is null)
        {
            return $"event: give the day of the conviction or event that makes {ground.Id} apply (the look-back counts from it)";
        }
        DateOnly? notified = null;
        if (ministerNotified is not null)
        {
            if (RecordFields.ParseDay(ministerNotified) is not { } day)
            {
                return $"minister-notified: '{ministerNotified}' is not a date written YYYY-MM-DD";
            }
            notified = day;
        }
        ministerReference = string.IsNullOrWhiteSpace(ministerReference) ? null : ministerReference.Trim();
        if (ground.NationalSecurity && applies && (notified is null || ministerReference is null))
        {
            return $"ground {ground.Id}: national security can be found to apply only with the Minister's notification on record (give --minister-notified DATE and --minister-ref)";
        }
        notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (notes is { Length: > RecordFields.MaxLength })
        {
            return $"notes: at most {RecordFields.MaxLength} characters";
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var who = await PersonAsync(db, caseId, supplierId, person, cancel);
        if (who.Problem is not null)
        {
            return who.Problem;
        }
        var name = who.Name!;
        db.GroundAssessments.Add(new GroundAssessment
        {
            CaseId = caseId, SupplierId = supplierId, PersonKind = who.Kind!.Value, Person = name, Ground = ground.Id, Applies = applies, EventOn = happened,
            Continuing = continuing, MinisterNotifiedOn = notified, MinisterReference = ministerReference, Notes = notes, AssessedBy = actor, AssessedOn = today,
        });
        write.Record(ProcurementAudit.AssessGround, ProcurementAudit.Case, ProcurementCases.Key(caseId), null, AuditJson.Of(("supplier", Key(supplierId)),
            ("person", name), ("ground", ground.Id), ("applies", applies ? "yes" : "no"), ("event", happened is { } h ? Day(h) : null),
            ("continuing", continuing ? "yes" : "no"), ("minister-notified", notified is { } n ? Day(n) : null), ("minister-ref", ministerReference)));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Records a debarment-list check for a person of a bidder (default: the bidder), on a day (default today). Null when done, else why not.</summary>
    public static async Task<string?> CheckDebarmentAsync(RegisterDb db, TimeProvider time, string actor, int caseId, int supplierId, string? person,
        string result, string? checkedOn, string? reference, CancellationToken cancel)
    {
        var today = Today(time);
        if (Words.Parse<DebarmentResult>(result) is not { } found)
        {
            return $"result: '{result}' is not one of {Words.List<DebarmentResult>()}";
        }
        var on = today;
        if (checkedOn is not null)
        {
            if (RecordFields.ParseDay(checkedOn) is not { } day)
            {
                return $"checked: '{checkedOn}' is not a date written YYYY-MM-DD";
            }
            if (day > today)
            {
                return $"checked: {Day(day)} is after today ({Day(today)})";
            }
            on = day;
        }
        reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var who = await PersonAsync(db, caseId, supplierId, person, cancel);
        if (who.Problem is not null)
        {
            return who.Problem;
        }
        db.DebarmentChecks.Add(new DebarmentCheck
        {
            CaseId = caseId, SupplierId = supplierId, PersonKind = who.Kind!.Value, Person = who.Name!, CheckedOn = on, Result = found, Reference = reference, CheckedBy = actor,
        });
        write.Record(ProcurementAudit.CheckDebarment, ProcurementAudit.Case, ProcurementCases.Key(caseId), null, AuditJson.Of(("supplier", Key(supplierId)),
            ("person", who.Name), ("checked", Day(on)), ("result", Words.Of(found)), ("reference", reference)));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Records an associated person (consortium member or sub-contractor) a bidder relies on. Null when done, else why not.</summary>
    public static async Task<string?> AddAssociateAsync(RegisterDb db, TimeProvider time, string actor, int caseId, int supplierId, string name, string? role,
        CancellationToken cancel)
    {
        name = name.Trim();
        role = string.IsNullOrWhiteSpace(role) ? "sub-contractor" : role.Trim();
        if (name.Length is 0 or > 200)
        {
            return "name: give the associated person's name, in at most 200 characters";
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await BidderProblemAsync(db, caseId, supplierId, cancel) is { } problem)
        {
            return problem;
        }
        if (await db.AssociatedPersons.AnyAsync(a => a.CaseId == caseId && a.SupplierId == supplierId && a.Name == name && a.ReplacedOn == null, cancel))
        {
            return $"'{name}' is already an associated person of supplier {Key(supplierId)} on case {ProcurementCases.Key(caseId)}";
        }
        db.AssociatedPersons.Add(new AssociatedPerson { CaseId = caseId, SupplierId = supplierId, Name = name, Role = role });
        write.Record(ProcurementAudit.AddAssociate, ProcurementAudit.Case, ProcurementCases.Key(caseId), null,
            AuditJson.Of(("supplier", Key(supplierId)), ("associate", name), ("role", role)));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>
    /// Replaces an associated person with another (the Act's chance to replace instead of being excluded): the old one keeps
    /// its record but no longer counts; the reason is required. Null when done, else why not.
    /// </summary>
    public static async Task<string?> ReplaceAssociateAsync(RegisterDb db, TimeProvider time, string actor, int caseId, int supplierId, string name,
        string replacement, string? reason, CancellationToken cancel)
    {
        replacement = replacement.Trim();
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return "reason: say why the associated person is replaced";
        }
        if (replacement.Length is 0 or > 200)
        {
            return "with: give the replacement's name, in at most 200 characters";
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await BidderProblemAsync(db, caseId, supplierId, cancel) is { } problem)
        {
            return problem;
        }
        if (await db.AssociatedPersons.SingleOrDefaultAsync(a => a.CaseId == caseId && a.SupplierId == supplierId && a.Name == name.Trim() && a.ReplacedOn == null, cancel)
            is not { } old)
        {
            return $"'{name}' is not a current associated person of supplier {Key(supplierId)} on case {ProcurementCases.Key(caseId)}";
        }
        var successor = new AssociatedPerson { CaseId = caseId, SupplierId = supplierId, Name = replacement, Role = old.Role };
        db.AssociatedPersons.Add(successor);
        await db.SaveChangesAsync(cancel);
        old.ReplacedOn = Today(time);
        old.ReplacedBecause = reason;
        old.ReplacedById = successor.Id;
        write.Record(ProcurementAudit.ReplaceAssociate, ProcurementAudit.Case, ProcurementCases.Key(caseId), AuditJson.Of(("supplier", Key(supplierId)), ("associate", old.Name)),
            AuditJson.Of(("supplier", Key(supplierId)), ("associate", replacement), ("reason", reason)));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>
    /// Records the decision on a bidder, checked against where it stands today (s.57): an excluded supplier must be excluded;
    /// an excludable one is excluded or not, with reasons; one that is neither is clear. Reasons are always required. Null when done, else why not.
    /// </summary>
    public static async Task<string?> DecideAsync(RegisterDb db, ExclusionGrounds grounds, TimeProvider time, string actor, int caseId, int supplierId,
        string outcomeWord, string? reasons, CancellationToken cancel)
    {
        if (Words.Parse<ExclusionOutcome>(outcomeWord) is not { } outcome)
        {
            return $"outcome: '{outcomeWord}' is not one of {Words.List<ExclusionOutcome>()}";
        }
        reasons = reasons?.Trim();
        if (string.IsNullOrEmpty(reasons))
        {
            return "reasons: a decision needs its reasons on record (--reason)";
        }
        if (reasons.Length > RecordFields.MaxLength)
        {
            return $"reasons: at most {RecordFields.MaxLength} characters";
        }
        var today = Today(time);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await BidderProblemAsync(db, caseId, supplierId, cancel) is { } problem)
        {
            return problem;
        }
        var standing = (await StandingsAsync(db, grounds, caseId, today, cancel)).Single(s => s.Bidder.Id == supplierId);
        var why = standing.Counts.Count == 0 ? "its debarment-list entry" : string.Join(", ", standing.Counts.Select(c => $"{c.Ground.Id} ({c.Assessment.Person})"));
        var refused = (standing.Status, outcome) switch
        {
            (ExclusionOutcome.Excluded, not ExclusionOutcome.Excluded) =>
                $"outcome: {standing.Bidder.LegalName} is an excluded supplier because of {why}, so it must be excluded (s.57)",
            (ExclusionOutcome.ExcludableExcluded, ExclusionOutcome.Excluded or ExclusionOutcome.Clear) =>
                $"outcome: {standing.Bidder.LegalName} is an excludable supplier because of {why}: decide excludable-excluded or excludable-not-excluded",
            (ExclusionOutcome.Clear, not ExclusionOutcome.Clear) =>
                $"outcome: no ground counts against {standing.Bidder.LegalName} within the {grounds.LookBackYears.ToString(CultureInfo.InvariantCulture)}-year look-back and it is not debarred, so it is clear",
            _ => null,
        };
        if (refused is not null)
        {
            return refused;
        }
        var decision = await db.ExclusionDecisions.SingleOrDefaultAsync(d => d.CaseId == caseId && d.SupplierId == supplierId, cancel);
        var before = decision is null ? null : AuditJson.Of(("supplier", Key(supplierId)), ("outcome", Words.Of(decision.Outcome)), ("reasons", decision.Reasons));
        if (decision is null)
        {
            decision = new ExclusionDecision { CaseId = caseId, SupplierId = supplierId };
            db.ExclusionDecisions.Add(decision);
        }
        decision.Outcome = outcome;
        decision.Reasons = reasons;
        decision.DecidedBy = actor;
        decision.DecidedOn = today;
        write.Record(ProcurementAudit.Decide, ProcurementAudit.Case, ProcurementCases.Key(caseId), before,
            AuditJson.Of(("supplier", Key(supplierId)), ("outcome", Words.Of(outcome)), ("reasons", reasons)));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Why a case cannot reach award on <paramref name="today"/>, or null: bidders, debarment checks of every person, decisions still true.</summary>
    public static async Task<string?> AwardProblemAsync(RegisterDb db, int caseId, DateOnly today, CancellationToken cancel)
    {
        // The grounds' look-back is the only part of them the award gate needs; 5 years is the Act's and the shipped file's.
        var grounds = new ExclusionGrounds("", "", "", 5, []);
        var standings = await StandingsAsync(db, grounds, caseId, today, cancel);
        if (standings.Count == 0)
        {
            return "stage award: record the bidders first";
        }
        var problems = new List<string>();
        foreach (var s in standings)
        {
            var missing = s.Unchecked.ToList();
            if (missing.Count > 0)
            {
                problems.Add($"no debarment-list check on record for {string.Join(", ", missing)} (bidder {Key(s.Bidder.Id)})");
            }
            if (s.Decision is null)
            {
                problems.Add($"no exclusion decision on record for {s.Bidder.LegalName} (bidder {Key(s.Bidder.Id)})");
            }
        }
        if (problems.Count == 0 && standings.All(s => s.Decision!.Outcome is ExclusionOutcome.Excluded or ExclusionOutcome.ExcludableExcluded))
        {
            problems.Add("every bidder is excluded");
        }
        return problems.Count == 0 ? null : "stage award: " + string.Join("; ", problems);
    }

    /// <summary>A bidder's persons: itself, its connected persons (from its supplier record), and its current associated persons on the case.</summary>
    public static List<(PersonKind Kind, string Name)> Persons(Supplier bidder, IEnumerable<AssociatedPerson> associates) =>
    [
        (PersonKind.Bidder, bidder.LegalName),
        .. RecordFields.ListOf(bidder.ConnectedPersons).Select(p => (PersonKind.Connected, p)),
        .. associates.Where(a => a.ReplacedOn is null).Select(a => (PersonKind.Associated, a.Name)),
    ];

    private static async Task<(PersonKind? Kind, string? Name, string? Problem)> PersonAsync(RegisterDb db, int caseId, int supplierId, string? person,
        CancellationToken cancel)
    {
        if (await BidderProblemAsync(db, caseId, supplierId, cancel) is { } problem)
        {
            return (null, null, problem);
        }
        var bidder = await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == supplierId, cancel);
        var associates = await db.AssociatedPersons.AsNoTracking().Where(a => a.CaseId == caseId && a.SupplierId == supplierId).ToListAsync(cancel);
        var persons = Persons(bidder, associates);
        if (string.IsNullOrWhiteSpace(person))
        {
            return (PersonKind.Bidder, bidder.LegalName, null);
        }
        var match = persons.Where(p => string.Equals(p.Name, person.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count > 0
            ? (match[0].Kind, match[0].Name, null)
            : (null, null, $"person: '{person}' is not {bidder.LegalName}, one of its connected persons or a current associated person on case {ProcurementCases.Key(caseId)} ({string.Join("; ", persons.Select(p => p.Name))})");
    }

    private static async Task<string?> BidderProblemAsync(RegisterDb db, int caseId, int supplierId, CancellationToken cancel)
    {
        if (!await db.ProcurementCases.AnyAsync(c => c.Id == caseId, cancel))
        {
            return $"there is no procurement case {ProcurementCases.Key(caseId)}";
        }
        return await db.CaseBidders.AnyAsync(b => b.CaseId == caseId && b.SupplierId == supplierId, cancel)
            ? null
            : $"supplier {Key(supplierId)} is not a bidder on case {ProcurementCases.Key(caseId)} (add it with `sightline procurement case bidder`)";
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
