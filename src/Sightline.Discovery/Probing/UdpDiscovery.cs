using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using Sightline.Identification;
using Sightline.Scanning;
using Sightline.Scope;

namespace Sightline.Probing;

/// <summary>
/// The discovery protocols cameras answer over UDP: WS-Discovery (3702), Hikvision SADP (37020), Dahua DHIP
/// (37810) and, by unicast only, DNS-SD over mDNS (5353, <see cref="DnsSd"/>). Sent by unicast to hosts that answered over TCP, or — only when the operator asks — to the protocols'
/// multicast groups on local links inside the scope, with a TTL of 1 so no router forwards them. Each reply is
/// capped in size, and only replies from addresses in the scope are kept.
/// </summary>
public sealed class UdpDiscovery(ScanOptions options)
{
    private const int MaxReply = 16 * 1024;
    private static readonly IPAddress WsdGroup = IPAddress.Parse("239.255.255.250"), DhipGroup = IPAddress.Parse("239.255.255.251");

    /// <summary>
    /// The WS-Discovery types probed, one Probe each: ONVIF's video transmitter and device, and the Devices Profile's
    /// generic device, which computers and printers answer. Responders answer only the types they are (Debian's
    /// wsdd answers only a probe for exactly <c>wsdp:Device</c>), so an untyped probe or one naming several types
    /// can miss them.
    /// </summary>
    public static IReadOnlyList<(string Prefix, string Namespace, string Type)> WsdTypes { get; } =
    [
        ("dn", "http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter"),
        ("tds", "http://www.onvif.org/ver10/device/wsdl", "Device"),
        ("wsdp", "http://schemas.xmlsoap.org/ws/2006/02/devprof", "Device"),
    ];

    /// <summary>Each protocol: its port, multicast group, the kind its reply is, and its probes (fixed discovery requests, nothing else).</summary>
    private static readonly (string Name, int Port, IPAddress Group, string Kind, Func<byte[][]> Probes)[] Protocols =
    [
        ("WS-Discovery", 3702, WsdGroup, "wsd.probematch", () => [.. WsdTypes.Select(WsdProbe)]),
        ("SADP", 37020, WsdGroup, "sadp.probematch", () => [SadpProbe()]),
        ("DHIP", 37810, DhipGroup, "dhip.devinfo", () => [DhipProbe()]),
    ];

    /// <summary>The protocols and ports, for <c>--dry-run</c> and the safety documentation.</summary>
    public static IEnumerable<string> Names => Protocols.Select(p =>
        $"{p.Name} (UDP {p.Port}{(p.Port == 3702 ? ": " + string.Join(", ", WsdTypes.Select(t => $"{t.Prefix}:{t.Type}")) : "")})")
        .Append($"DNS-SD (UDP {DnsSd.Port}, unicast only: PTR {DnsSd.Enumeration}, {string.Join(", ", DnsSd.CameraTypes)}; then up to {DnsSd.MoreTypes} more types it lists)");

    // The most instances kept from one host, and the longest TXT text kept of one.
    private const int MaxInstances = 16, MaxTxt = 2048;

