namespace Sightline.CameraFarm;

/// <summary>
/// What a device's ONVIF service reports: GetDeviceInformation's fields (the label as the firmware writes it),
/// its scopes, the extra namespaces its envelopes declare (a platform tell), and whether the identity calls need
/// WS-UsernameToken credentials, as on current firmware; and where its services live and what its media service offers.
/// </summary>
public sealed record OnvifDevice(
    string Manufacturer,
    string Model,
    string Firmware,
    string Serial,
    string HardwareId,
    IReadOnlyList<string> Scopes,
    string Namespaces,
    bool NeedsCredentials,
    string EndpointUuid,
    OnvifServices Services)
{
    /// <summary>Whether GetCapabilities and GetServices also need credentials, as some recorders' firmware asks though ONVIF Core opens them to all.</summary>
    public bool ServicesNeedCredentials { get; init; }
}
