namespace Sightline.Register;

/// <summary>A camera, recorder, encoder or other device on the register. Never deleted: see <see cref="Status"/>.</summary>
public sealed class Device
{
    /// <summary>Surrogate key, shown to users as the device's ID.</summary>
    public int Id { get; set; }

    /// <summary>The organisation's own asset number, unique where present.</summary>
    public string? AssetId { get; set; }

    /// <summary>The system the device belongs to.</summary>
    public int? SystemId { get; set; }

    /// <summary>The site where the device is installed.</summary>
    public int? SiteId { get; set; }

    /// <summary>What the device is.</summary>
    public DeviceKind Kind { get; set; }

    /// <summary>The brand on the box, which may not be the maker.</summary>
    public string? BrandAsSold { get; set; }

    /// <summary>Model as sold.</summary>
    public string? Model { get; set; }

    /// <summary>Firmware version as last known.</summary>
    public string? Firmware { get; set; }

    /// <summary>Serial number.</summary>
    public string? Serial { get; set; }

    /// <summary>IP address, in canonical text form.</summary>
    public string? IpAddress { get; set; }

    /// <summary>MAC address, canonical upper-case colon form.</summary>
    public string? MacAddress { get; set; }

    /// <summary>WGS84 latitude.</summary>
    public double? Latitude { get; set; }

    /// <summary>WGS84 longitude.</summary>
    public double? Longitude { get; set; }

    /// <summary>Compass bearing the device faces, in degrees from north.</summary>
    public double? Direction { get; set; }

    /// <summary>Privacy-relevant capabilities.</summary>
    public Capabilities Capabilities { get; set; }

    /// <summary>Life-cycle status.</summary>
    public DeviceStatus Status { get; set; }

    /// <summary>Date installed.</summary>
    public DateOnly? InstalledOn { get; set; }

    /// <summary>Who installed it.</summary>
    public string? Installer { get; set; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; set; }

    /// <summary>Columns from an import that Sightline has no field for, kept as name → value.</summary>
    public SortedDictionary<string, string> Attributes { get; set; } = new(StringComparer.Ordinal);
}
