using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sightline.CameraFarm;

/// <summary>
/// Emulated devices, one persona per address, dealt out by a seed so that the same seed gives the same farm. Each
/// device listens on the TCP ports its persona has (HTTP with vendor endpoints and ONVIF, HTTPS, RTSP,
/// server-first and quiet ports) and answers UDP discovery by unicast; with <c>multicast</c> it also answers
/// WS-Discovery, SADP and DHIP probes sent to their multicast groups. The farm listens only on loopback, or on
/// any address when it runs inside a network namespace of its own (see <see cref="InPrivateNetworkNamespace"/>).
/// </summary>
public sealed class Farm : IAsyncDisposable
{
    private static readonly IPAddress WsdGroup = IPAddress.Parse("239.255.255.250"), DhipGroup = IPAddress.Parse("239.255.255.251");
    private readonly List<TcpListener> _listeners = [];
    private readonly List<Socket> _udp = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly ConcurrentDictionary<string, X509Certificate2> _certificates = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _connections, _datagrams;

    private Farm(IReadOnlyList<(IPAddress Address, Persona Persona)> devices, FarmCredentials credentials, TimeProvider time) =>
        (Devices, Credentials, _time) = (devices, credentials, time);

    /// <summary>The devices, by address.</summary>
    public IReadOnlyList<(IPAddress Address, Persona Persona)> Devices { get; }

    /// <summary>The user name and password every device accepts on its identity calls (ONVIF UsernameToken, HTTP Digest).</summary>
    public FarmCredentials Credentials { get; }

    /// <summary>How many TCP connections the farm has accepted, on any address and port: tests use it to show nothing reached it.</summary>
    public int Connections => _connections;

    /// <summary>How many UDP datagrams reached the farm, unicast or multicast.</summary>
    public int Datagrams => _datagrams;

    /// <summary>One device of every persona at 127.77.<paramref name="subnet"/>.1 onwards: how tests give each case a farm of its own.</summary>
    public static Farm OfEveryPersona(int subnet, int seed) =>
        Start(Enumerable.Range(1, Personas.Templates.Count).Select(i => IPAddress.Parse($"127.77.{subnet}.{i}")), Personas.Templates.Count, seed);

    /// <summary>
    /// Deals <paramref name="count"/> personas over the first addresses of <paramref name="addresses"/> and starts them.
    /// The addresses must be loopback unless the process runs in a network namespace of its own.
    /// </summary>
    public static Farm Start(IEnumerable<IPAddress> addresses, int count, int seed, bool multicast = false, TimeProvider? time = null)
    {
        var devices = new List<(IPAddress, Persona)>();
        var personas = Deal(count, seed);
        foreach (var address in addresses.Take(count))
        {
            if (address.AddressFamily != AddressFamily.InterNetwork || !IPAddress.IsLoopback(address) && !InPrivateNetworkNamespace())
            {
                throw new ArgumentException($"{address} is not in 127.0.0.0/8; the farm listens only on loopback, or inside a network namespace of its own", nameof(addresses));
            }
            devices.Add((address, personas[devices.Count]));
        }
        var farm = new Farm(devices, new FarmCredentials("admin", $"farm-{seed}-password"), time ?? TimeProvider.System);
        try
        {
            foreach (var (address, persona) in devices)
            {
                foreach (var port in persona.TcpPorts())
                {
                    farm.Listen(address, port, persona);
                }
                foreach (var port in FarmDiscovery.Ports(persona))
                {
                    farm.ListenUdp(new IPEndPoint(address, port), [(address, persona)], group: null);
                }
            }
            if (multicast)
            {
                farm.ListenUdp(new IPEndPoint(IPAddress.Any, FarmDiscovery.WsdPort), devices.Where(d => d.Item2.WsdTypes is not null).ToList(), WsdGroup);
                farm.ListenUdp(new IPEndPoint(IPAddress.Any, FarmDiscovery.SadpPort), devices.Where(d => d.Item2.Sadp).ToList(), WsdGroup);
                farm.ListenUdp(new IPEndPoint(IPAddress.Any, FarmDiscovery.DhipPort), devices.Where(d => d.Item2.Dhip).ToList(), DhipGroup);
            }
        }
        catch
        {
            farm.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        return farm;
    }

    /// <summary>
    /// The personas a farm of <paramref name="count"/> devices with <paramref name="seed"/> has, in address order: every
    /// template appears in turn; the seed decides serials, MACs, firmware and the order. Tests that run a farm in
    /// another process read its devices from here.
    /// </summary>
    public static IReadOnlyList<Persona> Deal(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Personas.Templates[(i + seed) % Personas.Templates.Count](random)).ToList();
    }

