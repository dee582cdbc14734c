using System.Globalization;
using System.Security;
using System.Xml;
using Sightline.Probing;

namespace Sightline.CameraFarm;

/// <summary>
/// A farm device's ONVIF device and media services, as a video management system meets them when it adds a camera:
/// GetSystemDateAndTime, GetCapabilities and GetServices to anyone (ONVIF Core's PRE_AUTH class; the last two only with a
/// login where <see cref="OnvifDevice.ServicesNeedCredentials"/>); GetHostname,
/// GetDeviceInformation, GetNetworkInterfaces, GetScopes, GetProfiles, GetProfile, GetVideoSources, GetStreamUri and
/// GetSnapshotUri either openly or only with a valid WS-UsernameToken, as the persona says. Requests are read by
/// namespace with <see cref="OnvifRequest"/>, so any envelope prefix is accepted; anything else is a SOAP fault.
/// </summary>
internal static class FarmOnvif
{
    private const string Device = "http://www.onvif.org/ver10/device/wsdl", Media = "http://www.onvif.org/ver10/media/wsdl";
    private const string Events = "http://www.onvif.org/ver10/events/wsdl", Imaging = "http://www.onvif.org/ver20/imaging/wsdl";
    private const string Recording = "http://www.onvif.org/ver10/recording/wsdl";

