using Sightline.Probing;

namespace Sightline.CameraFarm;

/// <summary>
/// One emulated device: who made it and what it is (the ground truth), and how each of its services answers.
/// A service the persona does not have is simply not listened on, as on a real device.
/// </summary>
public sealed record Persona(
    string Template,
    string Platform,
    string Brand,
    string Model,
    string Firmware,
    string DeviceClass,
    string Mac,
    string Serial,
    Behaviour Behaviour,
    HttpAnswer Root)
{
    /// <summary>Vendor identity endpoints (path and query) and how they answer a request without credentials.</summary>
    public IReadOnlyDictionary<string, HttpAnswer> Paths { get; init; } = new Dictionary<string, HttpAnswer>();

    /// <summary>How vendor endpoints answer a request that carries the farm's credentials (HTTP Digest).</summary>
    public IReadOnlyDictionary<string, HttpAnswer> PathsWithCredentials { get; init; } = new Dictionary<string, HttpAnswer>();

    /// <summary>The ONVIF device service on <c>/onvif/device_service</c>, when the device has one.</summary>
    public OnvifDevice? Onvif { get; init; }

    /// <summary>The subject of the self-signed certificate served on 443, when the device serves HTTPS.</summary>
    public string? TlsSubject { get; init; }

    /// <summary>The RTSP <c>Server</c> header on 554, when the device streams.</summary>
    public string? RtspServer { get; init; }

    /// <summary>The challenge RTSP DESCRIBE gets without credentials.</summary>
    public string? RtspChallenge { get; init; }

    /// <summary>Ports where the device speaks first, and what it says (Hikvision's 8000, Xiongmai's 34567).</summary>
    public IReadOnlyDictionary<int, byte[]> Greetings { get; init; } = new Dictionary<int, byte[]>();

    /// <summary>Ports that accept and wait for a client protocol the scanner never speaks (Dahua's 37777).</summary>
    public IReadOnlyList<int> QuietPorts { get; init; } = [];

    /// <summary>The WS-Discovery <c>Types</c> the device answers a probe with, when it answers WS-Discovery.</summary>
    public string? WsdTypes { get; init; }

    /// <summary>
    /// Whether the device answers a WS-Discovery Probe that names no type. The spec says such a probe matches every
    /// device, and cameras and printers answer it; a Windows computer's responder may not (Debian's wsdd ignores it).
    /// </summary>
    public bool WsdAnswersUntypedProbe { get; init; } = true;

    /// <summary>
    /// On a recorder, the days it is configured to keep what it records (0: no limit but the disk), as its ONVIF
    /// recording service and its maker's storage endpoint report them; null on a device that records nothing.
    /// </summary>
    public int? RetentionDays { get; init; }

    /// <summary>How many cameras a recorder records (its recordings or tracks).</summary>
    public int Channels { get; init; }

    /// <summary>Whether the device answers Hikvision's SADP inquiry (UDP 37020).</summary>
    public bool Sadp { get; init; }

    /// <summary>Whether the device answers Dahua's DHIP search (UDP 37810).</summary>
    public bool Dhip { get; init; }

    /// <summary>The DNS-SD service instances its mDNS responder announces (UDP 5353), answered to unicast queries; null: none.</summary>
    public IReadOnlyList<DnsSd.Instance>? MdnsServices { get; init; }

    /// <summary>Every TCP port the device listens on.</summary>
    public IEnumerable<int> TcpPorts()
    {
        yield return 80;
        if (TlsSubject is not null)
        {
            yield return 443;
        }
        if (RtspServer is not null)
        {
            yield return 554;
        }
        foreach (var port in Greetings.Keys.Concat(QuietPorts))
        {
            yield return port;
        }
    }
}
