using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sightline.Data;
using Sightline.Data.Accounts;
using Sightline.Data.Remediation;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;
using Sightline.Web.Accounts;

namespace Sightline.Web.Api;

/// <summary>
/// The remediation plan under /api/v1: read by every role but Viewer; changed with an API token of Procurement, Manager or
/// Admin. Lines have the fields `sightline remediation list --json` prints.
/// </summary>
public static class RemediationApi
{
    public sealed record ExceptionView(string? By, string? Reason, DateOnly? Date);

    public sealed record LineView(string Device, int DeviceId, string? Maker, string Disposition, string? Justification, string Owner, DateOnly? TargetDate,
        decimal? Cost, string Status, bool Overdue, string? Blocker, IReadOnlyList<string> Flagged, string? Group, ExceptionView? Exception);

    public sealed record AddRequest(string? Device, string? Site, string? System, string? Model, string? Disposition, string? Justification, string? Owner,
        string? TargetDate, string? Cost, string? Status, string? ExceptionBy, string? ExceptionReason, string? ExceptionDate);

    public sealed record SetRequest(string? Disposition, string? Justification, string? Owner, string? TargetDate, string? Cost, string? Status,
        string? ExceptionBy, string? ExceptionReason, string? ExceptionDate);

    public sealed record AddResult(int Added, int AlreadyPlanned);

    public static void MapRemediationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Remediation");
        var write = new AuthorizationPolicyBuilder(ApiTokenHandler.SchemeName).RequireRole(Roles.Procurement, Roles.Manager, Roles.Admin).Build();
        api.MapGet("/remediation", ListAsync).RequireAuthorization(Policies.ReadRemediation)
            .WithSummary("The remediation plan: one object per planned device with disposition, owner, targetDate, cost (GBP), status, overdue and blocker.");
        api.MapPost("/remediation", AddAsync).RequireAuthorization(write)
            .WithSummary("Plans one device, or a site's, system's or model's flagged devices (name exactly one); 400 naming the field when refused.");
        api.MapPatch("/remediation/{device}", SetAsync).RequireAuthorization(write)
            .WithSummary("Changes a device's line (ID or asset id); the exception fields record an exception to the UK sensitive-site rule.");
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static ProblemHttpResult Problem(string message) => TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<List<LineView>> ListAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, CancellationToken cancel) =>
        (await RemediationPlan.ListAsync(db, knowledge, Today(time), cancel)).ConvertAll(p => new LineView(p.Device, p.Item.DeviceId, p.Maker,
            Words.Of(p.Item.Disposition), p.Item.Justification, p.Item.Owner, p.Item.TargetDate, p.Item.Cost, Words.Of(p.Item.Status), p.Overdue,
            p.Blocker is { } b ? Words.Of(b) : null, [.. RiskAssessor.Dimensions.Where(d => p.Flags.HasFlag(d)).Select(RiskAssessor.Words)], p.Item.Group,
            p.Item.ExceptionBy is null ? null : new ExceptionView(p.Item.ExceptionBy, p.Item.ExceptionReason, p.Item.ExceptionDate)));

    private static async Task<Results<Ok<AddResult>, ProblemHttpResult>> AddAsync(AddRequest request, RegisterDb db, KnowledgeBase knowledge, TimeProvider time,
        HttpContext http, CancellationToken cancel)
    {
        var groups = new[] { (PlanGroup.Device, request.Device), (PlanGroup.Site, request.Site), (PlanGroup.System, request.System), (PlanGroup.Model, request.Model) }
            .Where(g => !string.IsNullOrWhiteSpace(g.Item2)).Select(g => new PlanGroup(g.Item1, g.Item2!.Trim())).ToList();
        if (groups.Count != 1)
        {
            return Problem("name exactly one of device, site, system or model");
        }
        if (request.Disposition is null)
        {
            return Problem($"disposition: required, one of {Words.List<Remediation.Disposition>()}");
        }
        var values = new RemediationValues
        {
            Disposition = request.Disposition, Justification = request.Justification, Owner = request.Owner, Target = request.TargetDate, Cost = request.Cost,
            Status = request.Status, ExceptionBy = request.ExceptionBy, ExceptionReason = request.ExceptionReason, ExceptionDate = request.ExceptionDate,
        };
        var (added, left, problem) = await RemediationPlan.AddAsync(db, knowledge, time, http.User.Identity!.Name!, groups[0], values, cancel);
        return problem is null ? TypedResults.Ok(new AddResult(added, left)) : Problem(problem);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetAsync(string device, SetRequest request, RegisterDb db, KnowledgeBase knowledge,
        TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var values = new RemediationValues
        {
            Disposition = request.Disposition, Justification = request.Justification, Owner = request.Owner, Target = request.TargetDate, Cost = request.Cost,
            Status = request.Status, ExceptionBy = request.ExceptionBy, ExceptionReason = request.ExceptionReason, ExceptionDate = request.ExceptionDate,
        };
        var (_, problem) = await RemediationPlan.SetAsync(db, knowledge, time, http.User.Identity!.Name!, device, values, cancel);
        return problem is null ? TypedResults.NoContent() : Problem(problem);
    }
}
