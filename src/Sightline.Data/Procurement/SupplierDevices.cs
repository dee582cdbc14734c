using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Identification;
using Sightline.Procurement;
using Sightline.Register;

namespace Sightline.Data.Procurement;

/// <summary>
/// Which devices a supplier delivered or maintains: those whose installer field names it (its legal or trading name, case
/// ignored) and those linked to it explicitly. The device register has no maintainer field, so maintenance is linked explicitly.
/// </summary>
public static class SupplierDevices
{
    /// <summary>A device of a supplier and how it is linked: "installer" (matched by name), "delivered" or "maintains".</summary>
    public sealed record Supplied(int DeviceId, string? AssetId, string? Model, int? SystemId, string How);

    /// <summary>A supplier of a device and how it is linked.</summary>
    public sealed record SuppliedBy(Supplier Supplier, string How);

    /// <summary>The installer name of the register that matches a supplier, lower-cased.</summary>
    public static List<string> Names(Supplier supplier) =>
        [.. new[] { supplier.LegalName, supplier.TradingName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim().ToLowerInvariant()).Distinct()];

    /// <summary>The devices supplied by <paramref name="supplier"/> (in <paramref name="systemId"/> when given), matched or linked.</summary>
    public static IQueryable<Device> Of(RegisterDb db, Supplier supplier, int? systemId = null)
    {
        var names = Names(supplier);
        var id = supplier.Id;
        return db.Devices.AsNoTracking().Where(d => (systemId == null || d.SystemId == systemId)
            && ((d.Installer != null && names.Contains(d.Installer.ToLower())) || db.SupplierDevices.Any(l => l.SupplierId == id && l.DeviceId == d.Id)));
    }

    /// <summary>The first <paramref name="limit"/> devices of a supplier by ID, each with how it is linked.</summary>
    public static async Task<List<Supplied>> ListAsync(RegisterDb db, Supplier supplier, int limit, CancellationToken cancel)
    {
        var names = Names(supplier);
        var devices = await Of(db, supplier).OrderBy(d => d.Id).Take(limit)
            .Select(d => new { d.Id, d.AssetId, d.Model, d.SystemId, d.Installer }).ToListAsync(cancel);
        var ids = devices.ConvertAll(d => d.Id);
        var links = await db.SupplierDevices.AsNoTracking().Where(l => l.SupplierId == supplier.Id && ids.Contains(l.DeviceId)).ToListAsync(cancel);
        return devices.ConvertAll(d =>
        {
            var how = links.Where(l => l.DeviceId == d.Id).Select(l => Words.Of(l.Link)).ToList();
            if (d.Installer is not null && names.Contains(d.Installer.Trim().ToLowerInvariant()))
            {
                how.Insert(0, "installer");
            }
            return new Supplied(d.Id, d.AssetId, d.Model, d.SystemId, string.Join(", ", how));
        });
    }

    /// <summary>The suppliers of one device: matched by its installer field or linked explicitly.</summary>
    public static async Task<List<SuppliedBy>> SuppliersOfAsync(RegisterDb db, int deviceId, CancellationToken cancel)
    {
        var installer = await db.Devices.AsNoTracking().Where(d => d.Id == deviceId).Select(d => d.Installer).FirstOrDefaultAsync(cancel);
        var links = await db.SupplierDevices.AsNoTracking().Where(l => l.DeviceId == deviceId).ToListAsync(cancel);
        var key = installer?.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() on both providers; string.Equals with a comparison it cannot.
        var suppliers = await db.Suppliers.AsNoTracking()
            .Where(s => (key != null && (s.LegalName.ToLower() == key || (s.TradingName != null && s.TradingName.ToLower() == key)))
                || db.SupplierDevices.Any(l => l.DeviceId == deviceId && l.SupplierId == s.Id))
            .OrderBy(s => s.LegalName).ToListAsync(cancel);
#pragma warning restore CA1862
        return suppliers.ConvertAll(s =>
        {
            var how = links.Where(l => l.SupplierId == s.Id).Select(l => Words.Of(l.Link)).ToList();
            if (key is not null && Names(s).Contains(key))
            {
                how.Insert(0, "installer");
            }
            return new SuppliedBy(s, string.Join(", ", how));
        });
    }

    /// <summary>Links a device (ID or asset id) to a supplier as delivered or maintained; null when done, else why not. Audited.</summary>
    public static async Task<string?> LinkAsync(RegisterDb db, TimeProvider time, string actor, int supplierId, string device, string link,
        CancellationToken cancel)
    {
        if (Words.Parse<DeviceLink>(link) is not { } how)
        {
            return $"link: '{link}' is not one of {Words.List<DeviceLink>()}";
        }
        if (await IdentityDecision.FindDeviceAsync(db, device.Trim(), cancel) is not { } found)
        {
            return $"device: there is no device with ID or asset id '{device.Trim()}'";
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, cancel))
        {
            return $"there is no supplier with ID {SupplierRecords.Key(supplierId)}";
        }
        if (await db.SupplierDevices.AnyAsync(l => l.SupplierId == supplierId && l.DeviceId == found.Id && l.Link == how, cancel))
        {
            return $"device {found.Id} is already linked to supplier {SupplierRecords.Key(supplierId)} as {Words.Of(how)}";
        }
        db.SupplierDevices.Add(new SupplierDevice { SupplierId = supplierId, DeviceId = found.Id, Link = how });
        await db.SaveChangesAsync(cancel);
        write.Record(ProcurementAudit.LinkDevice, ProcurementAudit.Supplier, SupplierRecords.Key(supplierId), null,
            AuditJson.Of(("device", SupplierRecords.Key(found.Id)), ("link", Words.Of(how))));
        await write.CommitAsync(cancel);
        return null;
    }
}
