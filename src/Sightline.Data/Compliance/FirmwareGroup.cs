using Microsoft.EntityFrameworkCore;

namespace Sightline.Data.Compliance;

/// <summary>
/// How many devices of a system share one platform maker, model and firmware, for the makers that have known-exploited
/// vulnerabilities: a few hundred groups stand for a million devices, and each group is checked against the
/// vulnerabilities once.
/// </summary>
internal sealed class FirmwareGroup
{
    public int SystemId { get; set; }

    public required string Platform { get; set; }

    public required string Model { get; set; }

    public required string Firmware { get; set; }

    public long Devices { get; set; }

    public static Task<List<FirmwareGroup>> ReadAsync(RegisterDb db, IReadOnlyCollection<string> makers, int? systemId, CancellationToken cancel)
    {
        var devices = db.Devices.AsNoTracking().Where(d => d.SystemId != null && d.Model != null && d.Firmware != null);
        if (systemId is { } id)
        {
            devices = devices.Where(d => d.SystemId == id);
        }
        var identities = db.Identities.AsNoTracking().Where(i => EF.Constant(makers).Contains(i.Platform!));
        return devices.Join(identities, d => d.Id, i => i.DeviceId, (d, i) => new { d.SystemId, i.Platform, d.Model, d.Firmware })
            .GroupBy(x => new { x.SystemId, x.Platform, x.Model, x.Firmware })
            .Select(g => new FirmwareGroup { SystemId = g.Key.SystemId!.Value, Platform = g.Key.Platform!, Model = g.Key.Model!, Firmware = g.Key.Firmware!, Devices = g.LongCount() })
            .ToListAsync(cancel);
    }
}
