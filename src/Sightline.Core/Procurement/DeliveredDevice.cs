namespace Sightline.Procurement;

/// <summary>
/// A device as delivered, for acceptance: where it came from (asset id, address or CSV line), its brand as sold, the platform
/// maker the register's identification gives (null when unknown), model, firmware, and whether it looks white-labelled.
/// </summary>
public sealed record DeliveredDevice(string Where, string? Brand, string? Platform, string? Model, string? Firmware, bool WhiteLabel);
