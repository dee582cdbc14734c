using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sightline.Audit;
using Sightline.Data.Audit;

namespace Sightline.Data;

/// <summary>
/// One all-or-nothing change to the register: a transaction holding the register's write lock, and the
/// audit trail that records what it does. Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public sealed class RegisterWrite : IAsyncDisposable
{
    // Any fixed number: every Sightline writer on a PostgreSQL register takes this advisory lock.
    private const long PostgresLockKey = 0x5167_4874_6c69_6e65;

    private readonly IDbContextTransaction _transaction;
    private readonly TimeProvider _time;

    private RegisterWrite(RegisterDb db, IDbContextTransaction transaction, AuditTrail audit, TimeProvider time)
    {
        Db = db;
        _transaction = transaction;
        Audit = audit;
        _time = time;
    }

    /// <summary>The register being changed.</summary>
    public RegisterDb Db { get; }

    /// <summary>Where this change's audit entries come from.</summary>
    public AuditTrail Audit { get; }

    /// <summary>The open connection, for bulk commands.</summary>
    public DbConnection Connection => Db.Database.GetDbConnection();

    /// <summary>The transaction, for bulk commands.</summary>
    public DbTransaction Transaction => _transaction.GetDbTransaction();

    /// <summary>Starts a change, waiting for any other writer to finish (SQLite BEGIN IMMEDIATE; a PostgreSQL advisory lock).</summary>
    public static async Task<RegisterWrite> BeginAsync(RegisterDb db, TimeProvider time, string actor, CancellationToken cancel)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancel);
        try
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancel);
            }
            var audit = await AuditTrail.ContinueAsync(db, time, actor, cancel);
            return new RegisterWrite(db, transaction, audit, time);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds an audit entry through the context, saved with the next <see cref="DbContext.SaveChangesAsync(CancellationToken)"/>; returns it (its sequence names a scan).</summary>
    public AuditEntry Record(string action, string entityType, string entityId, string? before, string? after)
    {
        var entry = Audit.Next(action, entityType, entityId, before, after);
        Db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Saves pending context changes and commits; then writes an audit checkpoint if one is due (see <see cref="AuditCheckpoints"/>).</summary>
    public async Task CommitAsync(CancellationToken cancel)
    {
        await Db.SaveChangesAsync(cancel);
        await _transaction.CommitAsync(cancel);
        if (Audit.Added)
        {
            await CheckpointIfDueAsync();
        }
    }

    private async Task CheckpointIfDueAsync()
    {
        try
        {
            // Not cancellable: the change is committed, and a stopping scan still commits what it found.
            await AuditCheckpoints.WriteIfDueAsync(Db, _time, endOfCommand: false, CancellationToken.None);
        }
        catch (Exception e) when (e is RegisterException or DbException or DbUpdateException)
        {
            // The change is committed and stays. A checkpoint that cannot be written now (key unreadable, folder full) is
            // written by the next one that can; `sightline` says why at the end of the command, the audit page shows the gap.
        }
    }

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
