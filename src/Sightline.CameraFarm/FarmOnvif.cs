using System.Security;
using System.Text.RegularExpressions;
using Sightline.Probing;

namespace Sightline.CameraFarm;

/// <summary>
/// A farm device's ONVIF device service: GetSystemDateAndTime always, and GetDeviceInformation,
/// GetNetworkInterfaces and GetScopes either openly or only with a valid WS-UsernameToken, as the persona says.
/// </summary>
internal static partial class FarmOnvif
{
    public static (int Status, string Soap) Answer(Persona persona, OnvifDevice onvif, string request, FarmCredentials credentials, TimeProvider time)
    {
        var call = Call().Match(request) is { Success: true } match ? match.Groups[1].Value : "";
        if (call == "GetSystemDateAndTime")
        {
            var now = time.GetUtcNow().UtcDateTime;
            return (200, Envelope(onvif, "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>" +
                $"<tt:UTCDateTime><tt:Time><tt:Hour>{now.Hour}</tt:Hour><tt:Minute>{now.Minute}</tt:Minute><tt:Second>{now.Second}</tt:Second></tt:Time>" +
                $"<tt:Date><tt:Year>{now.Year}</tt:Year><tt:Month>{now.Month}</tt:Month><tt:Day>{now.Day}</tt:Day></tt:Date></tt:UTCDateTime>" +
                "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"));
        }
        if (call is not ("GetDeviceInformation" or "GetNetworkInterfaces" or "GetScopes"))
        {
            return (400, Fault(onvif, "ter:ActionNotSupported", "The requested action is not supported"));
        }
        if (onvif.NeedsCredentials && !TokenIsValid(request, credentials, time.GetUtcNow()))
        {
            return (400, Fault(onvif, "ter:NotAuthorized", "Sender not Authorized"));
        }
        return (200, call switch
        {
            "GetDeviceInformation" => Envelope(onvif, $"<tds:GetDeviceInformationResponse><tds:Manufacturer>{Escape(onvif.Manufacturer)}</tds:Manufacturer><tds:Model>{Escape(onvif.Model)}</tds:Model>" +
                $"<tds:FirmwareVersion>{Escape(onvif.Firmware)}</tds:FirmwareVersion><tds:SerialNumber>{Escape(onvif.Serial)}</tds:SerialNumber><tds:HardwareId>{Escape(onvif.HardwareId)}</tds:HardwareId></tds:GetDeviceInformationResponse>"),
            "GetNetworkInterfaces" => Envelope(onvif, "<tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token=\"eth0\"><tt:Enabled>true</tt:Enabled>" +
                $"<tt:Info><tt:Name>eth0</tt:Name><tt:HwAddress>{persona.Mac.ToLowerInvariant()}</tt:HwAddress><tt:MTU>1500</tt:MTU></tt:Info></tds:NetworkInterfaces></tds:GetNetworkInterfacesResponse>"),
            _ => Envelope(onvif, "<tds:GetScopesResponse>" + string.Concat(onvif.Scopes.Select(s =>
                $"<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>onvif://www.onvif.org/{Escape(s)}</tt:ScopeItem></tds:Scopes>")) + "</tds:GetScopesResponse>"),
        });
    }

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
    private static bool TokenIsValid(string request, FarmCredentials credentials, DateTimeOffset now)
    {
        string? Element(string name) => Regex.Match(request, $"<(?:\\w+:)?{name}\\b[^>]*>([^<]*)</", RegexOptions.NonBacktracking) is { Success: true } m ? m.Groups[1].Value : null;
        if (Element("Username") != credentials.User || Element("Password") is not { } digest || Element("Nonce") is not { } nonce || Element("Created") is not { } created)
        {
            return false;
        }
        if (!DateTimeOffset.TryParse(created, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when)
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
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" " +
        $"xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:ter=\"http://www.onvif.org/ver10/error\"{onvif.Namespaces}>\n<env:Body>{body}</env:Body>\n</env:Envelope>\n";

    private static string Fault(OnvifDevice onvif, string subcode, string reason) => Envelope(onvif,
        $"<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>{subcode}</env:Value></env:Subcode></env:Code>" +
        $"<env:Reason><env:Text xml:lang=\"en\">{reason}</env:Text></env:Reason></env:Fault>");

    private static string Escape(string text) => SecurityElement.Escape(text);

    [GeneratedRegex(@"<(?:\w+:)?Body\b[^>]*>\s*<(?:\w+:)?(\w+)", RegexOptions.NonBacktracking)]
    private static partial Regex Call();
}