    /// <summary>The status and SOAP envelope a device at <paramref name="host"/> answers to <paramref name="body"/>.</summary>
    public static (int Status, string Soap) Answer(Persona persona, OnvifDevice onvif, string host, string body, FarmCredentials credentials, TimeProvider time)
    {
        OnvifRequest request;
        try
        {
            request = OnvifRequest.Parse(body);
        }
        catch (XmlException e)
        {
            return (400, Fault(onvif, "ter:WellFormed", $"The request is not a well-formed SOAP envelope: {Escape(e.Message)}"));
        }
        var call = (request.Namespace, request.Operation);
        var open = call is (Device, "GetSystemDateAndTime") || (call is (Device, "GetCapabilities" or "GetServices") && !onvif.ServicesNeedCredentials);
        var known = open || call is (Device, "GetCapabilities" or "GetServices") || call is (Device, "GetHostname" or "GetDeviceInformation" or "GetNetworkInterfaces" or "GetNetworkDefaultGateway" or "GetDNS" or "GetScopes")
            or (Media, "GetProfiles" or "GetProfile" or "GetVideoSources" or "GetStreamUri" or "GetSnapshotUri")
            || (call is (Recording, "GetRecordings") && onvif.Services.RecordingPath is not null);
        if (!known)
        {
            return (400, Fault(onvif, "ter:ActionNotSupported", "The requested action is not supported"));
        }
        // A recorder's recordings are never open to all, whatever its identity calls are.
        if (!open && (onvif.NeedsCredentials || onvif.ServicesNeedCredentials || call.Namespace == Recording) && !TokenIsValid(request.Security, credentials, time.GetUtcNow()))
        {
            return (400, Fault(onvif, "ter:NotAuthorized", "Sender not Authorized"));
        }
        var services = onvif.Services;
        OnvifProfile? profile = null;
        if (call is (Media, "GetProfile" or "GetStreamUri" or "GetSnapshotUri"))
        {
            var token = request.Arguments.GetValueOrDefault("ProfileToken", "");
            profile = services.Profiles.FirstOrDefault(p => p.Token == token);
            if (profile is null)
            {
                return (400, Fault(onvif, "ter:InvalidArgVal", $"No profile with token '{Escape(token)}'", "ter:NoProfile"));
            }
        }
        var url = $"http://{host}";
        return (200, Envelope(onvif, request.Operation switch
        {
            "GetSystemDateAndTime" => Clock(time.GetUtcNow().UtcDateTime),
            "GetCapabilities" => "<tds:GetCapabilitiesResponse><tds:Capabilities>" +
                $"<tt:Device><tt:XAddr>{url}{OnvifServices.DevicePath}</tt:XAddr><tt:System><tt:DiscoveryResolve>false</tt:DiscoveryResolve><tt:DiscoveryBye>true</tt:DiscoveryBye>" +
                "<tt:RemoteDiscovery>false</tt:RemoteDiscovery><tt:SystemBackup>false</tt:SystemBackup><tt:SystemLogging>false</tt:SystemLogging><tt:FirmwareUpgrade>true</tt:FirmwareUpgrade>" +
                "<tt:SupportedVersions><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tt:SupportedVersions></tt:System></tt:Device>" +
                $"<tt:Events><tt:XAddr>{url}{services.EventsPath}</tt:XAddr><tt:WSSubscriptionPolicySupport>true</tt:WSSubscriptionPolicySupport>" +
                "<tt:WSPullPointSupport>true</tt:WSPullPointSupport><tt:WSPausableSubscriptionManagerInterfaceSupport>false</tt:WSPausableSubscriptionManagerInterfaceSupport></tt:Events>" +
                $"<tt:Imaging><tt:XAddr>{url}{services.ImagingPath}</tt:XAddr></tt:Imaging>" +
                $"<tt:Media><tt:XAddr>{url}{services.MediaPath}</tt:XAddr><tt:StreamingCapabilities><tt:RTPMulticast>true</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP>" +
                "<tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media></tds:Capabilities></tds:GetCapabilitiesResponse>",
            "GetServices" => "<tds:GetServicesResponse>" + string.Concat(new[]
                {
                    (Device, OnvifServices.DevicePath), (Media, services.MediaPath), (Events, services.EventsPath), (Imaging, services.ImagingPath),
                    (Recording, services.RecordingPath),
                }.Where(s => s.Item2 is not null).Select(s => $"<tds:Service><tds:Namespace>{s.Item1}</tds:Namespace><tds:XAddr>{url}{Escape(s.Item2!)}</tds:XAddr>" +
                    "<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>")) + "</tds:GetServicesResponse>",
            "GetHostname" => $"<tds:GetHostnameResponse><tds:HostnameInformation><tt:FromDHCP>false</tt:FromDHCP><tt:Name>{Escape(services.Hostname)}</tt:Name></tds:HostnameInformation></tds:GetHostnameResponse>",
            "GetDeviceInformation" => $"<tds:GetDeviceInformationResponse><tds:Manufacturer>{Escape(onvif.Manufacturer)}</tds:Manufacturer><tds:Model>{Escape(onvif.Model)}</tds:Model>" +
                $"<tds:FirmwareVersion>{Escape(onvif.Firmware)}</tds:FirmwareVersion><tds:SerialNumber>{Escape(onvif.Serial)}</tds:SerialNumber><tds:HardwareId>{Escape(onvif.HardwareId)}</tds:HardwareId></tds:GetDeviceInformationResponse>",
            "GetNetworkInterfaces" => "<tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token=\"eth0\"><tt:Enabled>true</tt:Enabled>" +
                $"<tt:Info><tt:Name>eth0</tt:Name><tt:HwAddress>{persona.Mac.ToLowerInvariant()}</tt:HwAddress><tt:MTU>1500</tt:MTU></tt:Info>" +
                $"<tt:IPv4><tt:Enabled>true</tt:Enabled><tt:Config><tt:Manual><tt:Address>{Escape(host)}</tt:Address><tt:PrefixLength>24</tt:PrefixLength></tt:Manual>" +
                "<tt:DHCP>false</tt:DHCP></tt:Config></tt:IPv4></tds:NetworkInterfaces></tds:GetNetworkInterfacesResponse>",
            // A farm device is alone on its link: no gateway, no name servers.
            "GetNetworkDefaultGateway" => "<tds:GetNetworkDefaultGatewayResponse><tds:NetworkGateway/></tds:GetNetworkDefaultGatewayResponse>",
            "GetDNS" => "<tds:GetDNSResponse><tds:DNSInformation><tt:FromDHCP>false</tt:FromDHCP></tds:DNSInformation></tds:GetDNSResponse>",
            "GetScopes" => "<tds:GetScopesResponse>" + string.Concat(onvif.Scopes.Select(s =>
                $"<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>onvif://www.onvif.org/{Escape(s)}</tt:ScopeItem></tds:Scopes>")) + "</tds:GetScopesResponse>",
            "GetProfiles" => "<trt:GetProfilesResponse>" + string.Concat(services.Profiles.Select(p => Profile("trt:Profiles", p))) + "</trt:GetProfilesResponse>",
            "GetProfile" => $"<trt:GetProfileResponse>{Profile("trt:Profile", profile!)}</trt:GetProfileResponse>",
            "GetVideoSources" => $"<trt:GetVideoSourcesResponse><trt:VideoSources token=\"VideoSource_1\"><tt:Framerate>25</tt:Framerate><tt:Resolution><tt:Width>{services.Profiles[0].Width.ToString(CultureInfo.InvariantCulture)}</tt:Width>" +
                $"<tt:Height>{services.Profiles[0].Height.ToString(CultureInfo.InvariantCulture)}</tt:Height></tt:Resolution></trt:VideoSources></trt:GetVideoSourcesResponse>",
            "GetStreamUri" => MediaUri("GetStreamUriResponse", profile!.StreamUri, host),
            "GetRecordings" => Recordings(persona),
            _ => MediaUri("GetSnapshotUriResponse", profile!.SnapshotUri, host),
        }));
    }

