using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sightline.CameraFarm;

/// <summary>
/// Emulated devices on loopback addresses, one persona per address, dealt out by a seed so that the same seed
/// gives the same farm. Each device listens on TCP 80 (HTTP), and on 554 (RTSP) and 8000 (Hikvision's SDK
/// greeting) when its persona does. Only 127.0.0.0/8 is accepted: the farm never listens elsewhere.
/// </summary>
public sealed class Farm : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    private Farm(IReadOnlyList<(IPAddress Address, Persona Persona)> devices) => Devices = devices;

    /// <summary>The devices, by address.</summary>
    public IReadOnlyList<(IPAddress Address, Persona Persona)> Devices { get; }

    /// <summary>How many connections the farm has accepted, on any address and port: tests use it to show nothing reached it.</summary>
    public int Connections => _connections;

    private int _connections;

    /// <summary>Deals <paramref name="count"/> personas over the first addresses of <paramref name="addresses"/> (which must be loopback) and starts them.</summary>
    public static Farm Start(IEnumerable<IPAddress> addresses, int count, int seed)
    {
        var random = new Random(seed);
        var devices = new List<(IPAddress, Persona)>();
        foreach (var address in addresses.Take(count))
        {
            if (!IPAddress.IsLoopback(address) || address.AddressFamily != AddressFamily.InterNetwork)
            {
                throw new ArgumentException($"{address} is not in 127.0.0.0/8; the farm listens only on loopback", nameof(addresses));
            }
            // Every template appears in turn; the seed decides serials, MACs, firmware and the order.
            var template = Personas.Templates[(devices.Count + seed) % Personas.Templates.Count];
            devices.Add((address, template(random)));
        }
        var farm = new Farm(devices);
        try
        {
            foreach (var (address, persona) in devices)
            {
                farm.Listen(address, 80, persona, Protocol.Http);
                if (persona.RtspServer is not null)
                {
                    farm.Listen(address, 554, persona, Protocol.Rtsp);
                }
                if (persona.Greeting8000 is not null)
                {
                    farm.Listen(address, 8000, persona, Protocol.Greeting);
                }
            }
        }
        catch
        {
            farm.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        return farm;
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
        await Task.WhenAll(_loops).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private enum Protocol
    {
        Http,
        Rtsp,
        Greeting,
    }

    private void Listen(IPAddress address, int port, Persona persona, Protocol protocol)
    {
        var listener = new TcpListener(address, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listeners.Add(listener);
        _loops.Add(Task.Run(() => AcceptAsync(listener, persona, protocol)));
    }

    private async Task AcceptAsync(TcpListener listener, Persona persona, Protocol protocol)
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
            _ = Task.Run(() => ServeAsync(socket, persona, protocol));
        }
    }

    private async Task ServeAsync(Socket socket, Persona persona, Protocol protocol)
    {
        using var connection = socket;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var cancel = timeout.Token;
        try
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
                case Behaviour.Normal:
                default:
                    break;
            }
            if (protocol == Protocol.Greeting)
            {
                await connection.SendAsync(persona.Greeting8000!, cancel);
                return;
            }
            var request = await ReadHeadAsync(connection, cancel);
            var answer = protocol == Protocol.Rtsp ? Rtsp(persona, request) : Http(persona);
            await connection.SendAsync(answer, cancel);
            connection.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
        {
            // The client went away or the farm is stopping.
        }
    }

    private static async Task<string> ReadHeadAsync(Socket socket, CancellationToken cancel)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), cancel);
            if (read == 0)
            {
                break;
            }
            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    private static byte[] Http(Persona persona)
    {
        var body = Encoding.UTF8.GetBytes(persona.HttpBody);
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {persona.HttpStatus} {(persona.HttpStatus == 401 ? "Unauthorized" : "OK")}\r\n");
        foreach (var (name, value) in persona.HttpHeaders)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        if (!persona.HttpHeaders.Any(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static byte[] Rtsp(Persona persona, string request)
    {
        var cseq = request.Split("\r\n").FirstOrDefault(l => l.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase))?[5..].Trim() ?? "1";
        return Encoding.ASCII.GetBytes(
            $"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nServer: {persona.RtspServer}\r\nPublic: OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER\r\n\r\n");
    }

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
