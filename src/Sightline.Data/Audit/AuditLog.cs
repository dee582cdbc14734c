using Microsoft.EntityFrameworkCore;
using Sightline.Audit;

namespace Sightline.Data.Audit;

/// <summary>
/// Reading the audit log as `sightline audit`, the web's audit page and the API all do: the same filters, and the
/// chain check of `sightline audit verify`.
/// </summary>
public static class AuditLog
{
    /// <summary>
    /// The entries about <paramref name="entity"/> (TYPE or TYPE:ID, e.g. device:12), by <paramref name="actor"/>, on or
    /// after the UTC day <paramref name="from"/>, on or before the UTC day <paramref name="to"/>, and older than sequence
    /// <paramref name="before"/>; an empty or missing value leaves its filter out.
    /// </summary>
    public static IQueryable<AuditEntry> Matching(this IQueryable<AuditEntry> entries, string? entity, string? actor,
        DateOnly? from = null, DateOnly? to = null, long? before = null)
    {
        if (!string.IsNullOrWhiteSpace(entity))
        {
            var parts = entity.Split(':', 2);
            var type = parts[0];
            entries = entries.Where(a => a.EntityType == type);
            if (parts.Length == 2)
            {
                var id = parts[1];
                entries = entries.Where(a => a.EntityId == id);
            }
        }
        if (!string.IsNullOrWhiteSpace(actor))
        {
            entries = entries.Where(a => a.Actor == actor);
        }
        if (from is { } first)
        {
            var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.Time >= start);
        }
        if (to is { } last)
        {
            // The whole last day is in: up to the start of the next.
            var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.Time < end);
        }
        if (before is { } sequence)
        {
            entries = entries.Where(a => a.Sequence < sequence);
        }
        return entries;
    }

    /// <summary>How many entries the log holds, the newest one's hash, and where the chain is broken (null: intact).</summary>
    public sealed record Check(long Count, string Head, AuditBreak? Broken);

    /// <summary>Checks the whole chain, streaming it: a large register's audit log does not fit in memory.</summary>
    public static async Task<Check> VerifyAsync(RegisterDb db, CancellationToken cancel)
    {
        long count = 0;
        var head = "";
        var entries = db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable()
            .Select(e => { count++; head = e.Hash; return e; });
        var broken = await Task.Run(() => AuditChain.Verify(entries), cancel);
        return new Check(count, head, broken);
    }
}
