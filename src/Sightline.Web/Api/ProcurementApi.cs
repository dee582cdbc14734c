using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sightline.Data;
using Sightline.Data.Accounts;
using Sightline.Data.Procurement;
using Sightline.Knowledge;
using Sightline.Procurement;
using Sightline.Register;
using Sightline.Web.Accounts;

namespace Sightline.Web.Api;

/// <summary>
/// Procurement cases under /api/v1/procurement: Admin, Procurement, Compliance and Assessor read; writes take an API token of
/// the Procurement or Admin role. Every write is audited on the case.
/// </summary>
public static class ProcurementApi
{
    public sealed record StageView(string Stage, string Title, string? Record, string? WrittenBy, string? SignedOffBy, DateTimeOffset? SignedOffAt);

    public sealed record SpecificationView(int Line, string Maker, string Model, string? Firmware, int Count);

    public sealed record PersonView(string Kind, string Name, string? Debarment, DateOnly? CheckedOn);

    public sealed record AssessmentView(string PersonKind, string Person, string Ground, int? Schedule, bool Applies, DateOnly? EventOn, DateOnly? LookBackEnds,
        bool Continuing, DateOnly? MinisterNotifiedOn, string? MinisterReference, string? Notes, string AssessedBy, DateOnly AssessedOn, bool Counts, string Result);

    public sealed record AssociateView(string Name, string Role, DateOnly? ReplacedOn, string? ReplacedBecause);

    public sealed record BidderView(int Supplier, string LegalName, string Status, string? Decision, string? Reasons, IReadOnlyList<PersonView> Persons,
        IReadOnlyList<string> GroundsCounting, IReadOnlyList<AssessmentView> Assessments, IReadOnlyList<AssociateView> Associates);

    public sealed record AcceptanceView(int Id, string Source, int Delivered, DateTimeOffset CheckedAt, string CheckedBy, IReadOnlyList<AcceptanceDifference> Differences);

    public sealed record CaseSummary(int Id, string Title, DateOnly Opened, string? Stage, int Bidders);

    public sealed record CaseDetail(int Id, string Title, DateOnly Opened, IReadOnlyList<string> ExcludedMakers, string? Stage, DateOnly LookBackFrom, IReadOnlyList<StageView> Stages,
        IReadOnlyList<SpecificationView> Specification, IReadOnlyList<BidderView> Bidders, IReadOnlyList<AcceptanceView> Acceptances);

    public sealed record CaseRequest(string? Title, string? ExcludedMakers);

    public sealed record StageRequest(string? Record);

    public sealed record BidderRequest(int Supplier);

    public sealed record SpecificationRequest(string? Maker, string? Model, string? Firmware, int Count);

    public sealed record AssessmentRequest(string? Person, string? Ground, bool Applies, string? EventOn, bool Continuing, string? MinisterNotified,
        string? MinisterReference, string? Notes);

    public sealed record DebarmentRequest(string? Person, string? Result, string? CheckedOn, string? Reference);

    public sealed record AssociateRequest(string? Name, string? Role);

    public sealed record ReplacementRequest(string? Name, string? With, string? Reason);

    public sealed record DecisionRequest(string? Outcome, string? Reasons);

    /// <summary>What was delivered: a scan's number, or the installer's list as CSV text (<see cref="Acceptances.ListColumns"/>) with a file name for messages.</summary>
    public sealed record AcceptanceRequest(long? Scan, string? List, string? ListName);

