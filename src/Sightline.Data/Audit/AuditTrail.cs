using Sightline.Audit;

namespace Sightline.Data.Audit;

/// <summary>
/// Hands out chained audit entries for one write transaction, starting after the last entry in the log.
/// The caller holds the register's write lock, so nobody else appends meanwhile.
/// </summary>
public sealed class AuditTrail
{
    private readonly TimeProvider _time;
    private readonly string _actor;
    private long _sequence;
    private string _hash;

    private AuditTrail(TimeProvider time, string actor, long sequence, string hash)
    {
        _time = time;
        _actor = actor;
        _sequence = sequence;
        _hash = hash;
    }

    /// <summary>Starts after the last entry of the log in <paramref name="db"/>.</summary>
    public static async Task<AuditTrail> ContinueAsync(RegisterDb db, TimeProvider time, string actor, CancellationToken cancel)
    {
        var last = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }), cancel);
        return new AuditTrail(time, actor, last?.Sequence ?? 0, last?.Hash ?? "");
    }

    /// <summary>Whether any entry was handed out.</summary>
    public bool Added { get; private set; }

    /// <summary>The next entry, chained to the one before.</summary>
    public AuditEntry Next(string action, string entityType, string entityId, string? before, string? after)
    {
        var entry = AuditChain.Next(_sequence + 1, _hash, _time.GetUtcNow(), _actor, action, entityType, entityId, before, after);
        _sequence = entry.Sequence;
        _hash = entry.Hash;
        Added = true;
        return entry;
    }
}
