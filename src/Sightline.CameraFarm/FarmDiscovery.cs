using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sightline.Probing;

namespace Sightline.CameraFarm;

/// <summary>
/// How a farm device answers UDP discovery: WS-Discovery (3702) probes for the types it has, Hikvision SADP (37020),
/// Dahua DHIP (37810) and unicast DNS-SD queries (5353) for the services it announces.
/// </summary>
internal static partial class FarmDiscovery
{
    public const int WsdPort = 3702, SadpPort = 37020, DhipPort = 37810;

    /// <summary>The ports a persona answers discovery on.</summary>
    public static IEnumerable<int> Ports(Persona persona)
    {
        if (persona.WsdTypes is not null)
        {
            yield return WsdPort;
        }
        if (persona.Sadp)
        {
            yield return SadpPort;
        }
        if (persona.Dhip)
        {
            yield return DhipPort;
        }
        if (persona.MdnsServices is not null)
        {
            yield return DnsSd.Port;
        }
    }

    /// <summary>The reply to a datagram on <paramref name="port"/>, or null when the datagram is not that protocol's probe.</summary>
    public static byte[]? Answer(Persona persona, string address, int port, ReadOnlySpan<byte> probe)
    {
        var text = Encoding.UTF8.GetString(probe);
        switch (port)
        {
            case WsdPort when WsdProbe.Read(text) is { } wsd && wsd.Matches(WsdProbe.Of(persona.WsdTypes ?? ""), persona.WsdAnswersUntypedProbe):
                return Encoding.UTF8.GetBytes(FarmOnvif.ProbeMatch(persona, address, wsd.MessageId));
            case SadpPort when text.Contains("<Types>inquiry", StringComparison.Ordinal):
                return Encoding.UTF8.GetBytes(Sadp(persona, address, Uuid().Match(text) is { Success: true } u ? u.Groups[1].Value : ""));
            case DnsSd.Port when persona.MdnsServices is { } services && DnsSd.Questions(probe) is { } query:
                return DnsSd.Response(query.Id, query.Names, services);
            case DhipPort when probe.Length >= 32 && probe[4..8].SequenceEqual("DHIP"u8) && text.Contains("DHDiscover.search", StringComparison.Ordinal):
                return Dhip(persona, address);
            default:
                return null;
        }
    }

    private static string Sadp(Persona persona, string address, string uuid) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ProbeMatch>\n" +
        $"<Uuid>{uuid}</Uuid>\n<Types>inquiry</Types>\n<DeviceType>141945</DeviceType>\n<DeviceDescription>{persona.Model}</DeviceDescription>\n" +
        $"<DeviceSN>{persona.Serial}</DeviceSN>\n<CommandPort>8000</CommandPort>\n<HttpPort>80</HttpPort>\n<MAC>{persona.Mac.Replace(':', '-').ToLowerInvariant()}</MAC>\n" +
        $"<IPv4Address>{address}</IPv4Address>\n<IPv4SubnetMask>255.255.255.0</IPv4SubnetMask>\n<DHCP>false</DHCP>\n" +
        $"<SoftwareVersion>{persona.Firmware.Replace(" build ", "build ", StringComparison.Ordinal)}</SoftwareVersion>\n<Activated>true</Activated>\n<DetailOEMCode>1</DetailOEMCode>\n</ProbeMatch>\n";

    private static byte[] Dhip(Persona persona, string address)
    {
        var json = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"mac\" : \"{persona.Mac.ToLowerInvariant()}\", \"method\" : \"client.notifyDevInfo\", \"params\" : {{\"deviceInfo\" : {{\"DeviceClass\" : \"{(persona.DeviceClass == "nvr" ? "NVR" : "IPC")}\", " +
            $"\"DeviceType\" : \"{persona.Model}\", \"HttpPort\" : 80, \"IPv4Address\" : {{\"IPAddress\" : \"{address}\", \"SubnetMask\" : \"255.255.255.0\"}}, " +
            $"\"MachineName\" : \"{persona.Serial}\", \"Manufacturer\" : \"{persona.Brand}\", \"Port\" : 37777, \"SerialNo\" : \"{persona.Serial}\", \"Vendor\" : \"{persona.Brand}\", " +
            $"\"Version\" : \"{persona.Firmware.TrimStart('V')}\"}}}}}}"));
        return UdpDiscovery.DhipMessage(json);
    }

    [GeneratedRegex(@"<Uuid>([^<]{1,64})</Uuid>", RegexOptions.NonBacktracking)]
    private static partial Regex Uuid();
}