    public static void MapProcurementApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/procurement").WithTags("Procurement");
        var write = new AuthorizationPolicyBuilder(ApiTokenHandler.SchemeName).RequireRole(Roles.Procurement, Roles.Admin).Build();
        api.MapGet("/cases", ListAsync).RequireAuthorization(Policies.ReadProcurement)
            .WithSummary("Every procurement case with the stage it has reached (null when every stage is signed off) and its number of bidders.");
        api.MapGet("/cases/{id:int}", GetAsync).RequireAuthorization(Policies.ReadProcurement)
            .WithSummary("One case: stages with records and sign-offs, specification, bidders with their debarment checks and decisions, acceptance checks.");
        api.MapPost("/cases", AddAsync).RequireAuthorization(write)
            .WithSummary("Opens a case (Procurement or Admin): title, and the platform makers the specification excludes (knowledge IDs, ';'-separated).");
        api.MapPut("/cases/{id:int}/stages/{stage}", StageAsync).RequireAuthorization(write)
            .WithSummary("Writes a stage's record (in order; refused once the stage is signed off).");
        api.MapPost("/cases/{id:int}/stages/{stage}/sign-off", SignOffAsync).RequireAuthorization(write)
            .WithSummary("Signs a stage off as the token's account, now; award needs every bidder's debarment checks and decision.");
        api.MapPost("/cases/{id:int}/bidders", BidderAsync).RequireAuthorization(write)
            .WithSummary("Records a supplier (by ID) as a bidder on the case.");
        api.MapPost("/cases/{id:int}/specification", SpecifyAsync).RequireAuthorization(write)
            .WithSummary("Adds a specification line: platform maker (knowledge ID), model, firmware (optional), count; refused once the specification is signed off.");
        api.MapDelete("/cases/{id:int}/specification/{line:int}", UnspecifyAsync).RequireAuthorization(write)
            .WithSummary("Removes a specification line; refused once the specification is signed off.");
        api.MapPost("/cases/{id:int}/bidders/{supplier:int}/assessments", AssessAsync).RequireAuthorization(write)
            .WithSummary("Records one exclusion ground's assessment for the bidder or one of its persons; national security applies only with the Minister's notification.");
        api.MapPost("/cases/{id:int}/bidders/{supplier:int}/debarment-checks", DebarmentAsync).RequireAuthorization(write)
            .WithSummary("Records a debarment-list check for the bidder or one of its persons (default checked today).");
        api.MapPost("/cases/{id:int}/bidders/{supplier:int}/associates", AssociateAsync).RequireAuthorization(write)
            .WithSummary("Records an associated person (sub-contractor or consortium member) the bidder relies on.");
        api.MapPost("/cases/{id:int}/bidders/{supplier:int}/replacements", ReplaceAsync).RequireAuthorization(write)
            .WithSummary("Replaces an associated person (the Act's chance to replace): name, with, reason; the replaced one no longer counts.");
        api.MapPut("/cases/{id:int}/bidders/{supplier:int}/decision", DecideAsync).RequireAuthorization(write)
            .WithSummary("Records the exclusion decision on the bidder with its reasons, checked against s.57.");
        api.MapPost("/cases/{id:int}/acceptance-checks", AcceptAsync).RequireAuthorization(write)
            .WithSummary("Compares a delivery (a scan, or the installer's list as CSV text, at most 10 MiB) with the signed-off specification and records the result.");
    }

    private static ProblemHttpResult Problem(string field, string message) => FieldProblems.Of([(field, message)]);

    private static async Task<List<CaseSummary>> ListAsync(RegisterDb db, CancellationToken cancel)
    {
        var list = new List<CaseSummary>();
        foreach (var c in await ProcurementCases.ListAsync(db, cancel))
        {
            var d = (await ProcurementCases.ReadAsync(db, c.Id, cancel))!;
            list.Add(new CaseSummary(c.Id, c.Title, c.Opened, d.Current is { } s ? Words.Of(s) : null, d.Bidders.Count));
        }
        return list;
    }

    private static async Task<CaseDetail?> DetailAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, int id, CancellationToken cancel)
    {
        if (await ProcurementCases.ReadAsync(db, id, cancel) is not { } d)
        {
            return null;
        }
        var grounds = ExclusionGrounds.Shipped(knowledge.Folder);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var standings = await Exclusions.StandingsAsync(db, grounds, id, today, cancel);
        return new CaseDetail(id, d.Case.Title, d.Case.Opened, d.Case.ExcludedMakers.Split(';', StringSplitOptions.RemoveEmptyEntries), d.Current is { } s ? Words.Of(s) : null,
            grounds.LookBackFrom(today),
            Enum.GetValues<CaseStage>().Select(stage =>
            {
                var r = d.Stages.FirstOrDefault(x => x.Stage == stage);
                return new StageView(Words.Of(stage), ProcurementCases.Title(stage), r?.Text, r?.WrittenBy, r?.SignedOffBy, r?.SignedOffAt);
            }).ToList(),
            d.Specification.Select(i => new SpecificationView(i.Id, i.Maker, i.Model, i.Firmware, i.Count)).ToList(),
            standings.ConvertAll(b => new BidderView(b.Bidder.Id, b.Bidder.LegalName, Exclusions.StatusWords(b.Status), b.Decision is { } dec ? Words.Of(dec.Outcome) : null,
                b.Decision?.Reasons, b.Persons.Select(p =>
                {
                    var check = b.Checks.LastOrDefault(c => c.PersonKind == p.Kind && c.Person == p.Name);
                    return new PersonView(Words.Of(p.Kind), p.Name, check is null ? null : Words.Of(check.Result), check?.CheckedOn);
                }).ToList(), b.Counts.Select(c => c.Ground.Id).ToList(),
                b.Assessments.Select(a => new AssessmentView(Words.Of(a.PersonKind), a.Person, a.Ground, grounds.Find(a.Ground)?.Schedule, a.Applies, a.EventOn,
                    a.EventOn?.AddYears(grounds.LookBackYears), a.Continuing, a.MinisterNotifiedOn, a.MinisterReference, a.Notes, a.AssessedBy, a.AssessedOn,
                    b.Counts.Any(c => c.Assessment.Id == a.Id), Exclusions.AssessmentWords(grounds, b, a, today))).ToList(),
                b.Associates.Select(a => new AssociateView(a.Name, a.Role, a.ReplacedOn, a.ReplacedBecause)).ToList())),
            d.Acceptances.Select(a => new AcceptanceView(a.Id, a.Source, a.Delivered, a.CheckedAt, a.CheckedBy, Acceptances.Differences(a))).ToList());
    }

    private static async Task<Results<Ok<CaseDetail>, NotFound>> GetAsync(int id, RegisterDb db, KnowledgeBase knowledge, TimeProvider time, CancellationToken cancel) =>
        await DetailAsync(db, knowledge, time, id, cancel) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<CaseDetail>, ProblemHttpResult>> AddAsync(CaseRequest request, RegisterDb db, KnowledgeBase knowledge, TimeProvider time,
        HttpContext http, CancellationToken cancel)
    {
        var (id, problem) = await ProcurementCases.AddAsync(db, knowledge, time, http.User.Identity!.Name!, request.Title ?? "", request.ExcludedMakers, cancel);
        return problem is not null
            ? Problem("case", problem)
            : TypedResults.Created($"/api/v1/procurement/cases/{ProcurementCases.Key(id!.Value)}", await DetailAsync(db, knowledge, time, id.Value, cancel));
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> StageAsync(int id, string stage, StageRequest request, RegisterDb db, KnowledgeBase knowledge,
        TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await ProcurementCases.WriteStageAsync(db, time, http.User.Identity!.Name!, id, stage, request.Record, cancel) is { } problem
            ? Problem("stage", problem)
            : TypedResults.Ok((await DetailAsync(db, knowledge, time, id, cancel))!);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> SignOffAsync(int id, string stage, RegisterDb db, KnowledgeBase knowledge, TimeProvider time,
        HttpContext http, CancellationToken cancel) =>
        await ProcurementCases.SignOffAsync(db, time, http.User.Identity!.Name!, id, stage, cancel) is { } problem
            ? Problem("sign-off", problem)
            : TypedResults.Ok((await DetailAsync(db, knowledge, time, id, cancel))!);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> BidderAsync(int id, BidderRequest request, RegisterDb db, KnowledgeBase knowledge, TimeProvider time,
        HttpContext http, CancellationToken cancel) =>
        await ProcurementCases.AddBidderAsync(db, time, http.User.Identity!.Name!, id, request.Supplier, cancel) is { } problem
            ? Problem("bidder", problem)
            : TypedResults.Ok((await DetailAsync(db, knowledge, time, id, cancel))!);

    // Every write below answers as the existing ones do: the case as it now stands, or a problem naming the field.
    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> AnswerAsync(string field, string? problem, int id, RegisterDb db, KnowledgeBase knowledge,
        TimeProvider time, CancellationToken cancel) =>
        problem is not null ? Problem(field, problem) : TypedResults.Ok((await DetailAsync(db, knowledge, time, id, cancel))!);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> SpecifyAsync(int id, SpecificationRequest request, RegisterDb db, KnowledgeBase knowledge,
        TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await AnswerAsync("specification", await ProcurementCases.SpecifyAsync(db, knowledge, time, http.User.Identity!.Name!, id, request.Maker ?? "", request.Model ?? "",
            request.Firmware, request.Count, cancel), id, db, knowledge, time, cancel);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> UnspecifyAsync(int id, int line, RegisterDb db, KnowledgeBase knowledge, TimeProvider time,
        HttpContext http, CancellationToken cancel) =>
        await AnswerAsync("specification", await ProcurementCases.RemoveSpecificationAsync(db, time, http.User.Identity!.Name!, id, line, cancel), id, db, knowledge, time,
            cancel);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> AssessAsync(int id, int supplier, AssessmentRequest request, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await AnswerAsync("assessment", await Exclusions.AssessAsync(db, ExclusionGrounds.Shipped(knowledge.Folder), time, http.User.Identity!.Name!, id, supplier,
            request.Person, request.Ground ?? "", request.Applies, request.EventOn, request.Continuing, request.MinisterNotified, request.MinisterReference, request.Notes,
            cancel), id, db, knowledge, time, cancel);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> DebarmentAsync(int id, int supplier, DebarmentRequest request, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await AnswerAsync("debarment", await Exclusions.CheckDebarmentAsync(db, time, http.User.Identity!.Name!, id, supplier, request.Person, request.Result ?? "",
            request.CheckedOn, request.Reference, cancel), id, db, knowledge, time, cancel);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> AssociateAsync(int id, int supplier, AssociateRequest request, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await AnswerAsync("associate", await Exclusions.AddAssociateAsync(db, time, http.User.Identity!.Name!, id, supplier, request.Name ?? "", request.Role, cancel),
            id, db, knowledge, time, cancel);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> ReplaceAsync(int id, int supplier, ReplacementRequest request, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await AnswerAsync("replacement", await Exclusions.ReplaceAssociateAsync(db, time, http.User.Identity!.Name!, id, supplier, request.Name ?? "", request.With ?? "",
            request.Reason, cancel), id, db, knowledge, time, cancel);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> DecideAsync(int id, int supplier, DecisionRequest request, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await AnswerAsync("decision", await Exclusions.DecideAsync(db, ExclusionGrounds.Shipped(knowledge.Folder), time, http.User.Identity!.Name!, id, supplier,
            request.Outcome ?? "", request.Reasons, cancel), id, db, knowledge, time, cancel);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> AcceptAsync(int id, AcceptanceRequest request, RegisterDb db, KnowledgeBase knowledge,
        TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        if ((request.Scan is null) == (request.List is null))
        {
            return Problem("acceptance", "give either scan (its number) or list (the installer's list as CSV text)");
        }
        List<DeliveredDevice> delivered;
        string source;
        if (request.Scan is { } scan)
        {
            if (await Acceptances.FromScanAsync(db, scan, cancel) is not { } found)
            {
                return Problem("scan", $"scan: there is no scan {scan.ToString(CultureInfo.InvariantCulture)} in the register");
            }
            (delivered, source) = (found, $"scan {scan.ToString(CultureInfo.InvariantCulture)}");
        }
        else
        {
            var name = string.IsNullOrWhiteSpace(request.ListName) ? "list.csv" : Path.GetFileName(request.ListName.Trim());
            var bytes = Encoding.UTF8.GetBytes(request.List!);
            if (Acceptances.ListSizeProblem(name, bytes.Length) is { } tooLarge)
            {
                return Problem("list", tooLarge);
            }
            using var input = new MemoryStream(bytes);
            var (devices, problems) = Acceptances.FromList(knowledge, input, name);
            if (problems.Count > 0)
            {
                return TypedResults.Problem($"{name}: {problems.Count.ToString(CultureInfo.InvariantCulture)} problems; the list is not recorded",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(p => new { field = "list", message = p }).ToArray() });
            }
            (delivered, source) = (devices, $"list {name}");
        }
        var (_, _, problem) = await Acceptances.RecordAsync(db, knowledge, time, http.User.Identity!.Name!, id, source, delivered, cancel);
        return await AnswerAsync("acceptance", problem, id, db, knowledge, time, cancel);
    }
}
