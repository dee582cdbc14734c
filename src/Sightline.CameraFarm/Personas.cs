using System.Globalization;

namespace Sightline.CameraFarm;

/// <summary>
/// The farm's device types, modelled on how real devices of each platform and brand answer (see
/// ../shared/reference/fingerprinting.md): banners, realms, header casing, titles, serial and MAC schemes.
/// White labels answer with their platform's web stack and carry their platform maker's MAC blocks.
/// </summary>
public static class Personas
{
    private static readonly byte[] HikvisionGreeting = [0, 0, 0, 0x10, 0, 0, 0, 0x1e, 0, 0, 0, 0x1e, 0, 0, 0, 0];

    /// <summary>Every template, in a fixed order; a farm deals them out by its seed.</summary>
    public static IReadOnlyList<Func<Random, Persona>> Templates { get; } =
    [
        r => Hikvision(r, "hikvision-camera", "Hikvision", "DS-2CD2143G2-I", "camera", "BC:AD:28"),
        r => Hikvision(r, "hikvision-nvr", "Hikvision", "DS-7616NI-K2", "nvr", "44:19:B6", server: "DNVRS-Webs"),
        r => Hikvision(r, "annke-on-hikvision", "ANNKE", "C800", "camera", "E0:CA:3C"),
        r => Hikvision(r, "truvision-on-hikvision", "truVision", "TVGP-P01-0402-PTZ-G", "camera", "C0:56:E3"),
        r => Hikvision(r, "lts-on-hikvision", "LTS", "CMIP7442W-28M", "camera", "28:57:BE"),
        r => Dahua(r, "dahua-camera", "Dahua", "IPC-HFW2431S-S-S2", "camera", "E0:50:8B"),
        r => Dahua(r, "dahua-nvr", "Dahua", "NVR4208-8P-4KS2", "nvr", "3C:EF:8C"),
        r => Dahua(r, "lorex-on-dahua", "Lorex", "E841CA", "camera", "3C:EF:8C", serialPrefix: "ND"),
        r => Dahua(r, "amcrest-on-dahua", "Amcrest", "IP8M-2496EB", "camera", "9C:14:63"),
        r => Dahua(r, "intelbras-on-dahua", "Intelbras", "VIP 3430 B", "camera", "B4:4C:3B"),
        r =>
        {
            var mac = Mac(r, "AC:CC:8E");
            return Camera("axis-camera", "axis", "Axis", "P3245-LVE", "10.12.153", mac,
                [("Server", "Linux/2.6.35-axis1, UPnP/1.0, Portable SDK for UPnP devices/1.6.18"), ("WWW-Authenticate", $"Digest realm=\"AXIS_{mac.Replace(":", "", StringComparison.Ordinal)}\", nonce=\"{Nonce(r)}\"")],
                "<html><head><title>AXIS</title></head></html>");
        },
        r => Camera("hanwha-camera", "hanwha-vision", "Hanwha Vision", "XNV-6080R", "2.21.02", Mac(r, "E4:30:22"),
            [("Server", "nginx"), ("WWW-Authenticate", $"Digest realm=\"NET-i\", nonce=\"{Nonce(r)}\"")], "<html><head><title>Hanwha Techwin</title></head></html>"),
        r => Camera("bosch-camera", "bosch", "Bosch", "FLEXIDOME IP 5000i", "7.80.0128", Mac(r, "00:04:63"),
            [("Server", "VCS-VideoJet-Webserver"), ("WWW-Authenticate", "Basic realm=\"Use 'live' as User Name\"")], "<html><head><title>FLEXIDOME IP 5000i</title></head></html>"),
        r => Camera("vivotek-camera", "vivotek", "Vivotek", "FD9380-HTV", "0100g", Mac(r, "00:02:D1"),
            [("Server", "Vivotek Network Camera"), ("WWW-Authenticate", "Basic realm=\"streaming_server\"")], "<html><head><title>Network Camera</title></head></html>"),
        r => Camera("xiongmai-dvr", "xiongmai", "XMEye", "XM530", "V5.00.R02.000807C8.10010.040400.0020000", Mac(r, "02:12:16"),
            [("Server", "uc-httpd 1.0.0")], "<html><head><title>NETSurveillance WEB</title></head></html>", deviceClass: "dvr"),
        r => Camera("sony-camera", "sony", "Sony", "SNC-VB770", "2.4.1", Mac(r, "00:01:4A"),
            [("Server", "Apache")], "<html><head><title>Sony Network Camera</title></head></html>", rtsp: "Linux/2.6.35.14_nl-xarina+ Ze-PRO"),
        r => Other("tp-link-router", "TP-Link", "TL-WR841N", "router", Mac(r, "50:C7:BF"),
            [("Server", "Router Webserver"), ("WWW-Authenticate", "Basic realm=\"TP-LINK Wireless N Router WR841N\"")], ""),
        r => Other("hp-printer", "HP", "LaserJet 400 M401dne", "printer", Mac(r, "3C:D9:2B"),
            [("Server", "HP HTTP Server; HP LaserJet 400 M401dne - CF278A; Serial Number: CNB8H12345; Built:Mon Jun 24, 2013 09:18:26AM {LSDEVSLFN1N001.1326A}")], "<html><head><title>HP LaserJet 400</title></head></html>"),
        r => Other("windows-pc", "Microsoft", "IIS", "server", Mac(r, "00:15:5D"),
            [("Server", "Microsoft-IIS/10.0")], "<html><head><title>IIS Windows Server</title></head></html>"),
        r => Other("web-server", "nginx", "nginx", "server", Mac(r, "02:42:AC"),
            [("Server", "nginx/1.22.1")], "<html><head><title>Welcome to nginx!</title></head></html>"),
        r => Misbehaving("silent", Behaviour.Silent, r),
        r => Misbehaving("trickle", Behaviour.Trickle, r),
        r => Misbehaving("garbage", Behaviour.Garbage, r),
        r => Misbehaving("huge-header", Behaviour.Huge, r),
        r => Misbehaving("reset", Behaviour.Reset, r),
    ];

