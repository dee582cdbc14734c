namespace Sightline.OpenStreetMap;

/// <summary>A device in the register with a location, as reconciliation compares it.</summary>
public sealed record RegisteredCamera(int DeviceId, string? AssetId, double Latitude, double Longitude);
