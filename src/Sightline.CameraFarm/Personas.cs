using System.Globalization;

namespace Sightline.CameraFarm;

/// <summary>
/// The farm's device types, modelled on how real devices of each platform and brand answer (the captures in
/// tests/corpus and the rules' sources in knowledge/): banners, realms, header casing, titles, vendor endpoints, ONVIF
/// namespaces and scopes, discovery replies, certificate subjects, serial and MAC schemes. White labels answer with
/// their platform's stacks under their own label, and carry their platform maker's MAC blocks.
/// </summary>
public static class Personas
{
    private static readonly byte[] HikvisionGreeting = [0, 0, 0, 0x10, 0, 0, 0, 0x1e, 0, 0, 0, 0x1e, 0, 0, 0, 0];
    private static readonly byte[] HikConnectGreeting = [0, 0, 0, 0x10, 0, 0, 0, 0x0d, 0, 0, 0, 0x0d, 0, 0, 0, 0];
    private const string Camera = "dn:NetworkVideoTransmitter tds:Device";
    private const string HikvisionNamespaces = " xmlns:tnshik=\"http://www.hikvision.com/2011/event/topics\" xmlns:hikwsd=\"http://www.onvifext.com/onvif/ext/ver10/wsdl\" xmlns:hikxsd=\"http://www.onvifext.com/onvif/ext/ver10/schema\"";

