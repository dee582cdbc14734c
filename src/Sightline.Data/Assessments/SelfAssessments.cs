using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;
using Sightline.Data.Audit;
using Sightline.Register;

namespace Sightline.Data.Assessments;

/// <summary>
/// Every change to a self-assessment, each in one <see cref="RegisterWrite"/> with its audit entry: start, answer,
/// evidence, findings accepted or rejected, actions, sign-off and publication. A refusal (the wrong state, an unknown
/// question, bad input) is a <see cref="RegisterException"/> saying what and where. Answers, evidence and new actions
/// change only in a draft; an action's status may change later too, since the plan is carried out after sign-off.
/// </summary>
public static class SelfAssessments
{
    /// <summary>The largest evidence file kept in the register.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The longest open answer, title or reason.</summary>
    public const int MaxText = 10_000;

    /// <summary>Starts a draft for the systems named (by name), following the current question set.</summary>
    public static async Task<SelfAssessment> StartAsync(RegisterDb db, TimeProvider time, string actor, string? title,
        IReadOnlyList<string> systems, string knowledgeFolder, CancellationToken cancel)
    {
        if (systems.Count == 0)
        {
            throw new RegisterException("name at least one system the assessment covers");
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var ids = new List<int>();
        foreach (var name in systems.Distinct(StringComparer.Ordinal))
        {
            var id = await db.Systems.Where(s => s.Name == name).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancel)
                ?? throw new RegisterException($"there is no system named '{name}' in the register");
            ids.Add(id);
        }
        var now = time.GetUtcNow();
        var set = await QuestionSets.CurrentOrShippedAsync(write, knowledgeFolder, now, cancel);
        var assessment = new SelfAssessment
        {
            Title = Limit(string.IsNullOrWhiteSpace(title) ? $"{string.Join(", ", systems)} {now:yyyy}" : title.Trim(), "title"),
            State = AssessmentState.Draft,
            QuestionSetId = set.Id,
            Started = now,
            StartedBy = actor,
        };
        db.SelfAssessments.Add(assessment);
        await db.SaveChangesAsync(cancel);
        db.AssessmentSystems.AddRange(ids.Select(id => new AssessmentSystem { AssessmentId = assessment.Id, SystemId = id }));
        write.Record(AssessmentAudit.Start, AssessmentAudit.Assessment, Key(assessment.Id), null, AuditJson.Of(
            ("title", assessment.Title), ("systems", string.Join(';', systems)), ("question set", $"{set.SetId} {set.Version}")));
        await write.CommitAsync(cancel);
        return assessment;
    }

    /// <summary>Sets a question's closed answer and open text (null leaves that part as it was).</summary>
    public static async Task AnswerAsync(RegisterDb db, TimeProvider time, string actor, int id, string questionId,
        ClosedAnswer? answer, string? text, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var (_, set) = await DraftAsync(db, id, cancel);
        await AnswerInAsync(write, set, id, questionId, answer, text, time.GetUtcNow(), actor, cancel);
        await write.CommitAsync(cancel);
    }

    internal static async Task AnswerInAsync(RegisterWrite write, QuestionSet set, int id, string questionId, ClosedAnswer? answer,
        string? text, DateTimeOffset now, string actor, CancellationToken cancel)
    {
        var principle = set.PrincipleOf(questionId);
        if (principle == 0)
        {
            throw new RegisterException($"question '{questionId}' is not in question set {set.Id} {set.Version} (its questions are 1.1 to {set.Principles[^1].Questions[^1].Id})");
        }
        if (answer is null && text is null)
        {
            throw new RegisterException("give a closed answer (yes, partly, no, not-applicable), an open answer, or both");
        }
        var stored = await write.Db.AssessmentAnswers.SingleOrDefaultAsync(a => a.AssessmentId == id && a.QuestionId == questionId, cancel);
        var before = stored is null ? null : AuditJson.Of(("question", questionId), ("answer", Word(stored.Answer)), ("text", stored.Text));
        if (stored is null)
        {
            stored = new AssessmentAnswer { AssessmentId = id, QuestionId = questionId, Principle = principle, AnsweredBy = actor };
            write.Db.AssessmentAnswers.Add(stored);
        }
        stored.Answer = answer ?? stored.Answer;
        stored.Text = text is null ? stored.Text : (text.Trim().Length == 0 ? null : Limit(text.Trim(), "open answer"));
        stored.Answered = now;
        stored.AnsweredBy = actor;
        write.Record(AssessmentAudit.Answer, AssessmentAudit.Assessment, Key(id), before,
            AuditJson.Of(("question", questionId), ("answer", Word(stored.Answer)), ("text", stored.Text)));
    }

