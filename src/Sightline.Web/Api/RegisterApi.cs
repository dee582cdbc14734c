using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Audit;
using Sightline.Data.Identification;
using Sightline.Data.Register;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;
using Sightline.Web.Accounts;

namespace Sightline.Web.Api;

/// <summary>The register as JSON under /api/v1: devices (filtered and keyset-paged like the list), one device's evidence, systems, sites, the audit log.</summary>
public static class RegisterApi
{
    public sealed record DeviceSummary(int Id, string? AssetId, string Kind, string? Brand, string? Model, string? Firmware, string? Ip,
        string? Mac, int? SystemId, int? SiteId, string Status, string? Platform, double? Confidence, bool WhiteLabel, IReadOnlyList<string> Flags);

    public sealed record DevicePage(IReadOnlyList<DeviceSummary> Devices, int? Next);

    public sealed record ClaimView(string Type, string Value, double Weight, string Rule, string? ObservationKind, string? Observation);

    public sealed record RiskView(string Dimension, string Kind, string Id, string Title, bool? Applies, string Why, string Source, string Checked);

    public sealed record VerdictView(string? Platform, string? PlatformName, double Confidence, string ConfidenceWord, string? Brand, string? Model,
        string? Firmware, string? DeviceClass, bool WhiteLabelSuspected, IReadOnlyList<Tell> Tells, IReadOnlyList<ClaimView> Evidence,
        IReadOnlyList<string> Notes, string? DecidedBy, string? DecisionReason);

    public sealed record DeviceDetail(int Id, IReadOnlyDictionary<string, string> Fields, VerdictView Verdict, IReadOnlyList<RiskView> Risks);

    public sealed record SystemView(int Id, string Name, string Type, string? Purposes, string? LawfulBasis, bool PublicSpace, bool SensitiveSite,
        int? RetentionDays, string? Controller);

    public sealed record SiteView(int Id, string Name, string? Address, double? Latitude, double? Longitude);

    public sealed record AuditView(long Sequence, DateTimeOffset Time, string Actor, string Action, string EntityType, string EntityId,
        string? Before, string? After, string Hash);

    public sealed record CheckpointView(string Source, bool Holds, long? Sequence, DateTimeOffset? SignedAt, string? Key, string Message);

    public sealed record AuditVerification(bool Intact, long Entries, string Head, string? Broken, IReadOnlyList<CheckpointView> Checkpoints);

