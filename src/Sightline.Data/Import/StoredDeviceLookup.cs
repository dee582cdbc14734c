using System.Data;
using Microsoft.EntityFrameworkCore;
using Sightline.Register;

namespace Sightline.Data.Import;

/// <summary>
/// Finds the stored devices an import's rows match: by asset id, then serial for rows still unmatched, then MAC. Each
/// is one indexed IN query for a whole chunk. Keys the filter of known keys has never seen are not looked up.
/// </summary>
/// <remarks>
/// The import's own connection serves one thread at a time, so a look-up on it first waits for the batch being
/// written. On PostgreSQL a chunk whose rows touch nothing the import has written is looked up instead in a read-only
/// snapshot of the register as it was when the import took the write lock, on a second connection, while the writer
/// goes on (issue 12: an update file of a million rows spent half its time waiting). Nothing else can change the
/// register while the lock is held, so for such a chunk the snapshot and the import's own view give the same answer.
/// </remarks>
internal sealed class StoredDeviceLookup(RegisterDb db, ImportWriter writer, Func<int, bool> isTouched)
{
    // In matching order; each is one indexed IN query.
    private static readonly (DeviceColumn Column, Func<RegisterDb, List<string>, IQueryable<Device>> Query)[] Lookups =
    [
        (DeviceColumn.AssetId, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.AssetId!))),
        (DeviceColumn.Serial, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.Serial!))),
        (DeviceColumn.Mac, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.MacAddress!))),
    ];

    private RegisterDb? _snapshot;

    /// <summary>Keys (asset id, serial, MAC) of the devices stored or created so far.</summary>
    public KeyFilter KnownKeys { get; init; } = new();

    // Keys this import has given or taken from a device, before and after: a chunk with none of them (and no touched
    // device's id) may be looked up in the snapshot.
    private readonly KeyFilter _touchedKeys = new();

    /// <summary>Devices in the register when the import began.</summary>
    public int StoredAtStart { get; private set; }

    /// <summary>Fills <see cref="KnownKeys"/> with the keys of every stored device.</summary>
    public async Task LoadKeysAsync(CancellationToken cancel)
    {
        await foreach (var key in db.Devices.AsNoTracking().Select(d => new { d.AssetId, d.Serial, d.MacAddress }).AsAsyncEnumerable()
            .WithCancellation(cancel))
        {
            KnownKeys.Add(key.AssetId);
            KnownKeys.Add(key.Serial);
            KnownKeys.Add(key.MacAddress);
            StoredAtStart++;
        }
    }

    /// <summary>
    /// On PostgreSQL, opens the snapshot look-ups may use; call it once the import holds the write lock and before it
    /// writes any device.
    /// </summary>
    public async Task OpenSnapshotAsync(CancellationToken cancel)
    {
        if (!db.IsPostgres)
        {
            return;
        }
        _snapshot = db.Another();
        await _snapshot.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancel);
        // The snapshot is taken by the transaction's first statement.
        await _snapshot.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancel);
        await _snapshot.Devices.AnyAsync(cancel);
    }

    /// <summary>Records keys the import has written to a device or taken from one.</summary>
    public void Touch(string? assetId, string? serial, string? mac)
    {
        foreach (var key in (ReadOnlySpan<string?>)[assetId, serial, mac])
        {
            KnownKeys.Add(key);
            _touchedKeys.Add(key);
        }
    }

    /// <summary>
    /// The stored devices the chunk's rows may match, and the context they were read from (the import's own, which
    /// the writer has caught up with, or the snapshot). A row with an id also has its keys looked up, so that a key
    /// another device holds can be refused.
    /// </summary>
    public async Task<(DeviceMatches Matches, RegisterDb Source)> FindAsync(List<DeviceRow> chunk, CancellationToken cancel)
    {
        var source = _snapshot is not null && chunk.All(Untouched) ? _snapshot : db;
        var matches = new DeviceMatches();
        var ids = chunk.Select(r => r.Id).OfType<int>().Distinct().ToList();
        if (ids.Count > 0)
        {
            await ReadyAsync(source, cancel);
            matches.AddAll(await source.Devices.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(cancel));
        }
        foreach (var (column, lookup) in Lookups)
        {
            var keys = chunk.Where(r => r.Id is not null || matches.Find(r.Values) is null)
                .Select(r => r.Values[column]).OfType<string>().Where(KnownKeys.MightContain).Distinct().ToList();
            if (keys.Count > 0)
            {
                await ReadyAsync(source, cancel);
                matches.AddAll(await lookup(source, keys).ToListAsync(cancel));
            }
        }
        return (matches, source);
    }

    /// <summary>Call before reading from <paramref name="source"/>: waits for the writer if it is the import's own context.</summary>
    public Task ReadyAsync(RegisterDb source, CancellationToken cancel) =>
        ReferenceEquals(source, db) ? writer.FlushAsync(cancel) : Task.CompletedTask;

    private bool Untouched(DeviceRow row) =>
        (row.Id is not { } id || !isTouched(id))
        && !_touchedKeys.MightContain(row.Values[DeviceColumn.AssetId])
        && !_touchedKeys.MightContain(row.Values[DeviceColumn.Serial])
        && !_touchedKeys.MightContain(row.Values[DeviceColumn.Mac]);

    /// <summary>Closes the snapshot, if one is open.</summary>
    public async Task CloseAsync()
    {
        if (_snapshot is not null)
        {
            await _snapshot.DisposeAsync(); // rolls the read-only transaction back
        }
    }
}
