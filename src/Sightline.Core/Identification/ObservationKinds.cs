namespace Sightline.Identification;

/// <summary>
/// The one vocabulary of observation kinds used by the scanner, <c>identify --kind</c>, test corpora and
/// fingerprint rules, and how each is read into fields.
/// </summary>
public static class ObservationKinds
{
    /// <summary>The installer's or asset list's brand, model, firmware and serial, as kinds of their own.</summary>
    public const string RegisterBrand = "register.brand", RegisterModel = "register.model",
        RegisterFirmware = "register.firmware", RegisterSerial = "register.serial", Mac = "mac";

    /// <summary>An SNMP sysObjectID.0 answer: read for the IANA enterprise number it lies under.</summary>
    public const string SnmpObjectId = "snmp.sysobjectid";

    /// <summary>What the scanner noted about a host (a time-out, a cut answer, a refused login): kept with the evidence, claims nothing.</summary>
    public const string ScanNote = "scan.note";

    private static readonly Dictionary<string, ObservationFormat> Formats = new(StringComparer.Ordinal)
    {
        ["http.server"] = ObservationFormat.Text,
        ["http.title"] = ObservationFormat.Text,
        ["http.www-authenticate"] = ObservationFormat.Text,
        ["http.favicon.md5"] = ObservationFormat.Text,
        ["http.response"] = ObservationFormat.Message,
        ["tls.subject"] = ObservationFormat.Text,
        ["rtsp.server"] = ObservationFormat.Text,
        ["rtsp.response"] = ObservationFormat.Message,
        ["telnet.banner"] = ObservationFormat.Text,
        ["tcp.banner"] = ObservationFormat.Text,
        ["ftp.banner"] = ObservationFormat.Text,
        ["dhcp.vendor-class"] = ObservationFormat.Text,
        ["snmp.sysdescr"] = ObservationFormat.Text,
        [SnmpObjectId] = ObservationFormat.Text,
        ["mdns.instance"] = ObservationFormat.Text,
        ["wsd.probematch"] = ObservationFormat.Xml,
        ["onvif.device-information"] = ObservationFormat.Document,
        ["onvif.network-interfaces"] = ObservationFormat.Xml,
        ["onvif.scopes"] = ObservationFormat.Xml,
        ["sadp.probematch"] = ObservationFormat.Xml,
        ["dhip.devinfo"] = ObservationFormat.Json,
        ["dahua.magicbox"] = ObservationFormat.KeyValue,
        ["isapi.device-info"] = ObservationFormat.Document,
        ["vapix.basic-device-info"] = ObservationFormat.JsonOrKeyValue,
        ["reolink.devinfo"] = ObservationFormat.Json,
        ["hanwha.discovery"] = ObservationFormat.KeyValue,
        ["bosch.discovery"] = ObservationFormat.Xml,
        ["sony.discovery"] = ObservationFormat.KeyValue,
        ["ssdp.response"] = ObservationFormat.Message,
        [Mac] = ObservationFormat.Text,
        [RegisterBrand] = ObservationFormat.Text,
        [RegisterModel] = ObservationFormat.Text,
        [RegisterFirmware] = ObservationFormat.Text,
        [RegisterSerial] = ObservationFormat.Text,
        [ScanNote] = ObservationFormat.Text,
    };

    /// <summary>Every kind, in the order above.</summary>
    public static IReadOnlyCollection<string> All => Formats.Keys;

    /// <summary>Whether a kind is in the vocabulary.</summary>
    public static bool IsKnown(string kind) => Formats.ContainsKey(kind);

    /// <summary>How a kind's text is read into fields.</summary>
    public static ObservationFormat FormatOf(string kind) => Formats.GetValueOrDefault(kind, ObservationFormat.Text);
}
