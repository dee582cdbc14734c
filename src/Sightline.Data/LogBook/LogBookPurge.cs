using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;

namespace Sightline.Data.LogBook;

/// <summary>
/// The log book's own retention (`sightline logbook purge`): it holds personal data, so what is finished is deleted
/// <see cref="KeptYears"/> years after it closed — subject access requests and disclosure requests after they were closed,
/// holds after they were released, viewings and exports after they happened. Open requests and holds in force are never
/// deleted, however old. One transaction, with one audit entry of the counts (the audit log keeps no personal data).
/// </summary>
public static class LogBookPurge
{
    /// <summary>Years a finished record is kept: the limitation period for a claim about how it was handled.</summary>
    public const int KeptYears = 6;

    /// <summary>What a purge deletes (or, on a dry run, would delete), and the day before which records count as old.</summary>
    public sealed record Counts(DateOnly Before, int Requests, int Disclosures, int Holds, int Access)
    {
        public int Total => Requests + Disclosures + Holds + Access;
    }

    /// <summary>Deletes the finished records closed before today less <see cref="KeptYears"/> years, unless <paramref name="dryRun"/>.</summary>
    public static async Task<Counts> RunAsync(RegisterDb db, TimeProvider time, string actor, bool dryRun, CancellationToken cancel)
    {
        var before = LogBookRecords.Today(time).AddYears(-KeptYears);
        var since = new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var requests = db.SubjectAccessRequests.Where(r => r.Closed != null && r.Closed < before);
        var disclosures = db.Disclosures.Where(d => d.Closed != null && d.Closed < before);
        var holds = db.LegalHolds.Where(h => h.Released != null && h.Released < before);
        var access = db.FootageAccesses.Where(a => a.At < since);
        if (dryRun)
        {
            return new Counts(before, await requests.CountAsync(cancel), await disclosures.CountAsync(cancel), await holds.CountAsync(cancel),
                await access.CountAsync(cancel));
        }
        var counts = new Counts(before, await requests.ExecuteDeleteAsync(cancel), await disclosures.ExecuteDeleteAsync(cancel),
            await holds.ExecuteDeleteAsync(cancel), await access.ExecuteDeleteAsync(cancel));
        if (counts.Total > 0)
        {
            write.Record("purge", "logbook", "", null, AuditJson.Of(("closed_before", LogBookRecords.Day(before)),
                ("subject_access_requests", Count(counts.Requests)), ("disclosures", Count(counts.Disclosures)), ("holds", Count(counts.Holds)),
                ("viewings_and_exports", Count(counts.Access))));
        }
        await write.CommitAsync(cancel);
        return counts;
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
