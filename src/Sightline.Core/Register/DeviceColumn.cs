namespace Sightline.Register;

/// <summary>The device fields an asset list can carry, in export order.</summary>
public enum DeviceColumn
{
    /// <summary>asset_id</summary>
    AssetId,
    /// <summary>system (by name)</summary>
    System,
    /// <summary>site (by name)</summary>
    Site,
    /// <summary>latitude</summary>
    Latitude,
    /// <summary>longitude</summary>
    Longitude,
    /// <summary>direction</summary>
    Direction,
    /// <summary>kind</summary>
    Kind,
    /// <summary>brand (as sold)</summary>
    Brand,
    /// <summary>model</summary>
    Model,
    /// <summary>firmware</summary>
    Firmware,
    /// <summary>serial</summary>
    Serial,
    /// <summary>ip</summary>
    Ip,
    /// <summary>mac</summary>
    Mac,
    /// <summary>installed_on</summary>
    InstalledOn,
    /// <summary>installer</summary>
    Installer,
    /// <summary>capabilities</summary>
    Capabilities,
    /// <summary>status</summary>
    Status,
    /// <summary>notes</summary>
    Notes,
}
