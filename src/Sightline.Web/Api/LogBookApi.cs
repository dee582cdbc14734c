using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Accounts;
using Sightline.Data.Compliance;
using Sightline.Data.LogBook;
using Sightline.Knowledge;
using Sightline.LogBook;
using Sightline.Register;
using Sightline.Web.Accounts;
using Sightline.Web.LogBook;

namespace Sightline.Web.Api;

/// <summary>
/// The log book under /api/v1: subject access requests, holds, disclosures and the viewing and export log. It holds
/// personal data, so Manager, Compliance and Assessor read it; writes take an API token of Manager or Compliance. Requests
/// have the fields `sightline sar list --json` prints.
/// </summary>
public static class LogBookApi
{
    public sealed record SarView(int Id, DateOnly Received, DateOnly Due, string Status, int? Hold, bool Held, string? Flag, int ExtensionMonths,
        string? Channel, string? Systems, DateOnly? IdentityVerified, DateOnly? Searched, DateOnly? Supplied, string? Redaction, string? Outcome, DateOnly? Closed);

    public sealed record HoldView(int Id, string Reason, string? Reference, string? Systems, string? Cameras, DateTimeOffset? FootageFrom, DateTimeOffset? FootageTo,
        DateOnly Placed, string PlacedBy, DateOnly ReviewBy, DateOnly? Released, string? ReleasedBy, string? ReleaseReason, string? Flag);

    public sealed record DisclosureView(int Id, DateOnly Received, string Recipient, string Organisation, string? Reference, string Purpose, string Stage,
        string? LegalBasis, string? Decision, DateOnly? Disclosed, DateOnly? Closed, int? Hold, string? Flag);

    public sealed record AccessView(int Id, IReadOnlyDictionary<string, string?> Fields, string Source);

    public sealed record RecorderView(int Device, string Recorder, string? System, DateTimeOffset Read, string Method, int LongestDays, bool Unlimited,
        int? PolicyDays, bool ExceedsPolicy, string Detail);

