using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;
using Sightline.Data;
using Sightline.Data.Accounts;
using Sightline.Data.Assessments;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Web.Accounts;

namespace Sightline.Web.Api;

/// <summary>
/// Self-assessments under /api/v1/assessments, through the same calls as `sightline assess` and the pages: reading
/// (every role), and every change (a Compliance account's API token). A refusal is a problem: 400 naming the field,
/// 404 for an unknown assessment, action or finding, 409 when the assessment's state forbids the change.
/// </summary>
public static class AssessmentApi
{
    // A file of every answer at the longest allowed text is about 1 MiB; four times that is plenty and bounds memory.
    private const int MaxFileBytes = 4 * 1024 * 1024;

    public sealed record AssessmentItem(int Id, string Title, string State, IReadOnlyList<string> Systems, string QuestionSet,
        DateTimeOffset Started, DateTimeOffset? SignedOff, string? SignedOffBy, DateTimeOffset? Published, int Answered, int Questions,
        int OverdueActions, bool Stale, IReadOnlyList<string> StaleReasons);

    public sealed record AssessmentQuestionSet(string Id, string Version, string Title, string CodeVersion, bool OwnWords, string Notice);

    public sealed record AssessmentQuestion(string Id, string Question, string? Answer, string? Text, DateTimeOffset? Answered, string? AnsweredBy);

    public sealed record AssessmentEvidenceItem(int Id, string Kind, string Title, string? Url, string? FileName, string? Sha256, long? Size,
        DateTimeOffset Added, string AddedBy);

    public sealed record AssessmentFindingDecision(int Id, string Finding, string Decision, string? Reason, string? Status, int? Count,
        IReadOnlyList<int> Devices, string? Source, DateTimeOffset Decided, string DecidedBy);

    public sealed record AssessmentActionItem(int Id, int Principle, string Action, string Owner, DateOnly Due, string Status, bool Overdue,
        DateTimeOffset Added, string AddedBy);

    public sealed record AssessmentPrinciple(int Number, string Title, IReadOnlyList<AssessmentQuestion> Questions,
        IReadOnlyList<AssessmentEvidenceItem> Evidence, IReadOnlyList<AssessmentFindingDecision> Findings, IReadOnlyList<AssessmentActionItem> Actions);

    public sealed record AssessmentDetail(int Id, string Title, string State, IReadOnlyList<string> Systems, AssessmentQuestionSet QuestionSet,
        DateTimeOffset Started, string StartedBy, string? SignedOffBy, DateTimeOffset? SignedOff, string? SignOffRecordedBy,
        DateTimeOffset? Published, string? PublishedBy, bool Stale, IReadOnlyList<string> StaleReasons, int Answered, int Questions,
        int OverdueActions, IReadOnlyList<AssessmentPrinciple> Principles);

    public sealed record OfferedFinding(string Key, int Principle, string System, string Text, string Status, long Count, IReadOnlyList<int> Devices,
        string Source, string? Decision);

    public sealed record AssessmentStart(IReadOnlyList<string>? Systems, string? Title);

    public sealed record AssessmentAnswerRequest(string? Answer, string? Text);

    public sealed record AssessmentActionRequest(int? Principle, string? Text, string? Owner, string? Due);

    public sealed record AssessmentActionChange(string? Status);

    public sealed record AssessmentSignOff(string? By);

    public sealed record FindingDecisionRequest(string? Reason);

    public sealed record AssessmentImported(int AssessmentId, int Answers, int Links, int Actions, bool Started);

