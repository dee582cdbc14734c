namespace Sightline.CameraFarm;

/// <summary>
/// Where a device's ONVIF services live and what its media service offers: the paths its GetCapabilities and
/// GetServices name (each maker has its own), the host name it reports, and its media profiles, in the forms each
/// maker's firmware uses (sources in <see cref="OnvifMakers"/>).
/// </summary>
public sealed record OnvifServices(string MediaPath, string EventsPath, string ImagingPath, string Hostname, IReadOnlyList<OnvifProfile> Profiles)
{
    /// <summary>Where every maker serves the device service, and where clients look first.</summary>
    public const string DevicePath = "/onvif/device_service";

    /// <summary>Where a recorder serves the ONVIF recording service (Profile G); null on a camera that records nothing.</summary>
    public string? RecordingPath { get; init; }

    /// <summary>Every path that answers ONVIF SOAP.</summary>
    public IEnumerable<string> Paths => new[] { DevicePath, MediaPath, EventsPath, ImagingPath, RecordingPath }.OfType<string>().Distinct(StringComparer.Ordinal);
}