    public static void MapRegisterApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(Policies.Read).WithTags("Register");
        api.MapGet("/devices", ListDevicesAsync).WithSummary("Devices, filtered like the device list, in ID order, 100 (or limit, at most 1000) at a time; pass next as after for the next page.");
        api.MapGet("/devices/{id:int}", GetDeviceAsync).WithSummary("One device: its fields, the verdict with every claim and its observation, and its risks by dimension with sources.");
        api.MapGet("/systems", async (RegisterDb db, CancellationToken cancel) =>
            (await db.Systems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancel))
                .ConvertAll(s => new SystemView(s.Id, s.Name, Words.Of(s.Type), s.Purposes, s.LawfulBasis, s.PublicSpace, s.SensitiveSite, s.RetentionDays, s.Controller)))
            .WithSummary("Every surveillance system.");
        api.MapGet("/sites", async (RegisterDb db, CancellationToken cancel) =>
            await db.Sites.AsNoTracking().OrderBy(s => s.Id).Select(s => new SiteView(s.Id, s.Name, s.Address, s.Latitude, s.Longitude)).ToListAsync(cancel))
            .WithSummary("Every site.");
        api.MapGet("/audit", ListAuditAsync).RequireAuthorization(Policies.ReadAudit)
            .WithSummary("The audit log, newest first, 100 (or limit, at most 1000) at a time; pass the last sequence as before for older entries; "
                + "entity (TYPE or TYPE:ID), actor, and from and to (UTC days as YYYY-MM-DD, both included) filter it.");
        api.MapGet("/audit/verify", VerifyAuditAsync).RequireAuthorization(Policies.ReadAudit)
            .WithSummary("Checks the audit log's hash chain, and the log against its newest signed checkpoints (the folder's file and the register's copy): intact is false if an entry was edited, removed, reordered or cut off the end.");
    }

    private static async Task<Results<Ok<DevicePage>, ProblemHttpResult>> ListDevicesAsync(RegisterDb db, KnowledgeBase knowledge,
        string? system, string? site, string? brand, string? maker, string? kind, string? status, string? flagged, bool? whiteLabel,
        int? after, int? limit, CancellationToken cancel)
    {
        var filter = new DeviceFilter
        {
            System = system, Site = site, Brand = brand, Maker = maker, Kind = kind, Status = status, Flagged = flagged == "any" ? "" : flagged,
            WhiteLabel = whiteLabel == true,
        };
        var (found, error) = await filter.ApplyAsync(db, () => knowledge, cancel);
        if (found is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }
        var query = found.Devices;
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        if (after is { } a)
        {
            query = query.Where(d => d.Id > a);
        }
        var devices = await query.OrderBy(d => d.Id).Take(take + 1).ToListAsync(cancel);
        int? next = null;
        if (devices.Count > take)
        {
            devices.RemoveAt(take);
            next = devices[^1].Id;
        }
        var ids = devices.ConvertAll(d => d.Id);
        var identities = await db.Identities.AsNoTracking().Where(i => ids.Contains(i.DeviceId)).ToDictionaryAsync(i => i.DeviceId, cancel);
        return TypedResults.Ok(new DevicePage(devices.ConvertAll(d =>
        {
            identities.TryGetValue(d.Id, out var identity);
            return new DeviceSummary(d.Id, d.AssetId, Words.Of(d.Kind), d.BrandAsSold, d.Model, d.Firmware, d.IpAddress, d.MacAddress,
                d.SystemId, d.SiteId, Words.Of(d.Status), identity?.Platform, identity?.Confidence, identity?.WhiteLabel == true, FlagWords(identity?.Flags ?? RiskDimension.None));
        }), next));
    }

    private static async Task<Results<Ok<DeviceDetail>, NotFound>> GetDeviceAsync(int id, RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel)
    {
        if (await DeviceEvidence.LoadAsync(db, knowledge, id, cancel) is not { } evidence)
        {
            return TypedResults.NotFound();
        }
        var values = DeviceValues.From(evidence.Device, evidence.SystemName, evidence.SiteName);
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < DeviceColumns.Count; i++)
        {
            if (values[(DeviceColumn)i] is { } value)
            {
                fields[DeviceColumns.Names[i]] = value;
            }
        }
        foreach (var (name, value) in values.Attributes)
        {
            fields[name] = value;
        }
        var v = evidence.Verdict;
        var claims = v.Evidence.Select(c =>
        {
            var o = c.Observation >= 0 && c.Observation < evidence.Observations.Count ? evidence.Observations[c.Observation] : null;
            return new ClaimView(c.Type.ToString().ToLowerInvariant(), c.Value, c.Weight, c.Rule, o?.Kind, o?.Value);
        }).ToList();
        var verdict = new VerdictView(v.Platform?.Id, v.Platform?.Name, v.PlatformConfidence, v.ConfidenceWord, v.Brand, v.Model, v.Firmware,
            v.DeviceClass, v.WhiteLabelSuspected, v.Tells, claims, v.Notes, evidence.Decision?.Actor, evidence.Decision?.Reason);
        var risks = evidence.Risks.Select(r => new RiskView(DimensionWord(r.Dimension), r.Kind, r.Id, r.Title, r.Applies, r.Why,
            r.Provenance.Source, r.Provenance.Checked)).ToList();
        return TypedResults.Ok(new DeviceDetail(id, fields, verdict, risks));
    }

    private static async Task<Results<Ok<List<AuditView>>, ProblemHttpResult>> ListAuditAsync(RegisterDb db, string? entity, string? actor,
        string? from, string? to, long? before, int? limit, CancellationToken cancel)
    {
        if (!AuditDay.TryRead(from, "from", out var first, out var error) || !AuditDay.TryRead(to, "to", out var last, out error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }
        var query = db.AuditEntries.AsNoTracking().Matching(entity, actor, first, last, before);
        return TypedResults.Ok(await query.OrderByDescending(a => a.Sequence).Take(Math.Clamp(limit ?? 100, 1, 1000))
            .Select(a => new AuditView(a.Sequence, a.Time, a.Actor, a.Action, a.EntityType, a.EntityId, a.Before, a.After, a.Hash)).ToListAsync(cancel));
    }

    private static async Task<AuditVerification> VerifyAuditAsync(RegisterDb db, CancellationToken cancel)
    {
        var (count, head, broken) = await AuditLog.VerifyAsync(db, cancel);
        var findings = await AuditCheckpoints.CheckAsync(db, [], cancel);
        return new AuditVerification(broken is null && findings.All(f => f.Holds), count, head,
            broken is null ? null : $"entry {broken.Sequence}: {broken.Reason}",
            findings.Select(f => new CheckpointView(f.Source, f.Holds, f.Checkpoint?.Sequence, f.Checkpoint?.Time, f.Checkpoint?.Fingerprint, f.Message)).ToList());
    }

    private static string DimensionWord(RiskDimension dimension) => dimension switch
    {
        RiskDimension.HumanRights => "human-rights",
        RiskDimension.SecurityTrust => "security",
        _ => "cyber",
    };

    private static List<string> FlagWords(RiskDimension flags) =>
        RiskAssessor.Dimensions.Where(d => flags.HasFlag(d)).Select(DimensionWord).ToList();

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