    public static void MapLogBookApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Log book");
        var keep = GovernanceApi.TokenWith(Roles.Manager, Roles.Compliance);
        api.MapGet("/sars", ListSarsAsync).RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("Open subject access requests, soonest due first (all=true: closed too; due=true: only overdue or due within 7 days), as `sightline sar list --json`.");
        api.MapGet("/sars/{id:int}", GetSarAsync).RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("One subject access request, as listed.");
        api.MapPost("/sars", AddSarAsync).RequireAuthorization(keep)
            .WithSummary("Records a request (Manager or Compliance) from an object of field name to value; a hold is placed on its footage. 201, or 400 with each field's problem.");
        api.MapPatch("/sars/{id:int}", SetSarAsync).RequireAuthorization(keep)
            .WithSummary("Records a step or corrects fields of a request (field name to value; null clears); closing it releases its hold. 400 with each field's problem.");
        api.MapGet("/holds", ListHoldsAsync).RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("Holds in force (all=true: released too), soonest review first, flag \"review overdue\" past their review day.");
        api.MapGet("/holds/{id:int}", GetHoldAsync).RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("One hold, as listed.");
        api.MapPost("/holds", AddHoldAsync).RequireAuthorization(keep)
            .WithSummary("Places a hold (Manager or Compliance) from an object of field name to value (reason, systems or cameras, review-by…); 201, or 400 with each field's problem.");
        api.MapPatch("/holds/{id:int}", SetHoldAsync).RequireAuthorization(keep)
            .WithSummary("Changes a hold in force: its review day or what it covers (field name to value; null clears). 400 with each field's problem.");
        api.MapPost("/holds/{id:int}/release", ReleaseHoldAsync).RequireAuthorization(keep)
            .WithSummary("Releases a hold with {\"reason\": …}: the footage falls under the retention policy again. A request's own hold is released by closing the request.");
        api.MapGet("/disclosures", ListDisclosuresAsync).RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("Open disclosure requests (all=true: closed too), oldest first, with their stage and flag \"decision overdue\".");
        api.MapGet("/disclosures/{id:int}", GetDisclosureAsync).RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("One disclosure request, as listed.");
        api.MapPost("/disclosures", AddDisclosureAsync).RequireAuthorization(keep)
            .WithSummary("Records a disclosure request received (Manager or Compliance): recipient, organisation, purpose…; hold=true holds the footage it names until it closes. 201, or 400 with each field's problem.");
        api.MapPatch("/disclosures/{id:int}", SetDisclosureAsync).RequireAuthorization(keep)
            .WithSummary("Records a step (assessed, decision with authorised-by and decided, disclosed with method, closed) or corrects fields. 400 with each field's problem.");
        api.MapGet("/recorder-retention", async (RegisterDb db, CancellationToken cancel) => (await RetentionReadings.LatestAsync(db, cancel))
                .ConvertAll(l => new RecorderView(l.Reading.DeviceId, l.Recorder, l.System, l.Reading.ReadAt, l.Reading.Method, l.Reading.LongestDays,
                    l.Reading.Unlimited, l.PolicyDays, l.Exceeds, l.Reading.Detail)))
            .RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("Each recorder's latest reading of its own configured retention beside its system's policy, those keeping longer first, as `sightline logbook retention show --json`.");
        api.MapGet("/recorder-retention/read", (RetentionRunner reader) =>
                reader.Current is { } run ? Results.Ok(RetentionReadStatus.Of(run)) : Results.NotFound())
            .RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("The read of recorders' retention this server is running (or ran last): each recorder's answer so far, or why it was not read. 404 before the first.");
        // As for scans, only a Manager's token starts a read through the API: it sends traffic to devices.
        api.MapPost("/recorder-retention/read", StartReadAsync)
            .RequireAuthorization(new AuthorizationPolicyBuilder(ApiTokenHandler.SchemeName).RequireRole(Data.Accounts.Roles.Manager).Build())
            .WithSummary("Starts reading the recorders' own retention (Manager) with {\"logins\": \"TARGET USER PASSWORD lines\", \"system\": name or null, \"allowPublic\": false}: " +
                "one recorder at a time on port 80, the logins held only while it runs. 202 with its status, 400 with the problems, 409 while another runs.");
        api.MapPost("/footage-access", AddAccessAsync).RequireAuthorization(keep)
            .WithSummary("Records a viewing or an export (Manager or Compliance): at, person, action, purpose, system, cameras, sha256…; 201, or 400 with each field's problem.");
    }

    /// <summary>What starts a read of recorders: the logins (never stored), one system's recorders or every system's, and whether public addresses may be asked.</summary>
    public sealed record RetentionReadRequest(string? Logins, string? System, bool AllowPublic = false);

    private static async Task<Results<Accepted<RetentionReadStatus>, ProblemHttpResult>> StartReadAsync(RetentionReadRequest request, RetentionRunner reader, RegisterDb db,
        HttpContext http, CancellationToken cancel)
    {
        var (run, problems, busy) = await reader.StartAsync(db, request.Logins, request.System, request.AllowPublic, http.User.Identity!.Name!, cancel);
        if (run is null)
        {
            return FieldProblems.Of(problems, busy ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
        return TypedResults.Accepted("/api/v1/recorder-retention/read", RetentionReadStatus.Of(run));
    }

    /// <summary>The requests as listed, each with whether its hold is still in force.</summary>
    internal static async Task<List<SarView>> SarViewsAsync(RegisterDb db, IReadOnlyList<SubjectAccessRequests.View> views, CancellationToken cancel)
    {
        var ids = views.Where(v => v.Request.HoldId is not null).Select(v => v.Request.HoldId!.Value).ToList();
        var held = (await db.LegalHolds.Where(h => ids.Contains(h.Id) && h.Released == null).Select(h => h.Id).ToListAsync(cancel)).ToHashSet();
        return [.. views.Select(v => ViewOf(v, v.Request.HoldId is { } h && held.Contains(h)))];
    }

    private static SarView ViewOf(SubjectAccessRequests.View v, bool held)
    {
        var r = v.Request;
        return new SarView(r.Id, r.Received, v.Due, Words.Of(r.Stage), r.HoldId, held, v.Flag, r.ExtensionMonths, r.Channel, r.Systems, r.IdentityVerified,
            r.Searched, r.Supplied, r.Redaction is { } red ? Words.Of(red) : null, r.Outcome is { } o ? Words.Of(o) : null, r.Closed);
    }

    private static async Task<SarView?> SarAsync(RegisterDb db, SarClock clock, TimeProvider time, int id, CancellationToken cancel)
    {
        if (await SubjectAccessRequests.FindAsync(db, id, cancel) is not { } request)
        {
            return null;
        }
        var view = new SubjectAccessRequests.View(request, clock.Due(request), clock.Flag(request, LogBookRecords.Today(time)));
        return (await SarViewsAsync(db, [view], cancel))[0];
    }

    private static async Task<List<SarView>> ListSarsAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, bool? due, bool? all, CancellationToken cancel)
    {
        var views = await SubjectAccessRequests.ListAsync(db, SarClock.Shipped(knowledge.Folder), LogBookRecords.Today(time), all == true, cancel);
        return await SarViewsAsync(db, due == true ? views.FindAll(v => v.Flag is not null) : views, cancel);
    }

    private static async Task<Results<Ok<SarView>, NotFound>> GetSarAsync(int id, RegisterDb db, KnowledgeBase knowledge, TimeProvider time, CancellationToken cancel) =>
        await SarAsync(db, SarClock.Shipped(knowledge.Folder), time, id, cancel) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<SarView>, ProblemHttpResult>> AddSarAsync(Dictionary<string, string?> values, RegisterDb db, KnowledgeBase knowledge,
        TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var clock = SarClock.Shipped(knowledge.Folder);
        var outcome = await SubjectAccessRequests.AddAsync(db, clock, time, http.User.Identity!.Name!, values, cancel);
        if (!outcome.Succeeded)
        {
            return FieldProblems.Of(outcome.Problems);
        }
        var id = outcome.Id!.Value;
        return TypedResults.Created($"/api/v1/sars/{RegisterApi.Invariant(id)}", await SarAsync(db, clock, time, id, cancel));
    }

    private static async Task<Results<Ok<SarView>, NotFound, ProblemHttpResult>> SetSarAsync(int id, Dictionary<string, string?> values, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var clock = SarClock.Shipped(knowledge.Folder);
        return await WrittenAsync(db.SubjectAccessRequests.AnyAsync(r => r.Id == id, cancel),
            () => SubjectAccessRequests.SetAsync(db, clock, time, http.User.Identity!.Name!, id, values, cancel), async () => (await SarAsync(db, clock, time, id, cancel))!, db);
    }

    private static async Task<List<HoldView>> ListHoldsAsync(RegisterDb db, TimeProvider time, bool? all, CancellationToken cancel) =>
        (await LegalHolds.ListAsync(db, LogBookRecords.Today(time), all == true, cancel)).ConvertAll(v => ViewOf(v.Hold, v.Flag));

    private static HoldView ViewOf(LegalHold h, string? flag) => new(h.Id, Words.Of(h.Reason), h.Reference, h.Systems, h.Cameras, h.FootageFrom,
        h.FootageTo, h.Placed, h.PlacedBy, h.ReviewBy, h.Released, h.ReleasedBy, h.ReleaseReason, flag);

    private static async Task<HoldView?> HoldAsync(RegisterDb db, TimeProvider time, int id, CancellationToken cancel) =>
        await db.LegalHolds.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancel) is { } hold
            ? ViewOf(hold, LegalHolds.Flag(hold, LogBookRecords.Today(time))) : null;

    private static async Task<Results<Ok<HoldView>, NotFound>> GetHoldAsync(int id, RegisterDb db, TimeProvider time, CancellationToken cancel) =>
        await HoldAsync(db, time, id, cancel) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<HoldView>, ProblemHttpResult>> AddHoldAsync(Dictionary<string, string?> values, RegisterDb db, TimeProvider time,
        HttpContext http, CancellationToken cancel)
    {
        var outcome = await LegalHolds.PlaceAsync(db, time, http.User.Identity!.Name!, values, cancel);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/holds/{RegisterApi.Invariant(outcome.Id!.Value)}", await HoldAsync(db, time, outcome.Id.Value, cancel))
            : FieldProblems.Of(outcome.Problems);
    }

    private static async Task<Results<Ok<HoldView>, NotFound, ProblemHttpResult>> SetHoldAsync(int id, Dictionary<string, string?> values, RegisterDb db,
        TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await WrittenAsync(db.LegalHolds.AnyAsync(h => h.Id == id, cancel), () => LegalHolds.SetAsync(db, time, http.User.Identity!.Name!, id, values, cancel),
            async () => (await HoldAsync(db, time, id, cancel))!, db);

    private static async Task<Results<Ok<HoldView>, NotFound, ProblemHttpResult>> ReleaseHoldAsync(int id, Dictionary<string, string?> values, RegisterDb db,
        TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await WrittenAsync(db.LegalHolds.AnyAsync(h => h.Id == id, cancel),
            () => LegalHolds.ReleaseAsync(db, time, http.User.Identity!.Name!, id, values.GetValueOrDefault("reason") ?? "", cancel),
            async () => (await HoldAsync(db, time, id, cancel))!, db);

    private static async Task<List<DisclosureView>> ListDisclosuresAsync(RegisterDb db, TimeProvider time, bool? all, CancellationToken cancel) =>
        (await Disclosures.ListAsync(db, LogBookRecords.Today(time), all == true, cancel)).ConvertAll(v => ViewOf(v.Disclosure, v.Flag));

    private static DisclosureView ViewOf(Disclosure d, string? flag) => new(d.Id, d.Received, d.RecipientPerson, d.RecipientOrganisation, d.Reference,
        d.Purpose, Words.Of(d.Stage), d.LegalBasis, d.Decision is { } decision ? Words.Of(decision) : null, d.Disclosed, d.Closed, d.HoldId, flag);

    private static async Task<DisclosureView?> DisclosureAsync(RegisterDb db, TimeProvider time, int id, CancellationToken cancel) =>
        await Disclosures.FindAsync(db, id, cancel) is { } disclosure ? ViewOf(disclosure, Disclosures.Flag(disclosure, LogBookRecords.Today(time))) : null;

    private static async Task<Results<Ok<DisclosureView>, NotFound>> GetDisclosureAsync(int id, RegisterDb db, TimeProvider time, CancellationToken cancel) =>
        await DisclosureAsync(db, time, id, cancel) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<DisclosureView>, ProblemHttpResult>> AddDisclosureAsync(Dictionary<string, string?> values, bool? hold,
        RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var outcome = await Disclosures.AddAsync(db, time, http.User.Identity!.Name!, values, hold == true, cancel);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/disclosures/{RegisterApi.Invariant(outcome.Id!.Value)}", await DisclosureAsync(db, time, outcome.Id.Value, cancel))
            : FieldProblems.Of(outcome.Problems);
    }

    private static async Task<Results<Ok<DisclosureView>, NotFound, ProblemHttpResult>> SetDisclosureAsync(int id, Dictionary<string, string?> values,
        RegisterDb db, TimeProvider time, HttpContext http, CancellationToken cancel) =>
        await WrittenAsync(db.Disclosures.AnyAsync(d => d.Id == id, cancel), () => Disclosures.SetAsync(db, time, http.User.Identity!.Name!, id, values, cancel),
            async () => (await DisclosureAsync(db, time, id, cancel))!, db);

    // A change to a record that must exist: 404 without it, 400 with each field's problem, else the record as it now is.
    private static async Task<Results<Ok<T>, NotFound, ProblemHttpResult>> WrittenAsync<T>(Task<bool> exists, Func<Task<LogBookRecords.Outcome>> write,
        Func<Task<T>> read, RegisterDb db)
    {
        if (!await exists)
        {
            return TypedResults.NotFound();
        }
        var outcome = await write();
        if (!outcome.Succeeded)
        {
            return FieldProblems.Of(outcome.Problems);
        }
        db.ChangeTracker.Clear();
        return TypedResults.Ok(await read());
    }

    private static async Task<Results<Created<AccessView>, ProblemHttpResult>> AddAccessAsync(Dictionary<string, string?> values, RegisterDb db,
        TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var outcome = await FootageLog.AddAsync(db, time, http.User.Identity!.Name!, "api", values, cancel);
        if (!outcome.Succeeded)
        {
            return FieldProblems.Of(outcome.Problems);
        }
        var entry = await db.FootageAccesses.AsNoTracking().SingleAsync(a => a.Id == outcome.Id, cancel);
        // Entries are listed by `sightline logbook access list` and the web's log book; the API has no address for one.
        return TypedResults.Created((string?)null, new AccessView(entry.Id, FootageLog.Fields.ToDictionary(f => f.Name, f => f.Get(entry)), entry.Source));
    }
}
