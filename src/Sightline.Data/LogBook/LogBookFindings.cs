using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.LogBook;
using Sightline.Register;

namespace Sightline.Data.LogBook;

/// <summary>
/// The log book's findings for principles 6 (holds and exported copies against the retention policy) and 7 (access and
/// disclosure recorded and authorised; subject access requests answered in time). A register whose log book is empty gets
/// none: it is not in use, and the self-assessment answers those principles. The log book's tables are small (entries a
/// day, not devices), so they are read whole once for every system.
/// </summary>
public sealed class LogBookFindings
{
    private readonly List<LegalHold> _holds;
    private readonly List<FootageAccess> _access;
    private readonly List<Disclosure> _disclosures;
    private readonly List<SubjectAccessRequest> _requests;
    private readonly Dictionary<string, int> _cameraSystems;
    private readonly List<RecorderRead> _readings;
    private readonly SarClock? _clock;
    private readonly DateOnly _today;
    private readonly bool _inUse;

    // A recorder's latest reading of its configured retention, with the system it is in.
    private sealed record RecorderRead(RecorderRetention Reading, int SystemId, string Label);

    private LogBookFindings(List<LegalHold> holds, List<FootageAccess> access, List<Disclosure> disclosures, List<SubjectAccessRequest> requests,
        Dictionary<string, int> cameraSystems, List<RecorderRead> readings, SarClock? clock, DateOnly today, bool inUse) =>
        (_holds, _access, _disclosures, _requests, _cameraSystems, _readings, _clock, _today, _inUse) =
        (holds, access, disclosures, requests, cameraSystems, readings, clock, today, inUse);

