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
        api.MapGet("/disclosures", ListDisclosuresAsync).RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("Open disclosure requests (all=true: closed too), oldest first, with their stage and flag \"decision overdue\".");
        api.MapGet("/recorder-retention", async (RegisterDb db, CancellationToken cancel) => (await RetentionReadings.LatestAsync(db, cancel))
                .ConvertAll(l => new RecorderView(l.Reading.DeviceId, l.Recorder, l.System, l.Reading.ReadAt, l.Reading.Method, l.Reading.LongestDays,
                    l.Reading.Unlimited, l.PolicyDays, l.Exceeds, l.Reading.Detail)))
            .RequireAuthorization(Policies.ReadLogBook)
            .WithSummary("Each recorder's latest reading of its own configured retention beside its system's policy, those keeping longer first, as `sightline logbook retention show --json`.");
        api.MapPost("/footage-access", AddAccessAsync).RequireAuthorization(keep)
            .WithSummary("Records a viewing or an export (Manager or Compliance): at, person, action, purpose, system, cameras, sha256…; 201, or 400 with each field's problem.");
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
        if (!await db.SubjectAccessRequests.AnyAsync(r => r.Id == id, cancel))
        {
            return TypedResults.NotFound();
        }
        var clock = SarClock.Shipped(knowledge.Folder);
        var outcome = await SubjectAccessRequests.SetAsync(db, clock, time, http.User.Identity!.Name!, id, values, cancel);
        if (!outcome.Succeeded)
        {
            return FieldProblems.Of(outcome.Problems);
        }
        db.ChangeTracker.Clear();
        return TypedResults.Ok((await SarAsync(db, clock, time, id, cancel))!);
    }

    private static async Task<List<HoldView>> ListHoldsAsync(RegisterDb db, TimeProvider time, bool? all, CancellationToken cancel) =>
        (await LegalHolds.ListAsync(db, LogBookRecords.Today(time), all == true, cancel)).ConvertAll(v => new HoldView(v.Hold.Id, Words.Of(v.Hold.Reason),
            v.Hold.Reference, v.Hold.Systems, v.Hold.Cameras, v.Hold.FootageFrom, v.Hold.FootageTo, v.Hold.Placed, v.Hold.PlacedBy, v.Hold.ReviewBy,
            v.Hold.Released, v.Hold.ReleasedBy, v.Hold.ReleaseReason, v.Flag));

    private static async Task<List<DisclosureView>> ListDisclosuresAsync(RegisterDb db, TimeProvider time, bool? all, CancellationToken cancel) =>
        (await Disclosures.ListAsync(db, LogBookRecords.Today(time), all == true, cancel)).ConvertAll(v => new DisclosureView(v.Disclosure.Id,
            v.Disclosure.Received, v.Disclosure.RecipientPerson, v.Disclosure.RecipientOrganisation, v.Disclosure.Reference, v.Disclosure.Purpose,
            Words.Of(v.Disclosure.Stage), v.Disclosure.LegalBasis, v.Disclosure.Decision is { } d ? Words.Of(d) : null, v.Disclosure.Disclosed,
            v.Disclosure.Closed, v.Disclosure.HoldId, v.Flag));

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