    /// <summary>
    /// Sends each protocol's probes to the host and keeps its first reply (a device's ProbeMatch lists all its types,
    /// so one is enough); a port that is closed answers at once with ICMP.
    /// </summary>
    public async Task ProbeAsync(IPAddress address, List<Observation> observations, CancellationToken cancel)
    {
        foreach (var (name, port, _, kind, probes) in Protocols)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            deadline.CancelAfter(options.UdpTimeout);
            var buffer = new byte[MaxReply];
            try
            {
                await socket.ConnectAsync(address, port, deadline.Token);
                foreach (var probe in probes())
                {
                    await socket.SendAsync(probe, deadline.Token);
                }
                var read = await socket.ReceiveAsync(buffer, deadline.Token);
                observations.Add(new Observation(kind, Encoding.UTF8.GetString(buffer, 0, read), $"{name}://{address}/", $"{address}:{port}/udp"));
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                // Port unreachable, or no answer in time: the device does not speak this protocol.
            }
        }
        await DnsSdAsync(address, observations, cancel);
    }

    /// <summary>
    /// Asks the host's mDNS responder by unicast which services it offers, with the camera types asked at once, then the
    /// other types it listed; each instance name, and its TXT strings, becomes an observation.
    /// </summary>
    private async Task DnsSdAsync(IPAddress address, List<Observation> observations, CancellationToken cancel)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var buffer = new byte[MaxReply];
        try
        {
            await socket.ConnectAsync(address, DnsSd.Port, cancel);
            List<string> asked = [DnsSd.Enumeration, .. DnsSd.CameraTypes];
            if (await AskAsync(socket, asked, buffer, cancel) is not { } answer)
            {
                return;
            }
            var instances = answer.Instances.ToList();
            var more = answer.Types.Where(t => !asked.Contains(t, StringComparer.OrdinalIgnoreCase)).Take(DnsSd.MoreTypes).ToList();
            if (more.Count > 0 && await AskAsync(socket, more, buffer, cancel) is { } second)
            {
                instances.AddRange(second.Instances);
            }
            foreach (var instance in instances.Take(MaxInstances))
            {
                var group = $"DNS-SD://{address}/{DnsSd.InstanceName(instance)}";
                observations.Add(new Observation("mdns.instance", instance.Name, group, $"{address}:{DnsSd.Port}/udp"));
                if (instance.Txt.Count > 0)
                {
                    var text = string.Join(' ', instance.Txt);
                    observations.Add(new Observation("mdns.instance", text[..Math.Min(text.Length, MaxTxt)], group, $"{address}:{DnsSd.Port}/udp"));
                }
            }
        }
        catch (SocketException)
        {
            // Port unreachable: no mDNS responder.
        }
    }

    // One query and its answer within the UDP wait; other datagrams (another ID, not an answer) are passed over.
    private async Task<DnsSd.Answer?> AskAsync(Socket socket, List<string> names, byte[] buffer, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(options.UdpTimeout);
        var id = (ushort)Random.Shared.Next(1, 65536);
        try
        {
            await socket.SendAsync(DnsSd.Query(id, names), deadline.Token);
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, deadline.Token);
                if (DnsSd.Read(buffer.AsSpan(0, read), id, names) is { } answer)
                {
                    return answer;
                }
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return null; // no answer in time
        }
    }

    /// <summary>
    /// Sends each protocol's probe to its multicast group from every local interface whose subnet lies in the scope
    /// (TTL 1), and collects the replies from addresses in the scope until the listen time is over.
    /// </summary>
    public async Task<Dictionary<IPAddress, List<Observation>>> MulticastAsync(ScanScope scope, List<string> notes, CancellationToken cancel)
    {
        var found = new Dictionary<IPAddress, List<Observation>>();
        var links = LocalLinks(scope).ToList();
        if (links.Count == 0)
        {
            notes.Add("multicast discovery: no local link in the scope, nothing sent");
            return found;
        }
        var listens = new List<Task>();
        foreach (var local in links)
        {
            foreach (var protocol in Protocols)
            {
                listens.Add(ListenAsync(local, protocol, scope, found, notes, cancel));
            }
        }
        await Task.WhenAll(listens);
        return found;
    }

    /// <summary>The IPv4 addresses of this machine's non-loopback interfaces whose own subnet lies inside the scope.</summary>
    public static IEnumerable<IPAddress> LocalLinks(ScanScope scope)
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                if (unicast.Address.AddressFamily == AddressFamily.InterNetwork && scope.Contains(unicast.Address))
                {
                    yield return unicast.Address;
                }
            }
        }
    }

    private async Task ListenAsync(IPAddress local, (string Name, int Port, IPAddress Group, string Kind, Func<byte[][]> Probes) protocol, ScanScope scope,
        Dictionary<IPAddress, List<Observation>> found, List<string> notes, CancellationToken cancel)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 1);
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, local.GetAddressBytes());
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, false);
        socket.Bind(new IPEndPoint(local, 0));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(options.MulticastListen);
        var buffer = new byte[MaxReply];
        var ignored = 0;
        try
        {
            foreach (var probe in protocol.Probes())
            {
                await socket.SendToAsync(probe, new IPEndPoint(protocol.Group, protocol.Port), deadline.Token);
            }
            while (true)
            {
                var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), deadline.Token);
                var from = ((IPEndPoint)received.RemoteEndPoint).Address;
                if (!scope.Contains(from))
                {
                    ignored++;
                    continue;
                }
                var observation = new Observation(protocol.Kind, Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes), $"{protocol.Name}://{from}/", $"{from}:{protocol.Port}/udp multicast");
                lock (found)
                {
                    // A device that is of several probed types answers each probe; its first reply says it all.
                    var list = found.TryGetValue(from, out var known) ? known : found[from] = [];
                    if (!list.Exists(o => o.Kind == observation.Kind))
                    {
                        list.Add(observation);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            // The listen time is over.
        }
        catch (SocketException e)
        {
            lock (notes)
            {
                notes.Add($"multicast {protocol.Name} from {local}: {e.SocketErrorCode}");
            }
        }
        if (ignored > 0)
        {
            lock (notes)
            {
                notes.Add($"multicast {protocol.Name} from {local}: {ignored} replies from outside the scope ignored");
            }
        }
    }


    /// <summary>A Probe for one type, its prefix declared on the envelope (wsdd compares the Types text, prefix and all).</summary>
    private static byte[] WsdProbe((string Prefix, string Namespace, string Type) type) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" " +
        $"xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" xmlns:{type.Prefix}=\"{type.Namespace}\"><s:Header>" +
        $"<a:MessageID>urn:uuid:{Guid.NewGuid()}</a:MessageID><a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>" +
        $"<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header><s:Body><d:Probe><d:Types>{type.Prefix}:{type.Type}</d:Types></d:Probe></s:Body></s:Envelope>");

    private static byte[] SadpProbe() => Encoding.UTF8.GetBytes(
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>{Guid.NewGuid().ToString().ToUpperInvariant()}</Uuid><Types>inquiry</Types></Probe>");

    private static byte[] DhipProbe() => DhipMessage("{\"method\":\"DHDiscover.search\",\"params\":{\"mac\":\"\",\"uni\":1}}"u8);

    /// <summary>A DHIP message: the 32-byte header (0x20, "DHIP", the body's length at offsets 16 and 24, little-endian), then the JSON body.</summary>
    public static byte[] DhipMessage(ReadOnlySpan<byte> body)
    {
        var message = new byte[32 + body.Length];
        message[0] = 0x20;
        "DHIP"u8.CopyTo(message.AsSpan(4));
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(16), (uint)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(24), (uint)body.Length);
        body.CopyTo(message.AsSpan(32));
        return message;
    }
}