    /// <summary>Every template, in a fixed order; a farm deals them out by its seed.</summary>
    public static IReadOnlyList<Func<Random, Persona>> Templates { get; } =
    [
        r => Hikvision(r, "hikvision-camera", "Hikvision", "HIKVISION", "DS-2CD2143G2-I", "camera", "BC:AD:28", tls: true),
        r => Recorder(Hikvision(r, "hikvision-nvr", "Hikvision", "HIKVISION", "DS-7616NI-K2", "nvr", "44:19:B6", server: "DNVRS-Webs", tls: true)),
        r => Hikvision(r, "annke-on-hikvision", "ANNKE", "ANNKE", "C800", "camera", "E0:CA:3C", isapiNamespace: "http://www.std-cgi.com/ver20/XMLSchema"),
        r => Hikvision(r, "truvision-on-hikvision", "truVision", "Interlogix", "TVGP-P01-0402-PTZ-G", "camera", "C0:56:E3"),
        r => Hikvision(r, "lts-on-hikvision", "LTS", "LTS", "CMIP7442W-28M", "camera", "28:57:BE"),
        Ezviz,
        r => Dahua(r, "dahua-camera", "Dahua", "IPC-HFW2431S-S-S2", "IPC-HFW2431S-S-S2", "camera", "E0:50:8B"),
        r => Recorder(Dahua(r, "dahua-nvr", "Dahua", "NVR4208-8P-4KS2", "DHI-NVR4208-8P-4KS2", "nvr", "3C:EF:8C")),
        r => Dahua(r, "lorex-on-dahua", "Lorex", "E841CA", "IPC-HDW3849H-AS-PV", "camera", "3C:EF:8C", serialPrefix: "ND"),
        r => Dahua(r, "amcrest-on-dahua", "Amcrest", "IP8M-2496EB", "IPC-HDW2831T-AS", "camera", "9C:14:63"),
        r => Dahua(r, "intelbras-on-dahua", "Intelbras", "VIP 3430 B", "IPC-HFW2431S", "camera", "B4:4C:3B"),
        Axis,
        Hanwha,
        Uniview,
        r => Onvif(Plain(r, "bosch-camera", "bosch", "Bosch", "FLEXIDOME IP 5000i", "7.80.0128", "00:04:63", $"{r.Next(100000000, 999999999)}",
            [("Server", "VCS-VideoJet-Webserver"), ("WWW-Authenticate", "Basic realm=\"Use 'live' as User Name\"")], "<html><head><title>FLEXIDOME IP 5000i</title></head></html>")
            with { TlsSubject = "CN=FLEXIDOME IP 5000i,O=Bosch Sicherheitssysteme GmbH,C=DE" }, "Bosch", r),
        r => Onvif(Plain(r, "vivotek-camera", "vivotek", "Vivotek", "FD9380-HTV", "FD9380-VVTK-0100g", "00:02:D1", $"0002D1{r.Next(100000, 999999)}",
            [("Server", "Vivotek Network Camera"), ("WWW-Authenticate", "Basic realm=\"streaming_server\"")], "<html><head><title>Network Camera</title></head></html>"), "VIVOTEK", r),
        r => Plain(r, "xiongmai-dvr", "xiongmai", "XMEye", "XM530", "V5.00.R02.000807C8.10010.040400.0020000", "02:12:16", "",
            [("Server", "uc-httpd 1.0.0")], "<html><head><title>NETSurveillance WEB</title></head></html>", deviceClass: "dvr") with { QuietPorts = [34567] },
        Reolink,
        r => Onvif(Plain(r, "sony-camera", "sony", "Sony", "SNC-VB770", "2.4.1", "00:01:4A", $"{r.Next(1000000, 9999999)}",
            [("Server", "Apache")], "<html><head><title>Sony Network Camera</title></head></html>") with { RtspServer = "Linux/2.6.35.14_nl-xarina+ Ze-PRO" }, "Sony", r),
        r => Other(r, "tp-link-router", "TP-Link", "TL-WR841N", "router", "50:C7:BF",
            [("Server", "Router Webserver"), ("WWW-Authenticate", "Basic realm=\"TP-LINK Wireless N Router WR841N\"")], ""),
        r => Other(r, "hp-printer", "HP", "LaserJet 400 M401dne", "printer", "3C:D9:2B",
            [("Server", "HP HTTP Server; HP LaserJet 400 M401dne - CF278A; Serial Number: CNB8H12345; Built:Mon Jun 24, 2013 09:18:26AM {LSDEVSLFN1N001.1326A}")], "<html><head><title>HP LaserJet 400</title></head></html>")
            with
            {
                WsdTypes = "wsdp:Device wprt:PrintDeviceType",
                // Bonjour Printing: an IPP instance with its make and model in the TXT record's ty and product keys.
                MdnsServices = [new("_ipp._tcp.local", "HP LaserJet 400 M401dne", ["txtvers=1", "qtotal=1", "rp=ipp/print", "ty=HP LaserJet 400 M401dne", "product=(HP LaserJet 400 M401dne)"])],
            },
        r => Other(r, "synology-nas", "Synology", "DS920+", "nas", "00:11:32",
            [("Server", "nginx"), ("Content-Type", "text/html; charset=\"UTF-8\"")], "<!DOCTYPE html><html><head><title>Synology DiskStation - NAS01</title></head><body></body></html>")
            with { TlsSubject = "CN=synology.com,O=Synology Inc.,L=Taipei,C=TW" },
        r => Other(r, "windows-pc", "Microsoft", "Windows 11", "pc", "00:15:5D",
            [("Server", "Microsoft-IIS/10.0")], "<html><head><title>IIS Windows Server</title></head></html>") with { WsdTypes = "wsdp:Device pub:Computer", WsdAnswersUntypedProbe = false },
        r => Other(r, "web-server", "nginx", "nginx", "server", "02:42:AC",
            [("Server", "nginx/1.22.1")], "<html><head><title>Welcome to nginx!</title></head></html>"),
        r => Misbehaving("silent", Behaviour.Silent, r),
        r => Misbehaving("trickle", Behaviour.Trickle, r),
        r => Misbehaving("garbage", Behaviour.Garbage, r),
        r => Misbehaving("huge-header", Behaviour.Huge, r),
        r => Misbehaving("reset", Behaviour.Reset, r),
    ];