    public static void MapAssessmentApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/assessments").WithTags("Self-assessments");
        var comply = GovernanceApi.TokenWith(Roles.Compliance);
        api.MapGet("", ListAsync).RequireAuthorization(Policies.Read)
            .WithSummary("Self-assessments, newest first, with state, answers given, overdue actions and why each is stale; system (a name) and state (draft, complete, published) filter them.");
        api.MapGet("/{id:int}", GetAsync).RequireAuthorization(Policies.Read)
            .WithSummary("One self-assessment: per principle its questions and answers, links and files, findings from the register accepted or rejected (with the reason), and actions; its state, sign-off and staleness.");
        api.MapPost("", StartAsync).RequireAuthorization(comply)
            .WithSummary("Starts a draft (Compliance) of the systems named, with the current question set; 201 with it.");
        api.MapPut("/{id:int}/answers/{question}", AnswerAsync).RequireAuthorization(comply)
            .WithSummary("Answers a question of a draft (Compliance): answer is yes, partly, no or not-applicable, text the open answer; either may be left out.");
        api.MapPost("/{id:int}/actions", AddActionAsync).RequireAuthorization(comply)
            .WithSummary("Adds an action to a principle's plan in a draft (Compliance): principle, text, owner, due (YYYY-MM-DD); 201 with it.");
        api.MapPatch("/{id:int}/actions/{action:int}", SetActionAsync).RequireAuthorization(comply)
            .WithSummary("Changes an action's status (Compliance): open, in-progress or done; also after sign-off, since the plan is carried out over the year.");
        api.MapPost("/{id:int}/sign-off", SignOffAsync).RequireAuthorization(comply)
            .WithSummary("Signs off a draft as complete (Compliance) in the name of by; 409 while a question has no closed answer. The account that recorded it is kept too.");
        api.MapPost("/{id:int}/publish", PublishAsync).RequireAuthorization(comply)
            .WithSummary("Publishes a complete (signed-off) assessment (Compliance).");
        api.MapGet("/{id:int}/findings", FindingsAsync).RequireAuthorization(Policies.Read)
            .WithSummary("The findings from the register offered to the assessment (every system in its scope), keyed PRINCIPLE.N, each with decision: accepted, rejected or null.");
        api.MapPost("/{id:int}/findings/{key}/accept", (int id, string key, FindingDecisionRequest? request, RegisterDb db, KnowledgeBase knowledge,
                TimeProvider time, HttpContext http, CancellationToken cancel) => DecideAsync(id, key, true, request, db, knowledge, time, http, cancel))
            .RequireAuthorization(comply)
            .WithSummary("Accepts an offered finding into a draft as evidence for its principle (Compliance), with an optional reason.");
        api.MapPost("/{id:int}/findings/{key}/reject", (int id, string key, FindingDecisionRequest? request, RegisterDb db, KnowledgeBase knowledge,
                TimeProvider time, HttpContext http, CancellationToken cancel) => DecideAsync(id, key, false, request, db, knowledge, time, http, cancel))
            .RequireAuthorization(comply)
            .WithSummary("Rejects an offered finding (Compliance); reason is required and kept with the finding as it was offered.");
        api.MapGet("/{id:int}/export", ExportAsync).RequireAuthorization(Policies.Read)
            .WithSummary("The assessment's answers, links and actions as the file `sightline assess export` writes (format sightline-self-assessment).");
        api.MapPost("/import", ImportAsync).RequireAuthorization(comply).Accepts<object>("application/json")
            .WithSummary("Reads a file from `sightline assess export` or GET …/export (the request body) into the draft into, or a new draft of the file's systems (Compliance); every problem in the file is named with its place.");
    }

    private static async Task<Results<Ok<List<AssessmentItem>>, ProblemHttpResult>> ListAsync(string? system, string? state, RegisterDb db,
        TimeProvider time, CancellationToken cancel)
    {
        AssessmentState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            wanted = Words.Parse<AssessmentState>(state);
            if (wanted is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "state", $"state '{state}' is not one of {Words.List<AssessmentState>()}");
            }
        }
        if (!string.IsNullOrEmpty(system) && !await db.Systems.AnyAsync(s => s.Name == system, cancel))
        {
            return Problem(StatusCodes.Status400BadRequest, "system", $"there is no system named '{system}' in the register");
        }
        var all = await AssessmentRead.ListAsync(db, time.GetUtcNow(), cancel);
        return TypedResults.Ok(all
            .Where(a => (wanted is null || a.State == wanted) && (string.IsNullOrEmpty(system) || a.Systems.Contains(system, StringComparer.Ordinal)))
            .Select(a => new AssessmentItem(a.Id, a.Title, Words.Of(a.State), a.Systems, a.QuestionSet, a.Started, a.SignedOff, a.SignedOffBy,
                a.Published, a.Answered, a.Questions, a.Overdue, a.StaleReasons.Count > 0, a.StaleReasons))
            .ToList());
    }

    private static async Task<Results<Ok<AssessmentDetail>, ProblemHttpResult>> GetAsync(int id, RegisterDb db, TimeProvider time,
        CancellationToken cancel) =>
        await DetailAsync(db, time, id, cancel) is { } detail ? TypedResults.Ok(detail) : Unknown(id);

    private static async Task<AssessmentDetail?> DetailAsync(RegisterDb db, TimeProvider time, int id, CancellationToken cancel)
    {
        if (!await db.SelfAssessments.AnyAsync(a => a.Id == id, cancel))
        {
            return null;
        }
        var view = await AssessmentRead.ViewAsync(db, id, time.GetUtcNow(), cancel);
        var a = view.Assessment;
        var principles = view.Set.Principles.Select(p => new AssessmentPrinciple(p.Number, p.Title,
            [.. p.Questions.Select(q => view.Answer(q.Id) is { } answer
                ? new AssessmentQuestion(q.Id, q.Text, (answer.Answer is { } closed ? Words.Of(closed) : null), answer.Text, answer.Answered, answer.AnsweredBy)
                : new AssessmentQuestion(q.Id, q.Text, null, null, null, null))],
            [.. view.EvidenceFor(p.Number).Where(e => e.Kind != EvidenceKind.Finding).Select(e => new AssessmentEvidenceItem(e.Id, Words.Of(e.Kind),
                e.Title, e.Url, e.FileName, e.Sha256, e.Size, e.Added, e.AddedBy))],
            [.. view.EvidenceFor(p.Number).Where(e => e.Kind == EvidenceKind.Finding).Select(e => new AssessmentFindingDecision(e.Id, e.Title,
                e.Accepted == true ? "accepted" : "rejected", e.Reason, e.FindingStatus, e.FindingCount, Devices(e.FindingDevices), e.FindingSource,
                e.Added, e.AddedBy))],
            [.. view.ActionsFor(p.Number).Select(x => ActionOf(x, view.Today))])).ToList();
        var questions = view.Set.All.Count();
        return new AssessmentDetail(a.Id, a.Title, Words.Of(a.State), view.Systems,
            new AssessmentQuestionSet(view.Set.Id, view.Set.Version, view.Set.Title, view.Set.CodeVersion, view.Set.OwnWords, view.Set.Notice),
            a.Started, a.StartedBy, a.SignedOffBy, a.SignedOff, a.SignOffRecordedBy, a.Published, a.PublishedBy, view.IsStale, view.StaleReasons,
            questions - view.Unanswered.Count(), questions, view.Overdue.Count(), principles);
    }

    private static AssessmentActionItem ActionOf(AssessmentAction a, DateOnly today) =>
        new(a.Id, a.Principle, a.Text, a.Owner, a.Due, Words.Of(a.Status), a.IsOverdue(today), a.Added, a.AddedBy);

    private static List<int> Devices(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : [.. stored.Split(';').Select(d => int.Parse(d, CultureInfo.InvariantCulture))];

    private static async Task<Results<Created<AssessmentDetail>, ProblemHttpResult>> StartAsync(AssessmentStart? request, RegisterDb db,
        TimeProvider time, WebSettings settings, HttpContext http, CancellationToken cancel)
    {
        var systems = request?.Systems?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList() ?? [];
        if (systems.Count == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "systems", "systems: name at least one system the assessment covers");
        }
        if (TooLong(request!.Title, "title") is { } longTitle)
        {
            return longTitle;
        }
        try
        {
            var started = await SelfAssessments.StartAsync(db, time, Actor(http), request.Title, systems, settings.KnowledgeFolder, cancel);
            return TypedResults.Created(Location(started.Id), await DetailAsync(db, time, started.Id, cancel));
        }
        catch (RegisterException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "systems", e.Message);
        }
    }

    private static async Task<Results<Ok<AssessmentQuestion>, ProblemHttpResult>> AnswerAsync(int id, string question,
        AssessmentAnswerRequest? request, RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        ClosedAnswer? answer = null;
        if (request?.Answer is { } word && (answer = SelfAssessments.ParseAnswer(word)) is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "answer", $"answer: '{word}' is not one of {Words.List<ClosedAnswer>()}");
        }
        if (answer is null && request?.Text is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "answer",
                "answer: give a closed answer (yes, partly, no, not-applicable), an open answer (text), or both");
        }
        if (TooLong(request!.Text, "text") is { } longText)
        {
            return longText;
        }
        try
        {
            await SelfAssessments.AnswerAsync(db, time, Actor(http), id, question, answer, request.Text, cancel);
        }
        catch (RegisterException e)
        {
            return await RefusedAsync(db, id, e, "question", a => a.State != AssessmentState.Draft, cancel);
        }
        var detail = (await DetailAsync(db, time, id, cancel))!;
        return TypedResults.Ok(detail.Principles.SelectMany(p => p.Questions).Single(q => q.Id == question));
    }

    private static async Task<Results<Created<AssessmentActionItem>, ProblemHttpResult>> AddActionAsync(int id, AssessmentActionRequest? request,
        RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var problems = new List<(string, string)>();
        if (request?.Principle is not (>= 1 and <= QuestionSet.PrincipleCount))
        {
            problems.Add(("principle", $"principle: give a principle of the Code, 1 to {QuestionSet.PrincipleCount}"));
        }
        foreach (var (field, value) in new[] { ("text", request?.Text), ("owner", request?.Owner) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add((field, $"{field}: give the action's {(field == "text" ? "text" : "owner")}"));
            }
            else if (value.Trim().Length > SelfAssessments.MaxText)
            {
                problems.Add((field, $"{field}: longer than {SelfAssessments.MaxText:N0} characters"));
            }
        }
        if (!DateOnly.TryParseExact(request?.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            problems.Add(("due", $"due: '{request?.Due}' is not a date (YYYY-MM-DD)"));
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Of(problems);
        }
        try
        {
            var added = await SelfAssessments.AddActionAsync(db, time, Actor(http), id, request!.Principle!.Value, request.Text!, request.Owner!, due, cancel);
            return TypedResults.Created($"{Location(id)}/actions/{added.Id.ToString(CultureInfo.InvariantCulture)}",
                ActionOf(added, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
        }
        catch (RegisterException e)
        {
            return await RefusedAsync(db, id, e, "principle", a => a.State != AssessmentState.Draft, cancel);
        }
    }

    private static async Task<Results<Ok<AssessmentActionItem>, ProblemHttpResult>> SetActionAsync(int id, int action,
        AssessmentActionChange? request, RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        if (Words.Parse<ActionStatus>(request?.Status ?? "") is not { } status)
        {
            return Problem(StatusCodes.Status400BadRequest, "status", $"status: '{request?.Status}' is not one of {Words.List<ActionStatus>()}");
        }
        if (!await db.SelfAssessments.AnyAsync(a => a.Id == id, cancel))
        {
            return Unknown(id);
        }
        if (!await db.AssessmentActions.AnyAsync(a => a.Id == action && a.AssessmentId == id, cancel))
        {
            return Problem(StatusCodes.Status404NotFound, "action", $"self-assessment {Key(id)} has no action {Key(action)}");
        }
        try
        {
            await SelfAssessments.SetActionStatusAsync(db, time, Actor(http), id, action, status, cancel);
        }
        catch (RegisterException e)
        {
            return await RefusedAsync(db, id, e, "status", _ => false, cancel);
        }
        var stored = await db.AssessmentActions.AsNoTracking().SingleAsync(a => a.Id == action, cancel);
        return TypedResults.Ok(ActionOf(stored, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Results<Ok<AssessmentDetail>, ProblemHttpResult>> SignOffAsync(int id, AssessmentSignOff? request, RegisterDb db,
        TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(request?.By))
        {
            return Problem(StatusCodes.Status400BadRequest, "by", "by: give the name (and role) of the person signing off");
        }
        if (TooLong(request.By, "by") is { } longName)
        {
            return longName;
        }
        try
        {
            await SelfAssessments.SignOffAsync(db, time, Actor(http), id, request.By, cancel);
        }
        catch (RegisterException e)
        {
            // The person is checked above, so what is left is the assessment's state: signed off already, or questions unanswered.
            return await RefusedAsync(db, id, e, "by", _ => true, cancel);
        }
        return TypedResults.Ok((await DetailAsync(db, time, id, cancel))!);
    }

    private static async Task<Results<Ok<AssessmentDetail>, ProblemHttpResult>> PublishAsync(int id, RegisterDb db, TimeProvider time,
        HttpContext http, CancellationToken cancel)
    {
        try
        {
            await SelfAssessments.PublishAsync(db, time, Actor(http), id, cancel);
        }
        catch (RegisterException e)
        {
            return await RefusedAsync(db, id, e, "id", _ => true, cancel);
        }
        return TypedResults.Ok((await DetailAsync(db, time, id, cancel))!);
    }

    private static async Task<Results<Ok<List<OfferedFinding>>, ProblemHttpResult>> FindingsAsync(int id, RegisterDb db, KnowledgeBase knowledge,
        TimeProvider time, CancellationToken cancel)
    {
        if (!await db.SelfAssessments.AnyAsync(a => a.Id == id, cancel))
        {
            return Unknown(id);
        }
        var offers = await OfferedFindings.ListAsync(db, knowledge, id, time, cancel);
        return TypedResults.Ok(offers.Select(OfferOf).ToList());
    }

    private static OfferedFinding OfferOf(OfferedFindings.Offer o) => new(o.Key, o.Principle, o.System, o.Text, Words.Of(o.Finding.Status),
        o.Finding.Count, o.Finding.Devices, o.Finding.Source, o.Accepted switch { true => "accepted", false => "rejected", null => null });

    private static async Task<Results<Ok<OfferedFinding>, ProblemHttpResult>> DecideAsync(int id, string key, bool accept,
        FindingDecisionRequest? request, RegisterDb db, KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        if (!accept && string.IsNullOrWhiteSpace(request?.Reason))
        {
            return Problem(StatusCodes.Status400BadRequest, "reason", "reason: give the reason for rejecting the finding");
        }
        if (TooLong(request?.Reason, "reason") is { } longReason)
        {
            return longReason;
        }
        if (!await db.SelfAssessments.AnyAsync(a => a.Id == id, cancel))
        {
            return Unknown(id);
        }
        var offers = await OfferedFindings.ListAsync(db, knowledge, id, time, cancel);
        if (!offers.Any(o => o.Key == key))
        {
            return Problem(StatusCodes.Status404NotFound, "key", $"no finding '{key}' is offered to self-assessment {Key(id)}; GET {Location(id)}/findings lists them");
        }
        try
        {
            return TypedResults.Ok(OfferOf(await OfferedFindings.DecideAsync(db, knowledge, time, Actor(http), id, key, accept, request?.Reason, cancel)));
        }
        catch (RegisterException e)
        {
            return await RefusedAsync(db, id, e, "reason", a => a.State != AssessmentState.Draft, cancel);
        }
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportAsync(int id, RegisterDb db, TimeProvider time,
        CancellationToken cancel)
    {
        if (!await db.SelfAssessments.AnyAsync(a => a.Id == id, cancel))
        {
            return Unknown(id);
        }
        var view = await AssessmentRead.ViewAsync(db, id, time.GetUtcNow(), cancel);
        return TypedResults.Text(AssessmentFile.Export(view), "application/json", Encoding.UTF8);
    }

    private static async Task<Results<Created<AssessmentImported>, ProblemHttpResult>> ImportAsync(int? into, RegisterDb db, TimeProvider time,
        WebSettings settings, HttpContext http, CancellationToken cancel)
    {
        if (http.Request.ContentLength > MaxFileBytes)
        {
            return Problem(StatusCodes.Status400BadRequest, "body", $"body: the file is larger than {MaxFileBytes:N0} bytes");
        }
        string json;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            var buffer = new char[MaxFileBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancel);
            if (read > MaxFileBytes)
            {
                return Problem(StatusCodes.Status400BadRequest, "body", $"body: the file is larger than {MaxFileBytes:N0} characters");
            }
            json = new string(buffer, 0, read);
        }
        if (into is { } target && !await db.SelfAssessments.AnyAsync(a => a.Id == target, cancel))
        {
            return Unknown(target);
        }
        try
        {
            var imported = await AssessmentFile.ImportAsync(db, time, Actor(http), json, "body", into, settings.KnowledgeFolder, cancel);
            return TypedResults.Created(Location(imported.AssessmentId),
                new AssessmentImported(imported.AssessmentId, imported.Answers, imported.Links, imported.Actions, imported.Started));
        }
        catch (RegisterException e)
        {
            if (into is { } draft)
            {
                db.ChangeTracker.Clear();
                if (await db.SelfAssessments.AsNoTracking().AnyAsync(a => a.Id == draft && a.State != AssessmentState.Draft, cancel))
                {
                    return Problem(StatusCodes.Status409Conflict, "into", e.Message);
                }
            }
            // Each line of the file's refusal is "body: PLACE: reason", its place the field (answers[2].answer).
            return FieldProblems.Of(e.Message.Split('\n').Select(line =>
            {
                var rest = line.StartsWith("body: ", StringComparison.Ordinal) ? line["body: ".Length..] : line;
                var colon = rest.IndexOf(": ", StringComparison.Ordinal);
                var field = colon > 0 && !rest[..colon].Contains(' ', StringComparison.Ordinal) ? rest[..colon] : "body";
                return (field, line);
            }).ToList());
        }
    }

    /// <summary>
    /// Says why the data layer refused a change: 404 when the assessment does not exist, 409 when its state is the reason
    /// (<paramref name="wrongState"/>), else 400 naming <paramref name="field"/>; the message is always the data layer's.
    /// </summary>
    private static async Task<ProblemHttpResult> RefusedAsync(RegisterDb db, int id, RegisterException e, string field,
        Func<SelfAssessment, bool> wrongState, CancellationToken cancel)
    {
        db.ChangeTracker.Clear();
        var assessment = await db.SelfAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancel);
        if (assessment is null)
        {
            return Unknown(id);
        }
        return wrongState(assessment)
            ? Problem(StatusCodes.Status409Conflict, "state", e.Message)
            : Problem(StatusCodes.Status400BadRequest, field, e.Message);
    }

    private static ProblemHttpResult? TooLong(string? text, string field) =>
        text is not null && text.Trim().Length > SelfAssessments.MaxText
            ? Problem(StatusCodes.Status400BadRequest, field, $"{field}: longer than {SelfAssessments.MaxText:N0} characters")
            : null;

    private static ProblemHttpResult Unknown(int id) =>
        Problem(StatusCodes.Status404NotFound, "id", $"there is no self-assessment {Key(id)}");

    private static ProblemHttpResult Problem(int status, string field, string message) => FieldProblems.Of([(field, message)], status);

    private static string Actor(HttpContext http) => http.User.Identity!.Name!;

    private static string Location(int id) => $"/api/v1/assessments/{Key(id)}";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
