using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Data.Identification;

/// <summary>Re-identifies every device in the register with the current knowledge, in one transaction with one audit entry.</summary>
public static class RegisterIdentification
{
    private const int Batch = 10_000;

    /// <summary>
    /// Rewrites every device's stored identity, a batch of devices at a time (memory stays bounded); returns how
    /// many devices, and how many changed platform maker.
    /// </summary>
    public static async Task<(int Devices, int Changed)> IdentifyAllAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        await using var bulk = new BulkWriter(write);
        var identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
        var before = await CountsAsync(db, cancel);
        var (devices, changed, last) = (0, 0, 0);
        while (true)
        {
            var start = last;
            var batch = await db.Devices.AsNoTracking().Where(d => d.Id > start).OrderBy(d => d.Id).Take(Batch)
                .Select(d => new
                {
                    Device = new Device { Id = d.Id, BrandAsSold = d.BrandAsSold, Model = d.Model, Firmware = d.Firmware, Serial = d.Serial, MacAddress = d.MacAddress, SystemId = d.SystemId },
                    Previous = db.Identities.Where(i => i.DeviceId == d.Id).Select(i => i.Platform).FirstOrDefault(),
                })
                .ToListAsync(cancel);
            if (batch.Count == 0)
            {
                break;
            }
            var end = batch[^1].Device.Id;
            var stored = await RegisterIdentifier.StoredAsync(db, db.Observations.Where(o => o.DeviceId > start && o.DeviceId <= end), cancel);
            var identities = batch.ConvertAll(row => identifier.Identify(row.Device, stored.GetValueOrDefault(row.Device.Id)));
            changed += batch.Where((row, n) => row.Previous != identities[n].Platform).Count();
            last = batch[^1].Device.Id;
            await db.Identities.Where(i => i.DeviceId > start && i.DeviceId <= last).ExecuteDeleteAsync(cancel);
            await bulk.InsertAsync(identities, cancel);
            devices += batch.Count;
        }
        var after = await CountsAsync(db, cancel);
        write.Record("identify", "register", "devices", before, AuditJson.Of(
            ("knowledge", knowledge.Version), ("devices", devices.ToString(CultureInfo.InvariantCulture)),
            ("changed", changed.ToString(CultureInfo.InvariantCulture)), ("platforms", after)));
        await write.CommitAsync(cancel);
        return (devices, changed);
    }

    /// <summary>Devices per platform maker, as a JSON object.</summary>
    private static async Task<string> CountsAsync(RegisterDb db, CancellationToken cancel)
    {
        var counts = await db.Identities.GroupBy(i => i.Platform).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);
        return AuditJson.Of([.. counts.OrderBy(c => c.Key ?? "", StringComparer.Ordinal)
            .Select(c => (c.Key ?? "unknown", (string?)c.Count.ToString(CultureInfo.InvariantCulture)))]);
    }
}
