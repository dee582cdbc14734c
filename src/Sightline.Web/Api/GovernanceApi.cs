using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Accounts;
using Sightline.Data.Compliance;
using Sightline.Register;
using Sightline.Web.Accounts;

namespace Sightline.Web.Api;

/// <summary>
/// The Code of Practice records under /api/v1: the organisation's profile, systems with their purposes and reference
/// databases, DPIAs with their review triggers, certifications with their alerts. Writes take an API token (a browser's
/// cookie goes through the pages and their antiforgery check) and the role the pages ask for.
/// </summary>
public static class GovernanceApi
{
    public sealed record PurposeView(string Name, string? PressingNeed, string? Evidence, int? RetentionDays, string? RetentionJustification);

    public sealed record DatabaseView(string Name, string Kind, DateOnly? LastReviewed, DateOnly? ReviewDue);

    public sealed record SystemDetail(int Id, IReadOnlyDictionary<string, string?> Fields, IReadOnlyList<PurposeView> Purposes,
        IReadOnlyList<DatabaseView> ReferenceDatabases, int Devices);

    public sealed record TriggerView(string Kind, string Detail, int Count, DateTimeOffset Raised, long LastEntry);

    public sealed record DpiaView(int Id, IReadOnlyDictionary<string, string?> Fields, string? SignedOffBy, DateTimeOffset? SignedOff, DateOnly? ReviewDue);

    public sealed record DpiaDetail(int SystemId, string System, string State, DpiaView? Current, DpiaView? Draft, IReadOnlyList<string> Locations,
        IReadOnlyList<TriggerView> Triggers);

    public sealed record SignOffRequest(string By, DateOnly? ReviewDue);

    public sealed record CertificationView(int Id, string Body, string Step, string? Reference, DateOnly Issued, DateOnly Expires,
        IReadOnlyList<string> Systems, int DaysLeft, string? Alert);

    public sealed record CertificationRequest(string Body, string Step, string Issued, string? Expires, string? Reference, IReadOnlyList<string> Systems);

