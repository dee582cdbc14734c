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

    public sealed record SpecificationView(string Maker, string Model, string? Firmware, int Count);

    public sealed record PersonView(string Kind, string Name, string? Debarment, DateOnly? CheckedOn);

    public sealed record BidderView(int Supplier, string LegalName, string Status, string? Decision, string? Reasons, IReadOnlyList<PersonView> Persons,
        IReadOnlyList<string> GroundsCounting);

    public sealed record AcceptanceView(int Id, string Source, int Delivered, DateTimeOffset CheckedAt, string CheckedBy, IReadOnlyList<AcceptanceDifference> Differences);

    public sealed record CaseSummary(int Id, string Title, DateOnly Opened, string? Stage, int Bidders);

    public sealed record CaseDetail(int Id, string Title, DateOnly Opened, IReadOnlyList<string> ExcludedMakers, string? Stage, IReadOnlyList<StageView> Stages,
        IReadOnlyList<SpecificationView> Specification, IReadOnlyList<BidderView> Bidders, IReadOnlyList<AcceptanceView> Acceptances);

    public sealed record CaseRequest(string? Title, string? ExcludedMakers);

    public sealed record StageRequest(string? Record);

    public sealed record BidderRequest(int Supplier);

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
    }

    private static ProblemHttpResult Problem(string field, string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["problems"] = new[] { new { field, message } } });

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
        var standings = await Exclusions.StandingsAsync(db, ExclusionGrounds.Shipped(knowledge.Folder), id, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancel);
        return new CaseDetail(id, d.Case.Title, d.Case.Opened, d.Case.ExcludedMakers.Split(';', StringSplitOptions.RemoveEmptyEntries), d.Current is { } s ? Words.Of(s) : null,
            Enum.GetValues<CaseStage>().Select(stage =>
            {
                var r = d.Stages.FirstOrDefault(x => x.Stage == stage);
                return new StageView(Words.Of(stage), ProcurementCases.Title(stage), r?.Text, r?.WrittenBy, r?.SignedOffBy, r?.SignedOffAt);
            }).ToList(),
            d.Specification.Select(i => new SpecificationView(i.Maker, i.Model, i.Firmware, i.Count)).ToList(),
            standings.ConvertAll(b => new BidderView(b.Bidder.Id, b.Bidder.LegalName, Exclusions.StatusWords(b.Status), b.Decision is { } dec ? Words.Of(dec.Outcome) : null,
                b.Decision?.Reasons, b.Persons.Select(p =>
                {
                    var check = b.Checks.LastOrDefault(c => c.PersonKind == p.Kind && c.Person == p.Name);
                    return new PersonView(Words.Of(p.Kind), p.Name, check is null ? null : Words.Of(check.Result), check?.CheckedOn);
                }).ToList(), b.Counts.Select(c => c.Ground.Id).ToList())),
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
}