    private static Persona Hikvision(Random r, string template, string brand, string model, string deviceClass, string block, string server = "App-webs/")
    {
        var firmware = $"V5.{r.Next(4, 8)}.{r.Next(0, 20)} build {r.Next(17, 24):00}{r.Next(1, 13):00}{r.Next(1, 29):00}";
        var realm = deviceClass == "camera" ? $"IP Camera({(char)('A' + r.Next(26))}{r.Next(1000, 9999)})" : "DS-7616NI";
        return new Persona(template, "hikvision", brand, model, firmware, deviceClass, Mac(r, block), Behaviour.Normal, 401,
            [("Date", "Thu, 14 May 2020 08:10:12 GMT"), ("Server", server), ("Content-Type", "text/html"),
             ("WWW-Authenticate", $"Digest qop=\"auth\", realm=\"{realm}\", nonce=\"{Nonce(r)}\", stale=\"FALSE\"")],
            "<!DOCTYPE html><html><head><title>Document Error: Unauthorized</title></head></html>",
            RtspServer: null, Greeting8000: HikvisionGreeting);
    }

    private static Persona Dahua(Random r, string template, string brand, string model, string deviceClass, string block, string serialPrefix = "")
    {
        var serial = serialPrefix.Length > 0
            ? serialPrefix + r.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture)
            : $"{r.Next(1, 9)}{(char)('A' + r.Next(26))}{r.Next(10000, 99999)}PA{(char)('A' + r.Next(26))}{r.Next(10000, 99999)}";
        var firmware = $"V2.800.{(brand == "Dahua" ? "0000000" : "00" + brand[..2].ToUpperInvariant() + "004")}.{r.Next(0, 20)}.R";
        // Dahua's web server sends its header names in capitals.
        return new Persona(template, "dahua", brand, model, firmware, deviceClass, Mac(r, block), Behaviour.Normal, 401,
            [("WWW-AUTHENTICATE", $"Digest realm=\"Login to {serial}\", qop=\"auth\", nonce=\"{r.Next()}\", opaque=\"{Nonce(r)}\""),
             ("CONNECTION", "close"), ("CONTENT-LENGTH", "0")],
            "", RtspServer: "Dahua Rtsp Server");
    }

    private static Persona Camera(string template, string platform, string brand, string model, string firmware, string mac,
        (string, string)[] headers, string body, string deviceClass = "camera", string? rtsp = null) =>
        new(template, platform, brand, model, firmware, deviceClass, mac, Behaviour.Normal, headers.Any(h => h.Item1 == "WWW-Authenticate") ? 401 : 200,
            headers, body, RtspServer: rtsp);

    private static Persona Other(string template, string brand, string model, string deviceClass, string mac, (string, string)[] headers, string body) =>
        new(template, "", brand, model, "", deviceClass, mac, Behaviour.Normal, headers.Any(h => h.Item1 == "WWW-Authenticate") ? 401 : 200, headers, body);

    private static Persona Misbehaving(string template, Behaviour behaviour, Random r) =>
        new(template, "", "", "", "", "", Mac(r, "02:00:5E"), behaviour, 0, [], "");

    private static string Mac(Random r, string block) => $"{block}:{r.Next(256):X2}:{r.Next(256):X2}:{r.Next(256):X2}";

    private static string Nonce(Random r) => r.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
}