    public static void MapGovernanceApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Code of Practice");
        api.MapGet("/organisation", GetOrganisationAsync).RequireAuthorization(Policies.Read)
            .WithSummary("The organisation's profile: name, sector, PoFA s.33 status, SRO, DPO, ICO registration, contact point.");
        api.MapPatch("/organisation", SetOrganisationAsync).RequireAuthorization(TokenWith(Roles.Admin, Roles.Compliance))
            .WithSummary("Changes fields of the profile (Admin or Compliance): an object of field name to value (null clears); 400 with the problems.");
        api.MapGet("/systems/{id:int}", GetSystemAsync).RequireAuthorization(Policies.Read)
            .WithSummary("One system's Code of Practice records: its fields, each purpose's pressing need and evidence, its reference databases.");
        api.MapPost("/systems", AddSystemAsync).RequireAuthorization(TokenWith(Roles.Manager, Roles.Compliance))
            .WithSummary("Makes a system (Manager or Compliance) from an object of field name to value; 201 with it, 400 with the problems.");
        api.MapPatch("/systems/{id:int}", SetSystemAsync).RequireAuthorization(TokenWith(Roles.Manager, Roles.Compliance))
            .WithSummary("Changes fields of a system (Manager or Compliance); null clears a field.");
        api.MapGet("/dpias", ListDpiasAsync).RequireAuthorization(Policies.Read)
            .WithSummary("Every system's DPIA: current and draft, locations from the register, and the open review triggers (raised from the audit log as it is read).");
        api.MapGet("/systems/{id:int}/dpia", GetDpiaAsync).RequireAuthorization(Policies.Read)
            .WithSummary("One system's DPIA with its open review triggers.");
        api.MapPatch("/systems/{id:int}/dpia", EditDpiaAsync).RequireAuthorization(TokenWith(Roles.Compliance))
            .WithSummary("Sets fields of the system's draft DPIA (Compliance), starting it from the current one when there is none.");
        api.MapPost("/systems/{id:int}/dpia/sign-off", SignOffAsync).RequireAuthorization(TokenWith(Roles.Compliance))
            .WithSummary("Signs off the draft DPIA (Compliance) in the name of by: it becomes current, its review triggers are cleared.");
        api.MapGet("/certifications", ListCertificationsAsync).RequireAuthorization(Policies.Read)
            .WithSummary("Certifications, soonest expiry first, with alert: expired, expires within 30 days, expires within 90 days, or null.");
        api.MapPost("/certifications", AddCertificationAsync).RequireAuthorization(TokenWith(Roles.Compliance))
            .WithSummary("Records a certification (Compliance): body, step (desktop: 1 year; full: 5 years), issued (YYYY-MM-DD), systems.");
    }

    internal static AuthorizationPolicy TokenWith(params string[] roles) =>
        new AuthorizationPolicyBuilder(ApiTokenHandler.SchemeName).RequireRole(roles).Build();

    private static Dictionary<string, string?> FieldsOf<T>(T record, IReadOnlyList<RecordField<T>> fields) =>
        fields.ToDictionary(f => f.Name, f => f.Get(record));

    private static async Task<Results<Ok<Dictionary<string, string?>>, NotFound>> GetOrganisationAsync(RegisterDb db, CancellationToken cancel) =>
        await OrganisationProfile.GetAsync(db, cancel) is { } organisation ? TypedResults.Ok(FieldsOf(organisation, OrganisationProfile.Fields)) : TypedResults.NotFound();

    private static async Task<Results<Ok<Dictionary<string, string?>>, ProblemHttpResult>> SetOrganisationAsync(Dictionary<string, string?> values,
        RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var applied = await OrganisationProfile.SetAsync(db, time, http.User.Identity!.Name!, values, cancel);
        if (applied.Problems.Count > 0)
        {
            return FieldProblems.Of(applied.Problems);
        }
        return TypedResults.Ok(FieldsOf((await OrganisationProfile.GetAsync(db, cancel))!, OrganisationProfile.Fields));
    }

    private static async Task<SystemDetail?> SystemDetailAsync(RegisterDb db, int id, CancellationToken cancel)
    {
        if (await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } system)
        {
            return null;
        }
        var details = await db.SystemPurposes.AsNoTracking().Where(p => p.SystemId == id).ToDictionaryAsync(p => p.Name, cancel);
        var purposes = RecordFields.ListOf(system.Purposes).Select(n => details.GetValueOrDefault(n) is { } p
            ? new PurposeView(n, p.PressingNeed, p.Evidence, p.RetentionDays, p.RetentionJustification) : new PurposeView(n, null, null, null, null)).ToList();
        var databases = await db.ReferenceDatabases.AsNoTracking().Where(d => d.SystemId == id).OrderBy(d => d.Name)
            .Select(d => new DatabaseView(d.Name, d.Kind, d.LastReviewed, d.ReviewDue)).ToListAsync(cancel);
        var devices = await db.Devices.CountAsync(d => d.SystemId == id, cancel);
        return new SystemDetail(id, FieldsOf(system, SystemRecords.Fields), purposes, databases, devices);
    }

    private static async Task<Results<Ok<SystemDetail>, NotFound>> GetSystemAsync(int id, RegisterDb db, CancellationToken cancel) =>
        await SystemDetailAsync(db, id, cancel) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<SystemDetail>, ProblemHttpResult>> AddSystemAsync(Dictionary<string, string?> values, RegisterDb db,
        TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var outcome = await SystemRecords.AddAsync(db, time, http.User.Identity!.Name!, values, cancel);
        if (!outcome.Succeeded)
        {
            return FieldProblems.Of(outcome.Problems);
        }
        var id = outcome.SystemId!.Value;
        return TypedResults.Created($"/api/v1/systems/{RegisterApi.Invariant(id)}", await SystemDetailAsync(db, id, cancel));
    }

    private static async Task<Results<Ok<SystemDetail>, NotFound, ProblemHttpResult>> SetSystemAsync(int id, Dictionary<string, string?> values,
        RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        if (!await db.Systems.AnyAsync(s => s.Id == id, cancel))
        {
            return TypedResults.NotFound();
        }
        var outcome = await SystemRecords.SetAsync(db, time, http.User.Identity!.Name!, id, values, cancel);
        return outcome.Succeeded ? TypedResults.Ok((await SystemDetailAsync(db, id, cancel))!) : FieldProblems.Of(outcome.Problems);
    }

    private static DpiaView? ViewOf(Sightline.Compliance.Dpia? dpia) =>
        dpia is null ? null : new DpiaView(dpia.Id, FieldsOf(dpia, DpiaRecords.Fields), dpia.SignedOffBy, dpia.SignedOff, dpia.ReviewDue);

    private static async Task<DpiaDetail> DpiaDetailAsync(RegisterDb db, SurveillanceSystem system, CancellationToken cancel)
    {
        var state = await DpiaRecords.StateAsync(db, system.Id, cancel);
        var triggers = (await DpiaReviews.OpenAsync(db, system.Id, cancel)).ConvertAll(t => new TriggerView(t.Kind, t.Detail, t.Count, t.Raised, t.LastEntry));
        return new DpiaDetail(system.Id, system.Name, DpiaRecords.StateWord(state), ViewOf(state.Current), ViewOf(state.Draft),
            await DpiaRecords.LocationsAsync(db, system.Id, cancel), triggers);
    }

    private static async Task<List<DpiaDetail>> ListDpiasAsync(RegisterDb db, TimeProvider time, CancellationToken cancel)
    {
        await DpiaReviews.RaiseAsync(db, time, cancel);
        var details = new List<DpiaDetail>();
        foreach (var system in await db.Systems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancel))
        {
            details.Add(await DpiaDetailAsync(db, system, cancel));
        }
        return details;
    }

    private static async Task<Results<Ok<DpiaDetail>, NotFound>> GetDpiaAsync(int id, RegisterDb db, TimeProvider time, CancellationToken cancel)
    {
        if (await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } system)
        {
            return TypedResults.NotFound();
        }
        await DpiaReviews.RaiseAsync(db, time, cancel);
        return TypedResults.Ok(await DpiaDetailAsync(db, system, cancel));
    }

    private static async Task<Results<Ok<DpiaDetail>, NotFound, ProblemHttpResult>> EditDpiaAsync(int id, Dictionary<string, string?> values,
        RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        if (await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } system)
        {
            return TypedResults.NotFound();
        }
        var problems = await DpiaRecords.EditAsync(db, time, http.User.Identity!.Name!, id, values, cancel);
        return problems.Count > 0 ? FieldProblems.Of(problems) : TypedResults.Ok(await DpiaDetailAsync(db, system, cancel));
    }

    private static async Task<Results<Ok<DpiaDetail>, NotFound, ProblemHttpResult>> SignOffAsync(int id, SignOffRequest request,
        RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        if (await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } system)
        {
            return TypedResults.NotFound();
        }
        if (await DpiaRecords.SignOffAsync(db, time, http.User.Identity!.Name!, id, request.By, request.ReviewDue, cancel) is { } problem)
        {
            return FieldProblems.Of([("sign-off", problem)]);
        }
        return TypedResults.Ok(await DpiaDetailAsync(db, system, cancel));
    }

    private static async Task<List<CertificationView>> ListCertificationsAsync(RegisterDb db, TimeProvider time, CancellationToken cancel) =>
        (await CertificationRecords.ListAsync(db, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancel)).ConvertAll(View);

    private static CertificationView View(CertificationRecords.View v) => new(v.Certification.Id, Words.Of(v.Certification.Body),
        Words.Of(v.Certification.Step), v.Certification.Reference, v.Certification.Issued, v.Certification.Expires, v.Systems, v.DaysLeft, v.Alert);

    private static async Task<Results<Created<CertificationView>, ProblemHttpResult>> AddCertificationAsync(CertificationRequest request,
        RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var (id, problems) = await CertificationRecords.AddAsync(db, time, http.User.Identity!.Name!, request.Body ?? "", request.Step ?? "",
            request.Issued ?? "", request.Expires, request.Reference, request.Systems ?? [], cancel);
        if (id is null)
        {
            return FieldProblems.Of(problems.Select(p => (p.Split(':')[0], p)));
        }
        var all = await CertificationRecords.ListAsync(db, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancel);
        return TypedResults.Created($"/api/v1/certifications", View(all.Single(v => v.Certification.Id == id)));
    }
}