    private static string Clock(DateTime now) =>
        "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>" +
        "<tt:TimeZone><tt:TZ>GMT0</tt:TZ></tt:TimeZone>" +
        $"<tt:UTCDateTime><tt:Time><tt:Hour>{now.Hour}</tt:Hour><tt:Minute>{now.Minute}</tt:Minute><tt:Second>{now.Second}</tt:Second></tt:Time>" +
        $"<tt:Date><tt:Year>{now.Year}</tt:Year><tt:Month>{now.Month}</tt:Month><tt:Day>{now.Day}</tt:Day></tt:Date></tt:UTCDateTime>" +
        "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>";

    /// <summary>A media profile with its video source and H.264 encoder configuration, as clients read resolution and rate from.</summary>
    private static string Profile(string element, OnvifProfile p)
    {
        var (width, height) = (p.Width.ToString(CultureInfo.InvariantCulture), p.Height.ToString(CultureInfo.InvariantCulture));
        return
            $"<{element} token=\"{Escape(p.Token)}\" fixed=\"true\"><tt:Name>{Escape(p.Name)}</tt:Name>" +
            $"<tt:VideoSourceConfiguration token=\"VideoSourceConfig_1\"><tt:Name>VideoSourceConfig_1</tt:Name><tt:UseCount>2</tt:UseCount><tt:SourceToken>VideoSource_1</tt:SourceToken>" +
            $"<tt:Bounds x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\"/></tt:VideoSourceConfiguration>" +
            $"<tt:VideoEncoderConfiguration token=\"Encoder_{Escape(p.Token)}\"><tt:Name>Encoder_{Escape(p.Token)}</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding>" +
            $"<tt:Resolution><tt:Width>{width}</tt:Width><tt:Height>{height}</tt:Height></tt:Resolution><tt:Quality>4</tt:Quality>" +
            "<tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>4096</tt:BitrateLimit></tt:RateControl>" +
            "<tt:H264><tt:GovLength>50</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>" +
            "<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>1</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast>" +
            $"<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration></{element}>";
    }

    /// <summary>
    /// A recorder's GetRecordings answer: a recording a channel, each with the configured maximum retention as an
    /// xs:duration (PT0S: no limit), as the ONVIF Recording Control Service Specification lays it out.
    /// </summary>
    private static string Recordings(Persona persona) =>
        $"<trc:GetRecordingsResponse xmlns:trc=\"{Recording}\">" + string.Concat(Enumerable.Range(1, persona.Channels).Select(channel =>
        {
            var name = $"Camera {channel.ToString("00", CultureInfo.InvariantCulture)}";
            var limit = persona.RetentionDays is > 0 and var days ? $"P{days}D" : "PT0S";
            return $"<trc:RecordingItem><tt:RecordingToken>RecordingToken{channel.ToString("000", CultureInfo.InvariantCulture)}</tt:RecordingToken><tt:Configuration>" +
                $"<tt:Source><tt:SourceId>VideoSource_{channel}</tt:SourceId><tt:Name>{name}</tt:Name><tt:Location/><tt:Description/><tt:Address/></tt:Source>" +
                $"<tt:Content>{name}</tt:Content><tt:MaximumRetentionTime>{limit}</tt:MaximumRetentionTime></tt:Configuration>" +
                "<tt:Tracks><tt:Track><tt:TrackToken>VIDEO001</tt:TrackToken><tt:Configuration><tt:TrackType>Video</tt:TrackType><tt:Description/></tt:Configuration></tt:Track></tt:Tracks>" +
                "</trc:RecordingItem>";
        })) + "</trc:GetRecordingsResponse>";

