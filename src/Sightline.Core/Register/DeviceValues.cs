using System.Globalization;

namespace Sightline.Register;

/// <summary>
/// A device's fields as canonical text, one slot per <see cref="DeviceColumn"/> plus the extra attributes.
/// Import, export, diffing and the audit log all speak this form, so a value compares equal exactly when
/// it would export the same.
/// </summary>
public sealed class DeviceValues
{
    private readonly string?[] _values = new string?[DeviceColumns.Count];

    /// <summary>Extra attributes by column name; only non-empty values are kept.</summary>
    public SortedDictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>The canonical text of a column, or null when empty.</summary>
    public string? this[DeviceColumn column]
    {
        get => _values[(int)column];
        set => _values[(int)column] = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The values of a stored device, with its system and site given by name.</summary>
    public static DeviceValues From(Device device, string? systemName, string? siteName)
    {
        var values = new DeviceValues
        {
            [DeviceColumn.AssetId] = device.AssetId,
            [DeviceColumn.System] = systemName,
            [DeviceColumn.Site] = siteName,
            [DeviceColumn.Latitude] = Number(device.Latitude),
            [DeviceColumn.Longitude] = Number(device.Longitude),
            [DeviceColumn.Direction] = Number(device.Direction),
            [DeviceColumn.Kind] = Words.Of(device.Kind),
            [DeviceColumn.Brand] = device.BrandAsSold,
            [DeviceColumn.Model] = device.Model,
            [DeviceColumn.Firmware] = device.Firmware,
            [DeviceColumn.Serial] = device.Serial,
            [DeviceColumn.Ip] = device.IpAddress,
            [DeviceColumn.Mac] = device.MacAddress,
            [DeviceColumn.InstalledOn] = device.InstalledOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [DeviceColumn.Installer] = device.Installer,
            [DeviceColumn.Capabilities] = Words.OfFlags(device.Capabilities),
            [DeviceColumn.Status] = Words.Of(device.Status),
            [DeviceColumn.Notes] = device.Notes,
        };
        foreach (var (name, value) in device.Attributes)
        {
            values.Attributes[name] = value;
        }
        return values;
    }

    /// <summary>
    /// Writes these values onto a device; system and site are resolved by the caller. The device takes this
    /// <see cref="Attributes"/> dictionary itself (an import makes one per row), so change neither afterwards.
    /// </summary>
    public void ApplyTo(Device device, int? systemId, int? siteId)
    {
        device.AssetId = this[DeviceColumn.AssetId];
        device.SystemId = systemId;
        device.SiteId = siteId;
        device.Latitude = ParseNumber(this[DeviceColumn.Latitude]);
        device.Longitude = ParseNumber(this[DeviceColumn.Longitude]);
        device.Direction = ParseNumber(this[DeviceColumn.Direction]);
        device.Kind = this[DeviceColumn.Kind] is { } kind ? Words.Parse<DeviceKind>(kind) ?? DeviceKind.Camera : DeviceKind.Camera;
        device.BrandAsSold = this[DeviceColumn.Brand];
        device.Model = this[DeviceColumn.Model];
        device.Firmware = this[DeviceColumn.Firmware];
        device.Serial = this[DeviceColumn.Serial];
        device.IpAddress = this[DeviceColumn.Ip];
        device.MacAddress = this[DeviceColumn.Mac];
        device.InstalledOn = this[DeviceColumn.InstalledOn] is { } date
            ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        device.Installer = this[DeviceColumn.Installer];
        device.Capabilities = Words.TryParseFlags(this[DeviceColumn.Capabilities] ?? "", out var flags, out _) ? flags : Capabilities.None;
        device.Status = this[DeviceColumn.Status] is { } status ? Words.Parse<DeviceStatus>(status) ?? DeviceStatus.Active : DeviceStatus.Active;
        device.Notes = this[DeviceColumn.Notes];
        device.Attributes = Attributes;
    }

    /// <summary>A copy that can be changed without changing this one.</summary>
    public DeviceValues Clone()
    {
        var copy = new DeviceValues();
        _values.CopyTo(copy._values, 0);
        foreach (var (name, value) in Attributes)
        {
            copy.Attributes[name] = value;
        }
        return copy;
    }

    /// <summary>Canonical text of a number: the shortest form that reads back as the same double.</summary>
    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static double? ParseNumber(string? text) => text is null ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
