using Sightline.Register;

namespace Sightline.Data.Import;

/// <summary>
/// Devices that rows may match: by the Sightline id a row carries (from an export), else by asset id, then serial,
/// then MAC; the lowest id wins a shared key.
/// </summary>
internal sealed class DeviceMatches
{
    private readonly Dictionary<int, Device> _byId = [];
    private readonly Dictionary<string, Device> _byAsset = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Device> _bySerial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Device> _byMac = new(StringComparer.Ordinal);

    public bool IsEmpty => _byId.Count == 0;

    public void Add(Device device)
    {
        _byId.TryAdd(device.Id, device);
        Put(_byAsset, device.AssetId, device);
        Put(_bySerial, device.Serial, device);
        Put(_byMac, device.MacAddress, device);
    }

    /// <summary>Adds devices in id order, so that the lowest id wins a shared key.</summary>
    public void AddAll(IEnumerable<Device> devices)
    {
        foreach (var device in devices.OrderBy(d => d.Id))
        {
            Add(device);
        }
    }

    /// <summary>The device a row's id names, or, without one that is known here, the device its keys match.</summary>
    public Device? Find(DeviceRow row) =>
        row.Id is { } id && _byId.TryGetValue(id, out var device) ? device : Find(row.Values);

    public Device? Find(DeviceValues row) =>
        Get(_byAsset, row[DeviceColumn.AssetId]) ?? Get(_bySerial, row[DeviceColumn.Serial]) ?? Get(_byMac, row[DeviceColumn.Mac]);

    private static void Put(Dictionary<string, Device> index, string? key, Device device)
    {
        if (key is not null)
        {
            index.TryAdd(key, device);
        }
    }

    private static Device? Get(Dictionary<string, Device> index, string? key) =>
        key is not null && index.TryGetValue(key, out var device) ? device : null;
}