    /// <summary>
    /// Whether this process runs in a network namespace that <c>ip netns</c> created (one bound at a path such as
    /// /run/netns/NAME, as <c>/proc/self/mountinfo</c> shows): then nothing it binds or sends can reach the machine's
    /// real networks unless its creator linked them, which the farm's tests never do. The machine's own namespace
    /// is never such a mount.
    /// </summary>
    public static bool InPrivateNetworkNamespace()
    {
        try
        {
            return new FileInfo("/proc/self/ns/net").LinkTarget is { } self
                && File.ReadLines("/proc/self/mountinfo").Any(line => line.Contains($" {self} ", StringComparison.Ordinal) && line.Contains(" - nsfs ", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The ground truth as CSV: address, platform (empty for non-cameras), brand, model, firmware, device class, MAC.</summary>
    public string TruthCsv()
    {
        var csv = new StringBuilder("address,platform,brand,model,firmware,device_class,mac\n");
        foreach (var (address, p) in Devices)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{address},{p.Platform},{Quote(p.Brand)},{Quote(p.Model)},{Quote(p.Firmware)},{p.DeviceClass},{p.Mac}\n");
        }
        return csv.ToString();
    }

    /// <summary>Stops every listener and connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _listeners)
        {
            listener.Stop();
        }
        foreach (var socket in _udp)
        {
            socket.Dispose();
        }
        await Task.WhenAll(_loops).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var certificate in _certificates.Values)
        {
            certificate.Dispose();
        }
        _stop.Dispose();
    }

    private void Listen(IPAddress address, int port, Persona persona)
    {
        var listener = new TcpListener(address, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listeners.Add(listener);
        _loops.Add(Task.Run(() => AcceptAsync(listener, persona, port)));
    }

    private async Task AcceptAsync(TcpListener listener, Persona persona, int port)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(socket, persona, port));
        }
    }

    private async Task ServeAsync(Socket socket, Persona persona, int port)
    {
        using var connection = socket;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var cancel = timeout.Token;
        try
        {
            if (persona.Behaviour != Behaviour.Normal)
            {
                await MisbehaveAsync(connection, persona, cancel);
                return;
            }
            if (persona.Greetings.TryGetValue(port, out var greeting))
            {
                await connection.SendAsync(greeting, cancel);
                return;
            }
            if (persona.QuietPorts.Contains(port))
            {
                // Waits for a client protocol the scanner never speaks, then gives up, as the device would.
                await FarmRequest.ReadAsync(connection, cancel);
                return;
            }
            await using var network = new NetworkStream(connection, ownsSocket: false);
            Stream stream = network;
            if (port == 443)
            {
                var tls = new SslStream(network, leaveInnerStreamOpen: true);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate(persona.TlsSubject!) }, cancel);
                stream = tls;
            }
            await using (stream)
            {
                if (await FarmRequest.ReadAsync(stream, cancel) is not { } request)
                {
                    return;
                }
                var answer = port == 554 ? Rtsp(persona, request) : FarmHttp.Answer(persona, ((IPEndPoint)connection.LocalEndPoint!).Address.ToString(), request, Credentials, _time);
                await stream.WriteAsync(answer, cancel);
                await stream.FlushAsync(cancel);
            }
            connection.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away, gave up on the handshake, or the farm is stopping.
        }
    }

    private static async Task MisbehaveAsync(Socket connection, Persona persona, CancellationToken cancel)
    {
        switch (persona.Behaviour)
        {
            case Behaviour.Reset:
                connection.LingerState = new LingerOption(true, 0); // closing now sends RST
                return;
            case Behaviour.Silent:
                await Task.Delay(Timeout.Infinite, cancel);
                return;
            case Behaviour.Trickle:
                foreach (var b in "HTTP/1.1 200 OK\r\n"u8.ToArray())
                {
                    await connection.SendAsync(new[] { b }, cancel);
                    await Task.Delay(TimeSpan.FromSeconds(1), cancel);
                }
                return;
            case Behaviour.Garbage:
                var noise = new byte[4096];
                new Random(persona.Mac.GetHashCode(StringComparison.Ordinal)).NextBytes(noise);
                await connection.SendAsync(noise, cancel);
                return;
            case Behaviour.Huge:
                await connection.SendAsync("HTTP/1.1 200 OK\r\nX-Padding: "u8.ToArray(), cancel);
                var chunk = Encoding.ASCII.GetBytes(new string('A', 64 * 1024));
                for (var sent = 0; sent < 10 * 1024 * 1024; sent += chunk.Length)
                {
                    await connection.SendAsync(chunk, cancel);
                }
                await connection.SendAsync("\r\n\r\n"u8.ToArray(), cancel);
                return;
            default:
                return;
        }
    }

    private static byte[] Rtsp(Persona persona, FarmRequest request)
    {
        var cseq = request.Headers.GetValueOrDefault("CSeq", "1");
        var server = string.IsNullOrEmpty(persona.RtspServer) ? "" : $"Server: {persona.RtspServer}\r\n";
        return Encoding.ASCII.GetBytes(request.Method == "DESCRIBE" && persona.RtspChallenge is { } challenge
            ? $"RTSP/1.0 401 Unauthorized\r\nCSeq: {cseq}\r\n{server}WWW-Authenticate: {challenge}\r\n\r\n"
            : $"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\n{server}Public: OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER\r\n\r\n");
    }

    /// <summary>A self-signed certificate with the persona's subject, made once per subject (ECDSA P-256, quick to make).</summary>
    private X509Certificate2 Certificate(string subject) => _certificates.GetOrAdd(subject, s =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(s.Replace(",", ", ", StringComparison.Ordinal)), key, HashAlgorithmName.SHA256);
        var now = _time.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    });

    /// <summary>
    /// Answers discovery datagrams on one UDP endpoint: a device's own address (unicast), or the wildcard address
    /// joined to a multicast group, where every device of the namespace answers from its own address.
    /// </summary>
    private void ListenUdp(IPEndPoint endpoint, List<(IPAddress Address, Persona Persona)> devices, IPAddress? group)
    {
        if (devices.Count == 0)
        {
            return;
        }
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(endpoint);
        if (group is not null)
        {
            // The wildcard socket also gets unicast datagrams for addresses with no socket of their own: it needs
            // each datagram's destination to answer those only from the device they were sent to.
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            foreach (var address in devices.Select(d => d.Address).Distinct())
            {
                try
                {
                    socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, address));
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
                {
                    // Another device's address is on the same interface, which has joined the group already.
                }
            }
        }
        _udp.Add(socket);
        _loops.Add(Task.Run(() => AnswerDatagramsAsync(socket, endpoint.Port, devices, multicast: group is not null)));
    }

    private async Task AnswerDatagramsAsync(Socket socket, int port, List<(IPAddress Address, Persona Persona)> devices, bool multicast)
    {
        var buffer = new byte[8192];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveMessageFromResult received;
            try
            {
                received = await socket.ReceiveMessageFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _datagrams);
            var sentTo = received.PacketInformation.Address;
            var toGroup = sentTo is not null && IsMulticast(sentTo);
            foreach (var (address, persona) in devices)
            {
                if (multicast && !toGroup && !address.Equals(sentTo))
                {
                    continue; // a unicast probe is answered by the device it was sent to, and by no other
                }
                if (FarmDiscovery.Answer(persona, address.ToString(), port, buffer.AsSpan(0, received.ReceivedBytes)) is not { } reply)
                {
                    continue;
                }
                try
                {
                    if (!multicast)
                    {
                        await socket.SendToAsync(reply, received.RemoteEndPoint, _stop.Token);
                        continue;
                    }
                    // A multicast probe is answered from each device's own address, as separate devices on a link would.
                    using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    sender.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    sender.Bind(new IPEndPoint(address, port));
                    await sender.SendToAsync(reply, received.RemoteEndPoint, _stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException)
                {
                    // The prober went away or the farm is stopping.
                }
            }
        }
    }

    private static bool IsMulticast(IPAddress address) => address.GetAddressBytes()[0] is >= 224 and <= 239;

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
