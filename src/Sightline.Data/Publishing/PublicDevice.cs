using Sightline.Publishing;
using Sightline.Register;

namespace Sightline.Data.Publishing;

/// <summary>
/// One device as the open data publishes it: never its address, MAC, serial, firmware, model, installer or notes; its
/// location rounded to its rule's level (null when hidden or not recorded) and each withheld field null.
/// </summary>
public sealed record PublicDevice(
    int Id,
    int SystemId,
    string System,
    SystemType SystemType,
    bool PublicSpace,
    DeviceKind Kind,
    string? Maker,
    string? Brand,
    bool? WhiteLabel,
    Capabilities? Capabilities,
    double? Direction,
    LocationLevel Location,
    double? Latitude,
    double? Longitude);
