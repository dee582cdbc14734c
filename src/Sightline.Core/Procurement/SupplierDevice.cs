namespace Sightline.Procurement;

/// <summary>A device set explicitly as delivered or maintained by a supplier (beside those matched by the device's installer).</summary>
public sealed class SupplierDevice
{
    /// <summary>The supplier.</summary>
    public int SupplierId { get; set; }

    /// <summary>The device.</summary>
    public int DeviceId { get; set; }

    /// <summary>Delivered or maintains.</summary>
    public DeviceLink Link { get; set; }
}
