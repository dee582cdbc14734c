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

    /// <summary>
    /// Checks the whole chain, as <see cref="VerifyAsync"/>, and when it holds records how far it was verified (at
    /// <paramref name="now"/>) for <see cref="VerifySinceFullAsync"/>.
    /// </summary>
    public static async Task<Check> VerifyInFullAsync(RegisterDb db, DateTimeOffset now, CancellationToken cancel)
    {
        var check = await VerifyAsync(db, cancel);
        if (check.Broken is not null || check.Count == 0)
        {
            return check;
        }
        var point = await db.ChainVerifications.SingleOrDefaultAsync(cancel);
        if (point is null)
        {
            point = new ChainVerification { Hash = check.Head };
            db.ChainVerifications.Add(point);
        }
        else if (point.Sequence > check.Count)
        {
            // The log now ends before a point once verified: it was cut. The point stays, so the findings keep saying so.
            return check;
        }
        point.Sequence = check.Count;
        point.Hash = check.Head;
        point.Time = now;
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            // Another full verification recorded its point at the same moment; either point is true.
            db.ChangeTracker.Clear();
        }
        return check;
    }

    /// <summary>
    /// What the entries after the last full verification showed: its point (null when none is recorded, and then nothing
    /// was checked), how many entries follow it, and the first break among them.
    /// </summary>
    public sealed record Since(ChainVerification? Verified, long Entries, AuditBreak? Broken);

    /// <summary>
    /// Checks only the entries after the point the last full verification recorded, chained onto its hash, and that the
    /// entry at that point still carries it: cheap enough for every compliance read, while a change to an older entry
    /// is left to the next full verification (`sightline audit verify`).
    /// </summary>
    public static async Task<Since> VerifySinceFullAsync(RegisterDb db, CancellationToken cancel)
    {
        var point = await db.ChainVerifications.AsNoTracking().SingleOrDefaultAsync(cancel);
        if (point is null)
        {
            return new Since(null, 0, null);
        }
        var hash = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence == point.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(cancel);
        if (hash != point.Hash)
        {
            return new Since(point, 0, new AuditBreak(point.Sequence, hash is null
                ? $"entry {point.Sequence}, the last verified in full, is missing (removed)"
                : $"entry {point.Sequence} no longer has the hash it had when verified in full: the log was rewritten at or before it"));
        }
        long count = 0;
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.Sequence > point.Sequence).OrderBy(a => a.Sequence).AsEnumerable()
            .Select(e => { count++; return e; });
        var broken = await Task.Run(() => AuditChain.Verify(entries, point.Sequence, point.Hash), cancel);
        return new Since(point, count, broken);
    }
}
