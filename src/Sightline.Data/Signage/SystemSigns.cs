using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Compliance;
using Sightline.Register;

namespace Sightline.Data.Signage;

/// <summary>
/// Reads what a system's sign says (<see cref="SystemSign"/>) from the system, its purposes, the organisation's profile and
/// what its devices can do. A system or camera that is not in the register is a <see cref="RegisterException"/>.
/// </summary>
public static class SystemSigns
{
    /// <summary>The sign of the system named <paramref name="system"/> (its name, or its ID), or of the one camera <paramref name="camera"/> in it.</summary>
    public static async Task<SystemSign> ReadAsync(RegisterDb db, string? system, string? camera, CancellationToken cancel)
    {
        Device? device = null;
        if (!string.IsNullOrWhiteSpace(camera))
        {
            var asset = camera.Trim();
            device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.AssetId == asset, cancel)
                ?? throw new RegisterException($"no device has asset ID '{asset}'");
            if (device.SystemId is null)
            {
                throw new RegisterException($"device '{asset}' belongs to no system; a sign speaks for a system, so give the device one first");
            }
        }
        var found = await FindAsync(db, system, device, cancel);
        return await ReadAsync(db, found, device, cancel);
    }

    /// <summary>The sign of the system whose ID is <paramref name="id"/>, or null when there is none.</summary>
    public static async Task<SystemSign?> ReadAsync(RegisterDb db, int id, CancellationToken cancel) =>
        await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is { } system ? await ReadAsync(db, system, null, cancel) : null;

    private static async Task<SurveillanceSystem> FindAsync(RegisterDb db, string? name, Device? device, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return device is null
                ? throw new RegisterException("name the system (--system NAME or ID) or the camera (--camera ASSET)")
                : await db.Systems.AsNoTracking().SingleAsync(s => s.Id == device.SystemId, cancel);
        }
        var typed = name.Trim();
        var system = await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Name == typed, cancel);
        if (system is null && int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            system = await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel);
        }
        if (system is null)
        {
            throw new RegisterException($"no system is named '{typed}' (nor has that ID); `sightline systems list` shows them");
        }
        if (device is not null && device.SystemId != system.Id)
        {
            throw new RegisterException($"device '{device.AssetId}' is not in system '{system.Name}'");
        }
        return system;
    }

    private static async Task<SystemSign> ReadAsync(RegisterDb db, SurveillanceSystem system, Device? device, CancellationToken cancel)
    {
        var organisation = await OrganisationProfile.GetAsync(db, cancel);
        var purposes = RecordFields.ListOf(system.Purposes);
        var purposeDays = await db.SystemPurposes.AsNoTracking().Where(p => p.SystemId == system.Id && p.RetentionDays != null)
            .Select(p => new { p.Name, p.RetentionDays }).ToListAsync(cancel);
        int?[] periods = [system.RetentionDays, .. purposeDays.Where(p => purposes.Contains(p.Name)).Select(p => p.RetentionDays)];
        var capabilities = device is not null
            ? device.Capabilities
            : (await db.Devices.AsNoTracking().Where(d => d.SystemId == system.Id && d.Status != DeviceStatus.Decommissioned)
                .Select(d => d.Capabilities).Distinct().ToListAsync(cancel)).Aggregate(Capabilities.None, (all, c) => all | c);
        string? place = null;
        if (device?.SiteId is { } site)
        {
            place = await db.Sites.AsNoTracking().Where(s => s.Id == site).Select(s => s.Name).SingleOrDefaultAsync(cancel);
        }
        var accountable = system.Controller ?? organisation?.LegalName ?? organisation?.Name ?? "";
        return new SystemSign(system.Id, system.Name, system.Type, purposes, accountable, organisation?.IcoRegistration, Captured(system.Type, capabilities),
            periods.Max(), organisation?.ContactPoint, organisation?.DataProtectionOfficer,
            device is null ? null : device.AssetId ?? $"device {device.Id.ToString(CultureInfo.InvariantCulture)}", place);
    }

    /// <summary>What a system of <paramref name="type"/> whose devices can do <paramref name="capabilities"/> captures, in DTPR's terms, most identifying first.</summary>
    public static IReadOnlyList<string> Captured(SystemType type, Capabilities capabilities)
    {
        var said = new List<string>();
        if (type == SystemType.FacialRecognition || capabilities.HasFlag(Capabilities.FaceRecognition))
        {
            said.Add("Faces, compared automatically with a watch list (facial recognition)");
        }
        if (type == SystemType.Anpr || capabilities.HasFlag(Capabilities.Anpr))
        {
            said.Add("Vehicle number plates, read automatically (ANPR), with images of the vehicles");
        }
        said.Add(type switch
        {
            SystemType.BodyWorn => "Identifiable video from cameras worn by staff",
            SystemType.Drone => "Identifiable video from the air (drones)",
            _ => "Identifiable video: people and vehicles can be recognised",
        });
        if (capabilities.HasFlag(Capabilities.Audio))
        {
            said.Add("Sound (audio is recorded)");
        }
        if (capabilities.HasFlag(Capabilities.Thermal))
        {
            said.Add("Thermal images");
        }
        if (type == SystemType.Analytics || capabilities.HasFlag(Capabilities.Analytics))
        {
            said.Add("Video analytics: software detects people, vehicles or events");
        }
        return said;
    }
}
