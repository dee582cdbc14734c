namespace Sightline.Register;

/// <summary>Where a device stands in its life; devices are never deleted.</summary>
public enum DeviceStatus
{
    /// <summary>In service.</summary>
    Active,
    /// <summary>Expected but not seen by the last scan of its scope.</summary>
    Missing,
    /// <summary>Taken out of service; kept on the record.</summary>
    Decommissioned,
}
