using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Identification;
using Sightline.Register;

namespace Sightline.Data.Import;

/// <summary>
/// What an import has decided and not yet written: new and changed devices, the changed devices whose identities are
/// replaced, audit entries and identities. One batch is filled on the reading thread while the one before is written
/// on another (<see cref="ImportWriter"/>), so parsing and the database (SQLite in-process, or the PostgreSQL server)
/// run side by side.
/// </summary>
internal sealed class ImportBatch(RegisterDb db, BulkWriter bulk)
{
    public BulkRows<Device> Devices { get; } = bulk.Rows<Device>();

    public List<Device> Updates { get; } = [];

    /// <summary>Changed devices whose indexed values (keys, places) are as stored: SQLite rewrites none of their index entries.</summary>
    public List<Device> UpdatesKeepingKeys { get; } = [];

    /// <summary>Devices whose stored identity is deleted before <see cref="Identities"/> are inserted.</summary>
    public List<int> ReplacedIdentities { get; } = [];

    public BulkRows<AuditEntry> Audit { get; } = bulk.Rows<AuditEntry>();

    public BulkRows<DeviceIdentity> Identities { get; } = bulk.Rows<DeviceIdentity>();

    public int DeviceCount => Devices.Count + Updates.Count + UpdatesKeepingKeys.Count;

    public bool IsEmpty => DeviceCount + Audit.Count + Identities.Count + ReplacedIdentities.Count == 0;

    public async Task WriteAsync(CancellationToken cancel)
    {
        await bulk.InsertAsync(Devices, cancel);
        await bulk.UpdateAsync(Updates, cancel);
        await bulk.UpdateAsync(UpdatesKeepingKeys, cancel, indexedUnchanged: true);
        if (ReplacedIdentities.Count > 0)
        {
            // Deleted here, not on the reading thread, so that an update file's chunks do not wait for the writer
            // twice each (issue 12).
            var ids = ReplacedIdentities;
            await db.Identities.Where(i => ids.Contains(i.DeviceId)).ExecuteDeleteAsync(cancel);
        }
        await bulk.InsertAsync(Audit, cancel);
        await bulk.InsertAsync(Identities, cancel);
    }

    public void Clear()
    {
        Devices.Clear();
        Updates.Clear();
        UpdatesKeepingKeys.Clear();
        ReplacedIdentities.Clear();
        Audit.Clear();
        Identities.Clear();
    }
}