    private static string MediaUri(string response, string uri, string host) =>
        $"<trt:{response}><trt:MediaUri><tt:Uri>{Escape(uri.Replace("{host}", host, StringComparison.Ordinal))}</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>" +
        $"<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:{response}>";

    /// <summary>The WS-Discovery ProbeMatch a device sends for a probe with the given message id.</summary>
    public static string ProbeMatch(Persona persona, string address, string relatesTo)
    {
        var onvif = persona.Onvif;
        var scopes = onvif is null ? "" : string.Join(' ', onvif.Scopes.Select(s => $"onvif://www.onvif.org/{s}"));
        var uuid = onvif?.EndpointUuid ?? Uuid(persona.Mac);
        var xaddrs = onvif is null ? $"http://{address}:5357/{uuid}/" : $"http://{address}/onvif/device_service";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" " +
            "xmlns:wsadis=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" " +
            "xmlns:wsdp=\"http://schemas.xmlsoap.org/ws/2006/02/devprof\" xmlns:pub=\"http://schemas.microsoft.com/windows/pub/2005/07\" xmlns:wprt=\"http://schemas.microsoft.com/windows/2006/08/wdp/print\"" +
            (onvif?.Namespaces ?? "") + "><env:Header>" +
            $"<wsadis:MessageID>urn:uuid:{Guid.NewGuid()}</wsadis:MessageID><wsadis:RelatesTo>{Escape(relatesTo)}</wsadis:RelatesTo>" +
            "<wsadis:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsadis:To>" +
            "<wsadis:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsadis:Action></env:Header><env:Body><d:ProbeMatches><d:ProbeMatch>" +
            $"<wsadis:EndpointReference><wsadis:Address>urn:uuid:{uuid}</wsadis:Address></wsadis:EndpointReference><d:Types>{persona.WsdTypes}</d:Types>" +
            (scopes.Length > 0 ? $"<d:Scopes>{Escape(scopes)}</d:Scopes>" : "") +
            $"<d:XAddrs>{xaddrs}</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>";
    }

    private static string Uuid(string mac) => $"00000000-0000-4000-8000-{mac.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant()}";

    /// <summary>
    /// Checks the request's UsernameToken: the right user, a digest of its nonce, time and the farm's password, and
    /// a creation time within five minutes of the device's clock, as devices require.
    /// </summary>
    private static bool TokenIsValid(IReadOnlyDictionary<string, string> token, FarmCredentials credentials, DateTimeOffset now)
    {
        if (token.GetValueOrDefault("Username") != credentials.User || !token.TryGetValue("Password", out var digest)
            || !token.TryGetValue("Nonce", out var nonce) || !token.TryGetValue("Created", out var created))
        {
            return false;
        }
        if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            || (when - now).Duration() > TimeSpan.FromMinutes(5))
        {
            return false;
        }
        try
        {
            return WsUsernameToken.Digest(Convert.FromBase64String(nonce), created, credentials.Password) == digest;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Envelope(OnvifDevice onvif, string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\" " +
        $"xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:ter=\"http://www.onvif.org/ver10/error\"{onvif.Namespaces}>\n<env:Body>{body}</env:Body>\n</env:Envelope>\n";

    private static string Fault(OnvifDevice onvif, string subcode, string reason, string? detail = null) => Envelope(onvif,
        $"<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>{subcode}</env:Value>" +
        (detail is null ? "" : $"<env:Subcode><env:Value>{detail}</env:Value></env:Subcode>") + "</env:Subcode></env:Code>" +
        $"<env:Reason><env:Text xml:lang=\"en\">{reason}</env:Text></env:Reason></env:Fault>");

    private static string Escape(string text) => SecurityElement.Escape(text);

}
