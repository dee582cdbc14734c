using Microsoft.EntityFrameworkCore;
using Sightline.Register;

namespace Sightline.Data.Import;

/// <summary>
/// Finds the stored devices an import's rows match: by asset id, then serial for rows still unmatched, then MAC. Each
/// is one indexed IN query for a whole chunk. Keys the filter of known keys has never seen are not looked up.
/// </summary>
internal sealed class StoredDeviceLookup(RegisterDb db, ImportWriter writer)
{
    // In matching order; each is one indexed IN query.
    private static readonly (DeviceColumn Column, Func<RegisterDb, List<string>, IQueryable<Device>> Query)[] Lookups =
    [
        (DeviceColumn.AssetId, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.AssetId!))),
        (DeviceColumn.Serial, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.Serial!))),
        (DeviceColumn.Mac, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.MacAddress!))),
    ];

    /// <summary>Keys (asset id, serial, MAC) of the devices stored or created so far.</summary>
    public KeyFilter KnownKeys { get; init; } = new();

    /// <summary>Devices in the register when the import began.</summary>
    public int StoredAtStart { get; private set; }

    /// <summary>Fills <see cref="KnownKeys"/> with the keys of every stored device.</summary>
    public async Task LoadKeysAsync(CancellationToken cancel)
    {
        await foreach (var key in db.Devices.AsNoTracking().Select(d => new { d.AssetId, d.Serial, d.MacAddress }).AsAsyncEnumerable()
            .WithCancellation(cancel))
        {
            Remember(key.AssetId, key.Serial, key.MacAddress);
            StoredAtStart++;
        }
    }

    public void Remember(string? assetId, string? serial, string? mac)
    {
        KnownKeys.Add(assetId);
        KnownKeys.Add(serial);
        KnownKeys.Add(mac);
    }

    /// <summary>
    /// The stored devices the chunk's rows may match; waits for the writer first, as the rows may match devices it is
    /// writing. A row with an id also has its keys looked up, so that a key another device holds can be refused.
    /// </summary>
    public async Task<DeviceMatches> FindAsync(List<DeviceRow> chunk, CancellationToken cancel)
    {
        var matches = new DeviceMatches();
        var ids = chunk.Select(r => r.Id).OfType<int>().Distinct().ToList();
        if (ids.Count > 0)
        {
            await writer.FlushAsync(cancel);
            matches.AddAll(await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(cancel));
        }
        foreach (var (column, lookup) in Lookups)
        {
            var keys = chunk.Where(r => r.Id is not null || matches.Find(r.Values) is null)
                .Select(r => r.Values[column]).OfType<string>().Where(KnownKeys.MightContain).Distinct().ToList();
            if (keys.Count > 0)
            {
                await writer.FlushAsync(cancel);
                matches.AddAll(await lookup(db, keys).ToListAsync(cancel));
            }
        }
        return matches;
    }
}