    private static Persona Hikvision(Random r, string template, string brand, string manufacturer, string model, string deviceClass, string block,
        string server = "App-webs/", bool tls = false, string isapiNamespace = "http://www.hikvision.com/ver20/XMLSchema")
    {
        // Firmware from V5.4 (2016, before the CVE-2021-36260 fix) to V5.7 (2023), as in the field.
        var build = $"{r.Next(16, 24):00}{r.Next(1, 13):00}{r.Next(1, 29):00}";
        var firmware = $"V5.{r.Next(4, 8)}.{r.Next(0, 20)} build {build}";
        var digits = r.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var serial = $"{model}20{build}CCWR{digits}";
        var mac = Mac(r, block);
        var realm = deviceClass == "camera" ? $"IP Camera({(char)('A' + r.Next(26))}{r.Next(1000, 9999)})" : "DS-7616NI";
        var challenge = new HttpAnswer(401,
            [("Date", "Thu, 14 May 2020 08:10:12 GMT"), ("Server", server), ("Content-Type", "text/html"),
             ("WWW-Authenticate", $"Digest qop=\"auth\", realm=\"{realm}\", nonce=\"{Nonce(r)}\", stale=\"FALSE\"")],
            "<!DOCTYPE html><html><head><title>Document Error: Unauthorized</title></head></html>");
        // The deviceID of Hikvision firmware: hex ASCII of 'H' and serial digits, then the MAC.
        var hex = Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes("H" + digits[..7]));
        var deviceId = $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{digits[7..]}{"00"[..(4 - digits[7..].Length)]}-{mac.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant()}";
        var firmwareParts = firmware.Split(" build ");
        var deviceInfo = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DeviceInfo version=\"2.0\" xmlns=\"{isapiNamespace}\">\n<deviceName>{brand}</deviceName>\n<deviceID>{deviceId}</deviceID>\n" +
            $"<model>{model}</model>\n<serialNumber>{serial}</serialNumber>\n<macAddress>{mac.ToLowerInvariant()}</macAddress>\n<firmwareVersion>{firmwareParts[0]}</firmwareVersion>\n" +
            $"<firmwareReleasedDate>build {firmwareParts[1]}</firmwareReleasedDate>\n<deviceType>{(deviceClass == "nvr" ? "NVR" : "IPCamera")}</deviceType>\n<telecontrolID>88</telecontrolID>\n</DeviceInfo>\n";
        var scopes = new List<string> { "type/video_encoder", "Profile/Streaming", "Profile/G", "Profile/T", $"MAC/{mac.ToLowerInvariant()}", $"hardware/{model}",
            $"name/{Uri.EscapeDataString(manufacturer == "HIKVISION" ? $"HIKVISION {model}" : manufacturer)}", "location/city/hangzhou" };
        return new Persona(template, "hikvision", brand, model, firmware, deviceClass, mac, serial, Behaviour.Normal, challenge)
        {
            Paths = new Dictionary<string, HttpAnswer> { ["/ISAPI/System/deviceInfo"] = challenge },
            PathsWithCredentials = new Dictionary<string, HttpAnswer>
            {
                ["/ISAPI/System/deviceInfo"] = new(200, [("Server", server), ("Content-Type", "application/xml")], deviceInfo),
            },
            Onvif = new OnvifDevice(manufacturer, model, firmware, serial, "88", scopes, HikvisionNamespaces, NeedsCredentials: true,
                $"{Guid(r)[..24]}{mac.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant()}", OnvifMakers.Hikvision(Hostname(brand, mac))),
            TlsSubject = tls ? "CN=www.hikvision.com,OU=DVRNVR,O=HIKVISION,L=HangZhou,ST=ZheJiang,C=CN" : null,
            RtspServer = "",
            RtspChallenge = $"Digest realm=\"{realm}\", nonce=\"{Nonce(r)}\", stale=\"FALSE\"",
            Greetings = new Dictionary<int, byte[]> { [8000] = HikvisionGreeting },
            WsdTypes = Camera,
            Sadp = true,
        };
    }

    // Retention periods recorders are found set to: a month, a fortnight, the 31 days most UK policies use, the 90 of
    // many installers' defaults, and none (kept until the disk is full).
    private static readonly int[] RetentionChoices = [30, 14, 31, 90, 0, 31];

    /// <summary>
    /// Makes a Hikvision or Dahua NVR a recorder that says how long it keeps what it records: over the ONVIF recording
    /// service (/onvif/Recording on Hikvision, /onvif/recording_service on Dahua) and its maker's storage endpoint —
    /// ISAPI's record tracks, one track a channel (id 101, 201…), each with its Duration and durationEnabled (ISAPI
    /// developer guide, /ISAPI/ContentMgmt/record/tracks), or Dahua's StorageGlobal configuration with FileHoldTime in
    /// days (Dahua HTTP API, configManager.cgi). Both need the farm's login. The period follows from the serial, so the
    /// farm's random sequence, and every other device, stay as they were.
    /// </summary>
    private static Persona Recorder(Persona nvr)
    {
        const int channels = 8;
        var days = RetentionChoices[nvr.Serial.Sum(c => c) % RetentionChoices.Length];
        var challenge = nvr.Paths.Values.First();
        var (path, answer, recordingPath) = nvr.Platform == "hikvision"
            ? (IsapiTracks, new HttpAnswer(200, [("Server", "DNVRS-Webs"), ("Content-Type", "application/xml")], IsapiTrackList(channels, days)), "/onvif/Recording")
            : ("/cgi-bin/configManager.cgi?action=getConfig&name=StorageGlobal",
                new HttpAnswer(200, [("CONTENT-TYPE", "text/plain;charset=utf-8"), ("CONNECTION", "close")],
                    $"table.StorageGlobal.FileHoldTime={days.ToString(CultureInfo.InvariantCulture)}\r\n"), "/onvif/recording_service");
        return nvr with
        {
            RetentionDays = days,
            Channels = channels,
            Paths = new Dictionary<string, HttpAnswer>(nvr.Paths) { [path] = challenge },
            PathsWithCredentials = new Dictionary<string, HttpAnswer>(nvr.PathsWithCredentials) { [path] = answer },
            // The Dahua recorder names its services only after a login, as some recorders' firmware does.
            Onvif = nvr.Onvif! with { Services = nvr.Onvif.Services with { RecordingPath = recordingPath }, ServicesNeedCredentials = nvr.Platform == "dahua" },
        };
    }

    private const string IsapiTracks = "/ISAPI/ContentMgmt/record/tracks";

    // A track a channel, main stream, recording all week; Duration and durationEnabled after the custom extensions, as
    // the firmware writes them. No limit is durationEnabled false (the Duration then stays at its default).
    private static string IsapiTrackList(int channels, int days) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrackList version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">\n" +
        string.Concat(Enumerable.Range(1, channels).Select(channel =>
            $"<Track>\n<id>{channel}01</id>\n<Channel>{channel}</Channel>\n<Enable>true</Enable>\n<Description>trackType=standard,recordType=normal</Description>\n" +
            $"<Size>0</Size>\n<DefaultRecordingMode>CMR</DefaultRecordingMode>\n<LoopEnable>true</LoopEnable>\n" +
            "<TrackSchedule>\n<ScheduleBlockList>\n<ScheduleBlock>\n<ScheduleBlockType>www.std-cgi.com/racm/schedule/ver10</ScheduleBlockType>\n" +
            "<ScheduleAction>\n<id>1</id>\n<ScheduleActionStartTime>\n<DayOfWeek>Monday</DayOfWeek>\n<TimeOfDay>00:00:00</TimeOfDay>\n</ScheduleActionStartTime>\n" +
            "<ScheduleActionEndTime>\n<DayOfWeek>Sunday</DayOfWeek>\n<TimeOfDay>24:00:00</TimeOfDay>\n</ScheduleActionEndTime>\n" +
            "<Actions>\n<Record>true</Record>\n<ActionRecordingMode>CMR</ActionRecordingMode>\n</Actions>\n</ScheduleAction>\n</ScheduleBlock>\n</ScheduleBlockList>\n</TrackSchedule>\n" +
            "<CustomExtensionList>\n<CustomExtension>\n<CustomExtensionName>www.hikvision.com/RaCM/trackExt/ver10</CustomExtensionName>\n<enableSchedule>true</enableSchedule>\n" +
            "<PreRecordTimeSeconds>5</PreRecordTimeSeconds>\n<PostRecordTimeSeconds>5</PostRecordTimeSeconds>\n</CustomExtension>\n</CustomExtensionList>\n" +
            $"<Duration>{(days > 0 ? $"P{days.ToString(CultureInfo.InvariantCulture)}DT0H" : "P7DT0H")}</Duration>\n<durationEnabled>{(days > 0 ? "true" : "false")}</durationEnabled>\n</Track>\n")) +
        "</TrackList>\n";

    private static Persona Ezviz(Random r)
    {
        // EZVIZ, Hikvision's consumer brand: no web interface, an SDK port with the Hik-Connect greeting, SADP.
        var build = $"{r.Next(19, 24):00}{r.Next(1, 13):00}{r.Next(1, 29):00}";
        var serial = $"CS-C6N-A0-1C2WFR20{build}CCRR{r.Next(100_000_000, 999_999_999)}";
        return new Persona("ezviz-on-hikvision", "hikvision", "EZVIZ", "CS-C6N", $"V5.3.0 build {build}", "camera", Mac(r, "64:F2:FB"), serial,
            Behaviour.Normal, new HttpAnswer(404, [("Server", "Webs")], ""))
        {
            RtspServer = "",
            RtspChallenge = $"Digest realm=\"IP Camera({(char)('A' + r.Next(26))}{r.Next(1000, 9999)})\", nonce=\"{Nonce(r)}\", stale=\"FALSE\"",
            Greetings = new Dictionary<int, byte[]> { [8000] = HikConnectGreeting },
            Sadp = true,
        };
    }

    private static Persona Dahua(Random r, string template, string brand, string model, string platformModel, string deviceClass, string block, string serialPrefix = "")
    {
        var serial = serialPrefix.Length > 0
            ? serialPrefix + r.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture)
            : $"{r.Next(1, 9)}{(char)('A' + r.Next(26))}{r.Next(10000, 99999)}PA{(char)('A' + r.Next(26))}{r.Next(10000, 99999)}";
        var firmware = $"V2.800.{(brand == "Dahua" ? "0000000" : "00" + brand[..2].ToUpperInvariant() + "004")}.{r.Next(0, 20)}.R";
        // Dahua's web server sends its header names in capitals; the realm carries the serial before any login.
        var challenge = new HttpAnswer(401,
            [("WWW-AUTHENTICATE", $"Digest realm=\"Login to {serial}\", qop=\"auth\", nonce=\"{r.Next()}\", opaque=\"{Nonce(r)}\""),
             ("CONNECTION", "close"), ("CONTENT-LENGTH", "0")], "");
        var systemInfo = $"appAutoStart=true\r\ndeviceType={model}\r\nhardwareVersion=1.00\r\nprocessor=S3LM\r\nserialNumber={serial}\r\nupdateSerial={platformModel}\r\nupdateSerialCloudUpgrade={platformModel}:01:02:03:04:05:06\r\n";
        var mac = Mac(r, block);
        return new Persona(template, "dahua", brand, model, firmware, deviceClass, mac, serial, Behaviour.Normal, challenge)
        {
            Paths = new Dictionary<string, HttpAnswer> { ["/cgi-bin/magicBox.cgi?action=getSystemInfo"] = challenge },
            PathsWithCredentials = new Dictionary<string, HttpAnswer>
            {
                ["/cgi-bin/magicBox.cgi?action=getSystemInfo"] = new(200, [("CONTENT-TYPE", "text/plain;charset=utf-8"), ("CONNECTION", "close")], systemInfo),
            },
            Onvif = new OnvifDevice(brand, model, $"{firmware[1..]}, build: 20{r.Next(19, 24)}-0{r.Next(1, 10)}-1{r.Next(0, 9)}", serial, "1.00",
                ["location/country/china", $"name/{brand}", $"hardware/{model}", "Profile/Streaming", "type/Network_Video_Transmitter", "extension/unique_identifier/1", "Profile/T"],
                "", NeedsCredentials: false, Guid(r), OnvifMakers.Dahua(Hostname(brand, mac))),
            RtspServer = "Dahua Rtsp Server",
            RtspChallenge = "Basic realm=\"device\"",
            QuietPorts = [37777],
            WsdTypes = Camera,
            Dhip = true,
        };
    }

    private static Persona Axis(Random r)
    {
        var mac = Mac(r, "AC:CC:8E");
        var bare = mac.Replace(":", "", StringComparison.Ordinal);
        var properties = $"{{\"apiVersion\":\"1.3\",\"data\":{{\"propertyList\":{{\"Brand\":\"AXIS\",\"BuildDate\":\"Feb 14 2024 13:08\",\"HardwareID\":\"8E0.3\",\"ProdFullName\":\"AXIS P3245-LVE Network Camera\",\"ProdNbr\":\"P3245-LVE\",\"ProdShortName\":\"AXIS P3245-LVE\",\"ProdType\":\"Network Camera\",\"SerialNumber\":\"{bare}\",\"Version\":\"10.12.153\",\"WebURL\":\"http://www.axis.com\"}}}},\"method\":\"getAllUnrestrictedProperties\"}}";
        var persona = Plain(r, "axis-camera", "axis", "Axis", "P3245-LVE", "10.12.153", "AC:CC:8E", bare,
            [("Server", "Linux/2.6.35-axis1, UPnP/1.0, Portable SDK for UPnP devices/1.6.18"), ("WWW-Authenticate", $"Digest realm=\"AXIS_{bare}\", nonce=\"{Nonce(r)}\"")],
            "<html><head><title>AXIS</title></head></html>") with { Mac = mac };
        return Onvif(persona with
        {
            // VAPIX's basic device information answers its unrestricted properties without credentials.
            Paths = new Dictionary<string, HttpAnswer> { ["/axis-cgi/basicdeviceinfo.cgi"] = new(200, [("Content-Type", "application/json")], properties) },
            TlsSubject = $"CN=axis-{bare.ToLowerInvariant()},O=Axis Communications AB",
            // Bonjour: the friendly name under Axis's own video type (its TXT gives the MAC) and under HTTP.
            MdnsServices = [new("_axis-video._tcp.local", $"AXIS P3245-LVE - {bare}", [$"macaddress={bare}"]), new("_http._tcp.local", $"AXIS P3245-LVE - {bare}", ["path=/"])],
        }, "AXIS", r, needsCredentials: true, namespaces: " xmlns:tnsaxis=\"http://www.axis.com/2009/event/topics\"");
    }

    private static Persona Hanwha(Random r)
    {
        var serial = $"ZN7T7{r.Next(1000000, 9999999)}ABC";
        var challenge = new HttpAnswer(401, [("Server", "nginx"), ("WWW-Authenticate", $"Digest realm=\"NET-i\", nonce=\"{Nonce(r)}\"")], "<html><head><title>Hanwha Vision</title></head></html>");
        var persona = Plain(r, "hanwha-camera", "hanwha-vision", "Hanwha Vision", "XNV-6080R", "2.21.02_20230607", "E4:30:22", serial, [], "") with { Root = challenge };
        const string path = "/stw-cgi/system.cgi?msubmenu=deviceinfo&action=view";
        return Onvif(persona with
        {
            Paths = new Dictionary<string, HttpAnswer> { [path] = challenge },
            PathsWithCredentials = new Dictionary<string, HttpAnswer>
            {
                [path] = new(200, [("Content-Type", "text/plain")], $"Model=XNV-6080R\r\nSerialNumber={serial}\r\nFirmwareVersion=2.21.02_20230607\r\nBuildDate=2023-06-07\r\nWebURL=http://www.hanwhavision.com\r\nDeviceType=NWC\r\n"),
            },
        }, "Hanwha Vision", r, needsCredentials: true);
    }

    private static Persona Uniview(Random r)
    {
        var serial = $"210235C3EN{r.Next(1000000000, int.MaxValue)}"[..20];
        const string path = "/LAPI/V1.0/System/DeviceInfo";
        var challenge = new HttpAnswer(401, [("Content-Type", "text/html"), ("WWW-Authenticate", $"Digest realm=\"{Guid(r)[..8]}\", nonce=\"{Nonce(r)}\", qop=\"auth\"")], "");
        var persona = Plain(r, "uniview-camera", "uniview", "Uniview", "IPC2122LB-SF28-A", "IPC_D1201-B0002P23D1909", "48:EA:63", serial,
            [("Content-Type", "text/html")], "<!DOCTYPE html><html><head><title>Web Client</title></head></html>");
        return Onvif(persona with
        {
            Paths = new Dictionary<string, HttpAnswer> { [path] = challenge },
            PathsWithCredentials = new Dictionary<string, HttpAnswer>
            {
                [path] = new(200, [("Content-Type", "application/json")],
                    $"{{\"Response\": {{\"ResponseURL\": \"{path}\", \"ResponseCode\": 0, \"ResponseString\": \"Succeed\", \"Data\": {{\"DeviceName\": \"IPC\", \"DeviceModel\": \"IPC2122LB-SF28-A\", \"SerialNumber\": \"{serial}\", \"FirmwareVersion\": \"IPC_D1201-B0002P23D1909\"}}}}}}"),
            },
        }, "Uniview", r);
    }

    private static Persona Reolink(Random r)
    {
        const string path = "/api.cgi?cmd=GetDevInfo";
        var persona = Plain(r, "reolink-camera", "reolink", "Reolink", "RLC-510A", "v3.0.0.183_21041508", "EC:71:DB", "",
            [("Content-Type", "text/html")], "<!DOCTYPE html><html><head><title>Reolink</title></head></html>");
        return persona with
        {
            // Reolink's API answers GetDevInfo only to a logged-in client (its own token scheme, which the scanner does not
            // speak); without one it says so in its own JSON.
            Paths = new Dictionary<string, HttpAnswer>
            {
                [path] = new(200, [("Content-Type", "application/json")], "[{\"cmd\": \"GetDevInfo\", \"code\": 1, \"error\": {\"detail\": \"please login first\", \"rspCode\": -6}}]"),
            },
            RtspServer = "",
            RtspChallenge = "Digest realm=\"LIVE555 Streaming Media\", nonce=\"" + Nonce(r) + "\"",
        };
    }

    private static Persona Onvif(Persona persona, string manufacturer, Random r, bool needsCredentials = false, string namespaces = "") => persona with
    {
        Onvif = new OnvifDevice(manufacturer, persona.Model, persona.Firmware, persona.Serial, "1.0",
            ["type/video_encoder", "Profile/Streaming", $"hardware/{persona.Model}", $"name/{Uri.EscapeDataString(manufacturer)}"], namespaces, needsCredentials, Guid(r),
            persona.Platform switch
            {
                // Axis names a device axis-<serial> until its owner renames it (AXIS OS manual, network settings).
                "axis" => OnvifMakers.Axis($"axis-{persona.Serial.ToLowerInvariant()}"),
                "hanwha-vision" => OnvifMakers.Hanwha(Hostname(persona.Brand, persona.Mac)),
                "uniview" => OnvifMakers.Uniview(Hostname(persona.Brand, persona.Mac)),
                "bosch" => OnvifMakers.Bosch(Hostname(persona.Brand, persona.Mac)),
                "vivotek" => OnvifMakers.Vivotek(Hostname(persona.Brand, persona.Mac)),
                _ => OnvifMakers.Sony(Hostname(persona.Brand, persona.Mac)),
            }),
        WsdTypes = Camera,
    };

    private static Persona Plain(Random r, string template, string platform, string brand, string model, string firmware, string block, string serial,
        (string, string)[] headers, string body, string deviceClass = "camera") =>
        new(template, platform, brand, model, firmware, deviceClass, Mac(r, block), serial, Behaviour.Normal,
            new HttpAnswer(headers.Any(h => h.Item1 == "WWW-Authenticate") ? 401 : 200, headers, body));

    private static Persona Other(Random r, string template, string brand, string model, string deviceClass, string block, (string, string)[] headers, string body) =>
        Plain(r, template, "", brand, model, "", block, "", headers, body, deviceClass);

    private static Persona Misbehaving(string template, Behaviour behaviour, Random r) =>
        new(template, "", "", "", "", "", Mac(r, "02:00:5E"), "", behaviour, new HttpAnswer(0, [], ""));

    /// <summary>A host name as an installer might set it: the farm has no public source for each maker's factory default.</summary>
    private static string Hostname(string brand, string mac) =>
        $"{new string(brand.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant()}-{mac.Replace(":", "", StringComparison.Ordinal)[6..].ToLowerInvariant()}";

    private static string Mac(Random r, string block) => $"{block}:{r.Next(256):X2}:{r.Next(256):X2}:{r.Next(256):X2}";

    private static string Nonce(Random r) => r.NextInt64().ToString("x16", CultureInfo.InvariantCulture);

    private static string Guid(Random r)
    {
        var bytes = new byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
