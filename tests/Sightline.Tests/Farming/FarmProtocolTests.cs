using System.Net;
using Sightline.CameraFarm;
using Sightline.Identification;
using Sightline.Probing;
using Sightline.Scanning;

namespace Sightline.Tests.Farming;

/// <summary>
/// The farm's protocols as the scanner's probes meet them: HTTPS with the persona's certificate, vendor endpoints
/// that challenge and then answer a valid Digest login, ONVIF that answers its clock to anyone and its identity
/// only to a valid UsernameToken, and UDP discovery by unicast.
/// </summary>
public sealed class FarmProtocolTests : IAsyncLifetime
{
    // Generous deadlines: these tests are about what is said, not how fast, and CI machines can be busy.
    private static readonly ScanOptions Patient = new() { ReadTimeout = TimeSpan.FromSeconds(10), UdpTimeout = TimeSpan.FromSeconds(10), AttemptInterval = TimeSpan.Zero };
    private readonly Wire _wire = new(Patient);
    private Farm _farm = null!;

    public ValueTask InitializeAsync()
    {
        _farm = Farm.OfEveryPersona(15, seed: 5);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _farm.DisposeAsync();

    [Fact]
    public async Task Https_PresentsThePersonasCertificateSubject()
    {
        var (socket, _) = await _wire.ConnectAsync(Address("hikvision-camera"), 443, CancellationToken.None);
        using (socket)
        {
            var ((answer, _), subject) = await _wire.TlsExchangeAsync(socket!, Address("hikvision-camera"), HttpProbe.Request("GET", Address("hikvision-camera"), "/", null, null), CancellationToken.None);

            Assert.Equal("CN=www.hikvision.com,OU=DVRNVR,O=HIKVISION,L=HangZhou,ST=ZheJiang,C=CN", subject);
            Assert.Equal(401, HttpProbe.Status(answer));
        }
    }

    [Fact]
    public async Task VendorEndpoint_ChallengesFirst_AndAnswersOnlyAValidDigestLogin()
    {
        var lorex = Persona("lorex-on-dahua");
        var (open, withLogin, wrongLogin) = (new List<Observation>(), new List<Observation>(), new List<Observation>());
        var (openNotes, notes, wrongNotes) = (new List<string>(), new List<string>(), new List<string>());
        var probe = new HttpProbe(_wire);

        await probe.ProbeEndpointsAsync(Address("lorex-on-dahua"), 80, false, null, () => null, "g", open, openNotes, CancellationToken.None);
        await probe.ProbeEndpointsAsync(Address("lorex-on-dahua"), 80, false, null, () => new Credential(_farm.Credentials.User, _farm.Credentials.Password), "g", withLogin, notes, CancellationToken.None);
        await probe.ProbeEndpointsAsync(Address("lorex-on-dahua"), 80, false, null, () => new Credential(_farm.Credentials.User, "guess"), "g", wrongLogin, wrongNotes, CancellationToken.None);

        var challenge = Assert.Single(open);
        Assert.Equal("http.response", challenge.Kind);
        Assert.Contains($"Login to {lorex.Serial}", challenge.Value, StringComparison.Ordinal);
        var systemInfo = Assert.Single(withLogin);
        Assert.Equal("dahua.magicbox", systemInfo.Kind);
        Assert.Contains("updateSerial=IPC-HDW3849H-AS-PV", systemInfo.Value, StringComparison.Ordinal);
        Assert.Equal("http.response", Assert.Single(wrongLogin).Kind);
        Assert.Contains(wrongNotes, n => n.EndsWith("the credential was refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Onvif_AnswersItsClockToAnyone_AndItsIdentityOnlyToAValidToken()
    {
        var address = Address("annke-on-hikvision");
        var probe = new OnvifProbe(_wire, TimeProvider.System);
        var (open, withToken, wrongToken) = (new List<Observation>(), new List<Observation>(), new List<Observation>());
        var notes = new List<string>();

        Assert.True(await probe.ProbeAsync(address, 80, () => null, open, [], CancellationToken.None));
        Assert.True(await probe.ProbeAsync(address, 80, () => new Credential(_farm.Credentials.User, _farm.Credentials.Password), withToken, [], CancellationToken.None));
        Assert.True(await probe.ProbeAsync(address, 80, () => new Credential("admin", "admin"), wrongToken, notes, CancellationToken.None));
        Assert.False(await probe.ProbeAsync(Address("web-server"), 80, () => null, [], [], CancellationToken.None));

        // Refused, but the refusal's envelope still declares Hikvision's namespaces.
        Assert.All(open, o => Assert.Contains("NotAuthorized", o.Value, StringComparison.Ordinal));
        Assert.Contains(open, o => o.Kind == "onvif.device-information" && o.Value.Contains("http://www.hikvision.com/2011/event/topics", StringComparison.Ordinal));
        var information = withToken.Single(o => o.Kind == "onvif.device-information");
        Assert.Contains("<tds:Manufacturer>ANNKE</tds:Manufacturer>", information.Value, StringComparison.Ordinal);
        Assert.Contains(Persona("annke-on-hikvision").Mac.ToLowerInvariant(), withToken.Single(o => o.Kind == "onvif.network-interfaces").Value, StringComparison.Ordinal);
        Assert.Contains("location/city/hangzhou", withToken.Single(o => o.Kind == "onvif.scopes").Value, StringComparison.Ordinal);
        Assert.All(wrongToken, o => Assert.Contains("NotAuthorized", o.Value, StringComparison.Ordinal));
        Assert.Equal(3, notes.Count(n => n.EndsWith("the credential was refused", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Onvif_DatesItsTokenByTheDevicesClock_NotTheScanners()
    {
        // The scanning machine's clock is years out; the device checks the token's time against its own.
        var wrongClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2019, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var observations = new List<Observation>();

        await new OnvifProbe(_wire, wrongClock).ProbeAsync(Address("axis-camera"), 80, () => new Credential(_farm.Credentials.User, _farm.Credentials.Password), observations, [], CancellationToken.None);

        Assert.Contains("<tds:Manufacturer>AXIS</tds:Manufacturer>", observations.Single(o => o.Kind == "onvif.device-information").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UdpDiscovery_IsAnsweredByUnicast_ByTheProtocolsEachPlatformSpeaks()
    {
        var discovery = new UdpDiscovery(Patient);
        var (hikvision, dahua, printer, nginx) = (new List<Observation>(), new List<Observation>(), new List<Observation>(), new List<Observation>());
        var axis = new List<Observation>();

        await discovery.ProbeAsync(Address("hikvision-camera"), hikvision, CancellationToken.None);
        await discovery.ProbeAsync(Address("intelbras-on-dahua"), dahua, CancellationToken.None);
        await discovery.ProbeAsync(Address("hp-printer"), printer, CancellationToken.None);
        await discovery.ProbeAsync(Address("web-server"), nginx, CancellationToken.None);
        await discovery.ProbeAsync(Address("axis-camera"), axis, CancellationToken.None);

        Assert.Equal(["wsd.probematch", "sadp.probematch"], hikvision.Select(o => o.Kind));
        Assert.Contains($"<DeviceSN>{Persona("hikvision-camera").Serial}</DeviceSN>", hikvision[1].Value, StringComparison.Ordinal);
        Assert.Equal(["wsd.probematch", "dhip.devinfo"], dahua.Select(o => o.Kind));
        Assert.StartsWith(" \0\0\0DHIP", dahua[1].Value, StringComparison.Ordinal);
        Assert.Contains("\"Vendor\" : \"Intelbras\"", dahua[1].Value, StringComparison.Ordinal);
        Assert.Equal(["wsd.probematch", "mdns.instance", "mdns.instance"], printer.Select(o => o.Kind));
        Assert.Contains("wprt:PrintDeviceType", printer[0].Value, StringComparison.Ordinal);
        // The printer's IPP type is not one of the camera types: found through the enumeration, asked in a second query.
        Assert.Equal(("HP LaserJet 400 M401dne", "txtvers=1 qtotal=1 rp=ipp/print ty=HP LaserJet 400 M401dne product=(HP LaserJet 400 M401dne)"),
            (printer[1].Value, printer[2].Value));
        Assert.Equal("DNS-SD://" + Address("hp-printer") + "/HP LaserJet 400 M401dne._ipp._tcp.local", printer[1].Group);
        var bare = Persona("axis-camera").Mac.Replace(":", "", StringComparison.Ordinal);
        Assert.Equal([$"AXIS P3245-LVE - {bare}", $"macaddress={bare}", $"AXIS P3245-LVE - {bare}", "path=/"],
            axis.Where(o => o.Kind == "mdns.instance").Select(o => o.Value));
        Assert.Empty(nginx);
    }

    [Fact]
    public async Task Onvif_ReadsTheEnvelopeByNamespace_WhateverItsPrefix_AndRefusesADtd()
    {
        const string soap = "http://www.w3.org/2003/05/soap-envelope", device = "http://www.onvif.org/ver10/device/wsdl";
        using var http = new HttpClient();
        var url = $"http://{Address("dahua-camera")}/onvif/device_service";
        async Task<(int Status, string Body)> Post(string body)
        {
            using var answer = await http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/soap+xml"));
            return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
        }

        var hyphen = await Post($"<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"{soap}\" xmlns:tds=\"{device}\"><SOAP-ENV:Body><tds:GetSystemDateAndTime/></SOAP-ENV:Body></SOAP-ENV:Envelope>");
        var unprefixed = await Post($"<Envelope xmlns=\"{soap}\"><Body><GetDeviceInformation xmlns=\"{device}\"/></Body></Envelope>");
        var wrongNamespace = await Post($"<s:Envelope xmlns:s=\"{soap}\"><s:Body><GetDeviceInformation xmlns=\"urn:not-onvif\"/></s:Body></s:Envelope>");
        var dtd = await Post($"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]><s:Envelope xmlns:s=\"{soap}\"><s:Body><GetSystemDateAndTime xmlns=\"{device}\">&a;</GetSystemDateAndTime></s:Body></s:Envelope>");

        Assert.Equal(200, hyphen.Status);
        Assert.Contains("<tds:GetSystemDateAndTimeResponse>", hyphen.Body, StringComparison.Ordinal);
        Assert.Equal(200, unprefixed.Status);
        Assert.Contains($"<tds:SerialNumber>{Persona("dahua-camera").Serial}</tds:SerialNumber>", unprefixed.Body, StringComparison.Ordinal);
        Assert.Equal(400, wrongNamespace.Status);
        Assert.Contains("ter:ActionNotSupported", wrongNamespace.Body, StringComparison.Ordinal);
        Assert.Equal(400, dtd.Status);
        Assert.Contains("ter:WellFormed", dtd.Body, StringComparison.Ordinal);
        Assert.Contains("DTD", dtd.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaaaaa", dtd.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Onvif_MediaService_GivesTheMakersPathsProfilesAndUris_AndFaultsAnUnknownProfile()
    {
        const string envelope = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>{0}</s:Body></s:Envelope>";
        using var http = new HttpClient();
        async Task<(int Status, string Body)> Post(string template, string path, string call)
        {
            using var answer = await http.PostAsync($"http://{Address(template)}{path}",
                new StringContent(string.Format(System.Globalization.CultureInfo.InvariantCulture, envelope, call), System.Text.Encoding.UTF8, "application/soap+xml"));
            return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
        }
        const string media = "xmlns=\"http://www.onvif.org/ver10/media/wsdl\"";

        var capabilities = await Post("dahua-camera", "/onvif/device_service", "<GetCapabilities xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>");
        var profiles = await Post("dahua-camera", "/onvif/media_service", $"<GetProfiles {media}/>");
        var snapshot = await Post("dahua-camera", "/onvif/media_service", $"<GetSnapshotUri {media}><ProfileToken>MediaProfile00001</ProfileToken></GetSnapshotUri>");
        var unknown = await Post("dahua-camera", "/onvif/media_service", $"<GetStreamUri {media}><ProfileToken>Profile_1</ProfileToken></GetStreamUri>");
        var locked = await Post("axis-camera", "/onvif/services", $"<GetProfiles {media}/>");

        Assert.Contains($"<tt:Media><tt:XAddr>http://{Address("dahua-camera")}/onvif/media_service</tt:XAddr>", capabilities.Body, StringComparison.Ordinal);
        Assert.Contains("<trt:Profiles token=\"MediaProfile00000\" fixed=\"true\"><tt:Name>MediaProfile_Channel1_MainStream</tt:Name>", profiles.Body, StringComparison.Ordinal);
        Assert.Contains($"<tt:Uri>http://{Address("dahua-camera")}/onvifsnapshot/media_service/snapshot?channel=1&amp;subtype=1</tt:Uri>", snapshot.Body, StringComparison.Ordinal);
        Assert.Equal(400, unknown.Status);
        Assert.Contains("ter:NoProfile", unknown.Body, StringComparison.Ordinal);
        // Axis needs a login for media calls, as for its identity.
        Assert.Equal(400, locked.Status);
        Assert.Contains("ter:NotAuthorized", locked.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x:NetworkVideoTransmitter", "xmlns:x=\"http://www.onvif.org/ver10/network/wsdl\"", "hikvision-camera,axis-camera")]
    [InlineData("SOAP-dn:Device", "xmlns:SOAP-dn=\"http://www.onvif.org/ver10/device/wsdl\"", "hikvision-camera,axis-camera")]
    [InlineData("w:Device", "xmlns:w=\"http://schemas.xmlsoap.org/ws/2006/02/devprof\"", "hp-printer,windows-pc")]
    [InlineData("p:PrintDeviceType", "xmlns:p=\"http://schemas.microsoft.com/windows/2006/08/wdp/print\"", "hp-printer")]
    [InlineData("", "", "hikvision-camera,axis-camera,hp-printer")]
    public async Task WsDiscovery_IsAnswered_OnlyByDevicesOfTheTypesProbed(string types, string declaration, string answering)
    {
        // The probe declares its prefixes on the Types element, as libonvif does, under any name.
        var probe = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"><s:Header>" +
            "<a:MessageID>urn:uuid:5b1e0000-0000-4000-8000-000000000002</a:MessageID></s:Header><s:Body><Probe xmlns=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\">" +
            (types.Length == 0 ? "" : $"<Types {declaration}>{types}</Types>") + "</Probe></s:Body></s:Envelope>";
        string[] probed = ["hikvision-camera", "axis-camera", "hp-printer", "windows-pc"];

        var answered = await Task.WhenAll(probed.Select(async template =>
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(Address(template), 3702);
            await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(probe));
            try
            {
                var buffer = new byte[16 * 1024];
                var read = await socket.ReceiveAsync(buffer, deadline.Token);
                Assert.Contains("urn:uuid:5b1e0000-0000-4000-8000-000000000002</wsadis:RelatesTo>", System.Text.Encoding.UTF8.GetString(buffer, 0, read), StringComparison.Ordinal);
                return template;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }));

        Assert.Equal(answering.Split(','), answered.OfType<string>());
    }

    private IPAddress Address(string template) => _farm.Devices.First(d => d.Persona.Template == template).Address;

    private Persona Persona(string template) => _farm.Devices.First(d => d.Persona.Template == template).Persona;
}
