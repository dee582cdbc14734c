using Microsoft.EntityFrameworkCore;
using Sightline.OpenStreetMap;
using Sightline.Register;

namespace Sightline.Data.OpenStreetMap;

/// <summary>The register's side of a reconciliation with the map: every device with a location that is not decommissioned.</summary>
public static class RegisteredCameras
{
    /// <summary>The located devices among <paramref name="devices"/> (the whole register when null), in ID order.</summary>
    public static async Task<List<RegisteredCamera>> ReadAsync(RegisterDb db, IQueryable<Device>? devices, CancellationToken cancel) =>
        await (devices ?? db.Devices.AsNoTracking())
            .Where(d => d.Latitude != null && d.Longitude != null && d.Status != DeviceStatus.Decommissioned)
            .OrderBy(d => d.Id)
            .Select(d => new RegisteredCamera(d.Id, d.AssetId, d.Latitude!.Value, d.Longitude!.Value))
            .ToListAsync(cancel);
}