    /// <summary>Adds a link (an absolute http or https address) as evidence for a principle.</summary>
    public static async Task<AssessmentEvidence> AddLinkAsync(RegisterDb db, TimeProvider time, string actor, int id, int principle,
        string title, string url, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        await DraftAsync(db, id, cancel);
        var evidence = AddLinkIn(write, id, principle, title, url, time.GetUtcNow(), actor);
        await write.CommitAsync(cancel);
        return evidence;
    }

    internal static AssessmentEvidence AddLinkIn(RegisterWrite write, int id, int principle, string title, string url, DateTimeOffset now,
        string actor)
    {
        CheckPrinciple(principle);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new RegisterException($"link '{url}' is not an absolute http or https address");
        }
        var evidence = new AssessmentEvidence
        {
            AssessmentId = id,
            Principle = principle,
            Kind = EvidenceKind.Link,
            Title = Required(title, "link title"),
            Url = uri.AbsoluteUri,
            Added = now,
            AddedBy = actor,
        };
        write.Db.AssessmentEvidence.Add(evidence);
        write.Record(AssessmentAudit.AddEvidence, AssessmentAudit.Assessment, Key(id), null, AuditJson.Of(
            ("principle", Key(principle)), ("kind", "link"), ("title", evidence.Title), ("url", evidence.Url)));
        return evidence;
    }

    /// <summary>Keeps an uploaded file (at most <see cref="MaxFileBytes"/>) as evidence, with its SHA-256 and size.</summary>
    public static async Task<AssessmentEvidence> AddFileAsync(RegisterDb db, TimeProvider time, string actor, int id, int principle,
        string fileName, string? title, byte[] content, CancellationToken cancel)
    {
        CheckPrinciple(principle);
        if (content.Length > MaxFileBytes)
        {
            throw new RegisterException($"file '{fileName}' is {content.Length:N0} bytes; evidence files may be at most {MaxFileBytes:N0} bytes");
        }
        if (content.Length == 0)
        {
            throw new RegisterException($"file '{fileName}' is empty");
        }
        var name = Required(Path.GetFileName(fileName), "file name");
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        await DraftAsync(db, id, cancel);
        var evidence = new AssessmentEvidence
        {
            AssessmentId = id,
            Principle = principle,
            Kind = EvidenceKind.File,
            Title = string.IsNullOrWhiteSpace(title) ? name : Limit(title.Trim(), "title"),
            FileName = name,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Size = content.Length,
            Added = time.GetUtcNow(),
            AddedBy = actor,
        };
        db.AssessmentEvidence.Add(evidence);
        await db.SaveChangesAsync(cancel);
        db.EvidenceFiles.Add(new EvidenceFile { EvidenceId = evidence.Id, Content = content });
        write.Record(AssessmentAudit.AddEvidence, AssessmentAudit.Assessment, Key(id), null, AuditJson.Of(
            ("principle", Key(principle)), ("kind", "file"), ("title", evidence.Title), ("file", name), ("sha256", evidence.Sha256),
            ("size", Key(content.Length))));
        await write.CommitAsync(cancel);
        return evidence;
    }

    /// <summary>
    /// Records a finding from the register as accepted into the assessment or rejected, with the reason (a rejection needs
    /// one; an acceptance may carry a note); the finding is kept as it was offered, so later changes to the register do
    /// not rewrite what the assessor decided on.
    /// </summary>
    public static async Task<AssessmentEvidence> DecideFindingAsync(RegisterDb db, TimeProvider time, string actor, int id,
        FindingDecision finding, CancellationToken cancel)
    {
        CheckPrinciple(finding.Principle);
        var reason = finding.Accepted && string.IsNullOrWhiteSpace(finding.Reason)
            ? null
            : Required(finding.Reason, finding.Accepted ? "note on accepting the finding" : "reason for rejecting the finding");
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        await DraftAsync(db, id, cancel);
        var evidence = new AssessmentEvidence
        {
            AssessmentId = id,
            Principle = finding.Principle,
            Kind = EvidenceKind.Finding,
            Title = Required(finding.Text, "finding text"),
            FindingStatus = Required(finding.Status, "finding status"),
            FindingCount = finding.Count,
            FindingDevices = string.Join(';', finding.Devices.Select(Key)),
            FindingSource = Required(finding.Source, "finding source"),
            Accepted = finding.Accepted,
            Reason = reason,
            Added = time.GetUtcNow(),
            AddedBy = actor,
        };
        db.AssessmentEvidence.Add(evidence);
        write.Record(AssessmentAudit.DecideFinding, AssessmentAudit.Assessment, Key(id), null, AuditJson.Of(
            ("principle", Key(finding.Principle)), ("finding", evidence.Title), ("count", Key(finding.Count)),
            ("decision", finding.Accepted ? "accepted" : "rejected"), ("reason", reason)));
        await write.CommitAsync(cancel);
        return evidence;
    }

    /// <summary>Adds an action to a principle's plan.</summary>
    public static async Task<AssessmentAction> AddActionAsync(RegisterDb db, TimeProvider time, string actor, int id, int principle,
        string text, string owner, DateOnly due, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        await DraftAsync(db, id, cancel);
        var action = AddActionIn(write, id, principle, text, owner, due, ActionStatus.Open, time.GetUtcNow(), actor);
        await write.CommitAsync(cancel);
        return action;
    }

    internal static AssessmentAction AddActionIn(RegisterWrite write, int id, int principle, string text, string owner, DateOnly due,
        ActionStatus status, DateTimeOffset now, string actor)
    {
        CheckPrinciple(principle);
        var action = new AssessmentAction
        {
            AssessmentId = id,
            Principle = principle,
            Text = Required(text, "action"),
            Owner = Required(owner, "owner"),
            Due = due,
            Status = status,
            Added = now,
            AddedBy = actor,
        };
        write.Db.AssessmentActions.Add(action);
        write.Record(AssessmentAudit.AddAction, AssessmentAudit.Assessment, Key(id), null, AuditJson.Of(
            ("principle", Key(principle)), ("action", action.Text), ("owner", action.Owner),
            ("due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("status", Words.Of(status))));
        return action;
    }

    /// <summary>Changes an action's status, in any state of the assessment: the plan is carried out after sign-off.</summary>
    public static async Task SetActionStatusAsync(RegisterDb db, TimeProvider time, string actor, int id, int actionId,
        ActionStatus status, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        await FindAsync(db, id, cancel);
        var action = await db.AssessmentActions.SingleOrDefaultAsync(a => a.Id == actionId && a.AssessmentId == id, cancel)
            ?? throw new RegisterException($"assessment {Key(id)} has no action {Key(actionId)}");
        if (action.Status == status)
        {
            return;
        }
        write.Record(AssessmentAudit.ActionStatus, AssessmentAudit.Assessment, Key(id),
            AuditJson.Of(("action", Key(actionId)), ("status", Words.Of(action.Status))),
            AuditJson.Of(("action", Key(actionId)), ("status", Words.Of(status))));
        action.Status = status;
        await write.CommitAsync(cancel);
    }

    /// <summary>
    /// Marks a draft complete, signed off by <paramref name="person"/> (a name, with a role if given); refused while any
    /// question has no closed answer.
    /// </summary>
    public static async Task SignOffAsync(RegisterDb db, TimeProvider time, string actor, int id, string person, CancellationToken cancel)
    {
        var name = Required(person, "name of the person signing off");
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var (assessment, set) = await DraftAsync(db, id, cancel, "signed off");
        var answered = await db.AssessmentAnswers.Where(a => a.AssessmentId == id && a.Answer != null).Select(a => a.QuestionId)
            .ToListAsync(cancel);
        var missing = set.All.Select(q => q.Question.Id).Except(answered, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new RegisterException(
                $"assessment {Key(id)} cannot be signed off: {Words.Count(missing.Count, "questions")} have no closed answer ({string.Join(", ", missing.Take(12))}{(missing.Count > 12 ? ", …" : "")})");
        }
        assessment.State = AssessmentState.Complete;
        assessment.SignedOffBy = name;
        assessment.SignedOff = time.GetUtcNow();
        assessment.SignOffRecordedBy = actor;
        write.Record(AssessmentAudit.SignOff, AssessmentAudit.Assessment, Key(id), AuditJson.Of(("state", "draft")),
            AuditJson.Of(("state", "complete"), ("signed off by", name)));
        await write.CommitAsync(cancel);
    }

    /// <summary>Publishes a complete assessment; a draft must be signed off first.</summary>
    public static async Task PublishAsync(RegisterDb db, TimeProvider time, string actor, int id, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var assessment = await FindAsync(db, id, cancel);
        switch (assessment.State)
        {
            case AssessmentState.Draft:
                throw new RegisterException($"assessment {Key(id)} is a draft: it must be signed off (complete) before it is published");
            case AssessmentState.Published:
                throw new RegisterException($"assessment {Key(id)} is already published ({assessment.Published:yyyy-MM-dd})");
        }
        assessment.State = AssessmentState.Published;
        assessment.Published = time.GetUtcNow();
        assessment.PublishedBy = actor;
        write.Record(AssessmentAudit.Publish, AssessmentAudit.Assessment, Key(id), AuditJson.Of(("state", "complete")),
            AuditJson.Of(("state", "published")));
        await write.CommitAsync(cancel);
    }

    /// <summary>The assessment, tracked for change; a <see cref="RegisterException"/> when there is none.</summary>
    internal static async Task<SelfAssessment> FindAsync(RegisterDb db, int id, CancellationToken cancel) =>
        await db.SelfAssessments.SingleOrDefaultAsync(a => a.Id == id, cancel)
        ?? throw new RegisterException($"there is no self-assessment {Key(id)}");

    /// <summary>The assessment and its question set, refused unless it is a draft.</summary>
    internal static async Task<(SelfAssessment Assessment, QuestionSet Set)> DraftAsync(RegisterDb db, int id, CancellationToken cancel,
        string change = "changed")
    {
        var assessment = await FindAsync(db, id, cancel);
        if (assessment.State != AssessmentState.Draft)
        {
            throw new RegisterException(
                $"assessment {Key(id)} is {Words.Of(assessment.State)} (signed off by {assessment.SignedOffBy}); only a draft can be {change} — start a new assessment instead");
        }
        var stored = await db.QuestionSets.AsNoTracking().SingleAsync(s => s.Id == assessment.QuestionSetId, cancel);
        return (assessment, QuestionSets.Parse(stored));
    }

    /// <summary>Refuses a principle number outside 1–12.</summary>
    public static void CheckPrinciple(int principle)
    {
        if (principle is < 1 or > QuestionSet.PrincipleCount)
        {
            throw new RegisterException($"principle {principle} does not exist: the Code has principles 1 to {QuestionSet.PrincipleCount}");
        }
    }

    internal static string Required(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new RegisterException($"give the {what}") : Limit(text.Trim(), what);

    private static string Limit(string text, string what) =>
        text.Length > MaxText ? throw new RegisterException($"the {what} is longer than {MaxText:N0} characters") : text;

    internal static string? Word(ClosedAnswer? answer) => answer is { } a ? Words.Of(a) : null;

    internal static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A closed answer from the words people type: yes, partly, no, not-applicable (or n/a, na).</summary>
    public static ClosedAnswer? ParseAnswer(string text) =>
        text.Trim().ToLowerInvariant() is "n/a" or "na" ? ClosedAnswer.NotApplicable : Words.Parse<ClosedAnswer>(text);
}
