namespace Sightline.Procurement;

/// <summary>How a supplier stands to a device it is linked to.</summary>
public enum DeviceLink
{
    /// <summary>It delivered (sold or installed) the device.</summary>
    Delivered,
    /// <summary>It maintains the device.</summary>
    Maintains,
}