    /// <summary>Reads the log book once; the bank holidays only when a request is open.</summary>
    public static async Task<LogBookFindings> ReadAsync(RegisterDb db, string knowledgeFolder, DateOnly today, CancellationToken cancel)
    {
        var holds = await db.LegalHolds.AsNoTracking().Where(h => h.Released == null).ToListAsync(cancel);
        var since = new DateTimeOffset(today.AddYears(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var access = await db.FootageAccesses.AsNoTracking().Where(a => a.At >= since || (a.Action == AccessAction.Exported && a.CopyDeleted == null)).ToListAsync(cancel);
        var disclosures = await db.Disclosures.AsNoTracking().Where(d => d.Closed == null || d.Received >= today.AddYears(-1)).ToListAsync(cancel);
        var requests = await db.SubjectAccessRequests.AsNoTracking().Where(r => r.Closed == null).ToListAsync(cancel);
        var cameras = holds.SelectMany(h => Data.Compliance.RecordFields.ListOf(h.Cameras)).Distinct().ToList();
        var cameraSystems = cameras.Count == 0 ? [] : await db.Devices.AsNoTracking().Where(d => d.AssetId != null && cameras.Contains(d.AssetId) && d.SystemId != null)
            .ToDictionaryAsync(d => d.AssetId!, d => d.SystemId!.Value, cancel);
        var readings = (await RetentionReadings.LatestReadings(db)
                .Join(db.Devices.Where(d => d.SystemId != null), r => r.DeviceId, d => d.Id, (r, d) => new { Reading = r, d.SystemId, d.AssetId, d.IpAddress })
                .ToListAsync(cancel))
            .ConvertAll(r => new RecorderRead(r.Reading, r.SystemId!.Value, RetentionReadings.Label(r.Reading.DeviceId, r.AssetId, r.IpAddress)));
        var inUse = holds.Count + access.Count + disclosures.Count + requests.Count > 0 || await db.FootageAccesses.AnyAsync(cancel) ||
            await db.Disclosures.AnyAsync(cancel) || await db.SubjectAccessRequests.AnyAsync(cancel);
        return new LogBookFindings(holds, access, disclosures, requests, cameraSystems, readings, requests.Count > 0 ? SarClock.Shipped(knowledgeFolder) : null, today, inUse);
    }

    /// <summary>
    /// Principle 6: what the system's recorders said they are configured to keep, holds in force and exported copies
    /// kept, against the system's longest retention period.
    /// </summary>
    public IEnumerable<RegisterFinding> Retention(SurveillanceSystem system, int? longestDays)
    {
        var recorders = _readings.Where(r => r.SystemId == system.Id).OrderBy(r => r.Label, StringComparer.Ordinal).ToList();
        if (recorders.Count > 0 && longestDays is { } policy)
        {
            var readSource = Source(6, "recorders' own configured retention, read from each with `sightline logbook retention read`");
            var longer = recorders.Where(r => RetentionReadings.KeepsLonger(r.Reading, policy)).ToList();
            yield return longer.Count == 0
                ? new(FindingStatus.Met, $"{Words.Count(recorders.Count, "recorders")} read: none keeps recordings longer than the {policy}-day policy " +
                    $"(longest {recorders.Max(r => r.Reading.LongestDays)} days)", recorders.Count, recorders.ConvertAll(r => r.Reading.DeviceId), readSource)
                : new(FindingStatus.Attention, $"{Words.Count(longer.Count, "recorders")} configured to keep recordings longer than the {policy}-day policy: " +
                    string.Join("; ", longer.Select(r => $"{r.Label} keeps {Kept(r.Reading)} ({r.Reading.Method}, read {Data.Compliance.RecordFields.WriteMoment(r.Reading.ReadAt)})")),
                    longer.Count, longer.ConvertAll(r => r.Reading.DeviceId), readSource);
        }
        var source = Source(6, "log book: holds in force and exported copies not yet deleted");
        var holds = _holds.Where(h => Covers(h, system.Id)).OrderBy(h => h.Id).ToList();
        var late = holds.Where(h => h.ReviewBy < _today).ToList();
        if (late.Count > 0)
        {
            yield return new(FindingStatus.Attention, $"{Words.Count(late.Count, "holds")} past {(late.Count == 1 ? "its review date" : "their review dates")}: {string.Join("; ", late.Select(Describe))}", late.Count, [], source);
        }
        else if (holds.Count > 0)
        {
            yield return new(FindingStatus.Met, $"{Words.Count(holds.Count, "holds")} {(holds.Count == 1 ? "keeps" : "keep")} footage beyond the policy, each with a review date: {string.Join("; ", holds.Select(Describe))}",
                holds.Count, [], source);
        }
        var kept = _access.Where(a => a.SystemId == system.Id && a.Action == AccessAction.Exported && a.CopyDeleted is null).ToList();
        if (kept.Count == 0 || longestDays is not { } days)
        {
            yield break;
        }
        var cutoff = _today.AddDays(-days);
        var over = kept.Where(a => DateOnly.FromDateTime(a.At.UtcDateTime) < cutoff && !holds.Any(h => Holds(h, a))).ToList();
        yield return over.Count == 0
            ? new(FindingStatus.Met, $"{Copies(kept.Count)} kept, none older than the {days}-day retention without a hold", kept.Count, [], source)
            : new(FindingStatus.Attention, $"{Copies(over.Count)} kept past the {days}-day retention without a hold: " +
                string.Join("; ", over.Take(10).Select(a => $"entry {a.Id} ({Data.Compliance.RecordFields.WriteMoment(a.At)}, {a.Purpose})")), over.Count, [], source);
    }

    /// <summary>Principle 7: what the log book records of access to and disclosure of the system's footage.</summary>
    public IEnumerable<RegisterFinding> Access(SurveillanceSystem system)
    {
        if (!_inUse)
        {
            yield break;
        }
        var source = Source(7, "log book: viewings, exports and disclosures in the last 12 months; open subject access and disclosure requests");
        var since = new DateTimeOffset(_today.AddYears(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var access = _access.Where(a => a.SystemId == system.Id && a.At >= since).ToList();
        var disclosures = _disclosures.Where(d => Names(d.Systems, null, system.Id)).ToList();
        var disclosed = disclosures.Count(d => d.Disclosed is not null);
        if (access.Count == 0 && disclosures.Count == 0)
        {
            yield return new(FindingStatus.NotEvidenced, "No viewing, export or disclosure of this system's footage is recorded in the log book in the last 12 months", 0, [], source);
        }
        else
        {
            yield return new(FindingStatus.Met, $"In the last 12 months: {Words.Count(access.Count(a => a.Action == AccessAction.Viewed), "viewings")}, " +
                $"{Words.Count(access.Count(a => a.Action == AccessAction.Exported), "exports")}; {Words.Count(disclosed, "disclosures")}, each approved, authorised and with its legal basis",
                access.Count + disclosed, [], source);
        }
        var waiting = disclosures.Where(d => Disclosures.Flag(d, _today) is not null).ToList();
        if (waiting.Count > 0)
        {
            yield return new(FindingStatus.Attention, $"{Words.Count(waiting.Count, "disclosure requests")} undecided after {Disclosures.DecisionDays} days: " +
                string.Join("; ", waiting.Select(d => $"request {d.Id} from {d.RecipientOrganisation}, received {Day(d.Received)}")), waiting.Count, [], source);
        }
        var overdue = _clock is null ? [] : _requests.Where(r => Names(r.Systems, r.Cameras, system.Id) && _clock.Flag(r, _today) == "overdue").ToList();
        if (overdue.Count > 0)
        {
            yield return new(FindingStatus.Attention, $"{Words.Count(overdue.Count, "subject access requests")} overdue: " +
                string.Join("; ", overdue.Select(r => $"request {r.Id}, due {Day(_clock!.Due(r))}")), overdue.Count, [], source);
        }
    }

    // A record naming no system and no camera concerns every system (a subject access request's search not yet narrowed).
    private bool Names(string? systems, string? cameras, int system)
    {
        var ids = LogBookRecords.SystemIds(systems);
        var assets = Data.Compliance.RecordFields.ListOf(cameras);
        return (ids.Count == 0 && assets.Count == 0) || ids.Contains(system) || assets.Any(c => _cameraSystems.GetValueOrDefault(c) == system);
    }

    private bool Covers(LegalHold hold, int system) =>
        LogBookRecords.SystemIds(hold.Systems).Contains(system) || Data.Compliance.RecordFields.ListOf(hold.Cameras).Any(c => _cameraSystems.GetValueOrDefault(c) == system);

    // A hold keeps an exported copy when it is for the same request, or its footage overlaps the copy's.
    private static bool Holds(LegalHold hold, FootageAccess copy) =>
        (hold.Reference is not null && hold.Reference == copy.Reference) ||
        ((hold.FootageFrom is null || copy.FootageTo is null || hold.FootageFrom <= copy.FootageTo) &&
         (hold.FootageTo is null || copy.FootageFrom is null || copy.FootageFrom <= hold.FootageTo));

    private static string Describe(LegalHold h) =>
        $"hold {h.Id} ({Words.Of(h.Reason)}{(h.Reference is null ? "" : " " + h.Reference)}, review by {Day(h.ReviewBy)})";

    private static string Day(DateOnly day) => LogBookRecords.Day(day);

    /// <summary>What a reading says is kept, in words.</summary>
    public static string Kept(RecorderRetention reading) =>
        reading.Unlimited ? "some recordings with no limit but the disk" : $"{reading.LongestDays} days";

    private static string Copies(int count) => count == 1 ? "1 exported copy" : $"{count} exported copies";

    private static string Source(int principle, string data) => $"Code of Practice principle {principle}; {data}";
}
