using System.Net;
using System.Net.Sockets;
using System.Text;
using Sightline.Identification;
using Sightline.Scope;

namespace Sightline.Scanning;

/// <summary>
/// Finds devices in a scope and records what their services say, without credentials and without anything but
/// ordinary requests: a TCP connect to each camera port, then per open port one probe — HTTP <c>GET /</c>, RTSP
/// <c>OPTIONS</c>, or for server-speaks-first ports nothing at all, only listening. Every connect and read has a
/// deadline and a size cap, connections are limited in number and paced, and only addresses in the scope are
/// ever contacted.
/// </summary>
public sealed class Scanner(ScanOptions options)
{
    private static readonly HashSet<int> HttpPorts = [80, 8080];
    private static readonly HashSet<int> RtspPorts = [554];

    /// <summary>
    /// Scans the scope; returns the hosts with at least one open port, in address order, and whether the scan ran to
    /// the end (a cancelled scan keeps what it found).
    /// </summary>
    public async Task<(List<HostResult> Hosts, bool Complete)> ScanAsync(ScanScope scope, CancellationToken cancel)
    {
        using var slots = new SemaphoreSlim(options.Concurrency);
        var pace = new Pace(options.AttemptInterval);
        var found = new System.Collections.Concurrent.ConcurrentBag<HostResult>();
        var hosts = scope.Addresses().Select(async address =>
        {
            if (await ScanHostAsync(address, slots, pace, cancel) is { } host)
            {
                found.Add(host);
            }
        }).ToList();
        var complete = true;
        try
        {
            await Task.WhenAll(hosts);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            complete = false;
        }
        return ([.. found.OrderBy(h => AddressRange.Number(h.Address).Value)], complete);
    }

    private async Task<HostResult?> ScanHostAsync(IPAddress address, SemaphoreSlim slots, Pace pace, CancellationToken cancel)
    {
        var open = new List<int>();
        var observations = new List<Observation>();
        var notes = new List<string>();
        foreach (var port in options.Ports)
        {
            await slots.WaitAsync(cancel);
            try
            {
                await pace.WaitAsync(cancel);
                var (socket, reset) = await ConnectAsync(address, port, cancel);
                using (socket)
                {
                    if (reset)
                    {
                        // Something answered the handshake and then reset: a host is there, saying nothing.
                        open.Add(port);
                        notes.Add($"{address}:{port}: connection reset on connect");
                    }
                    if (socket is null)
                    {
                        continue;
                    }
                    open.Add(port);
                    await ProbeAsync(socket, address, port, observations, notes, cancel);
                }
            }
            finally
            {
                slots.Release();
            }
        }
        return open.Count == 0 ? null : new HostResult(address, open, observations, notes);
    }

    /// <summary>A connected socket, or null when the port is closed, filtered or slow; and whether it reset during the connect.</summary>
    private async Task<(Socket? Socket, bool Reset)> ConnectAsync(IPAddress address, int port, CancellationToken cancel)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(address, port, deadline.Token);
            return (socket, false);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            socket.Dispose();
            return (null, e is SocketException { SocketErrorCode: SocketError.ConnectionReset });
        }
    }

    private async Task ProbeAsync(Socket socket, IPAddress address, int port, List<Observation> observations, List<string> notes, CancellationToken cancel)
    {
        var where = $"{address}:{port}";
        string? request = HttpPorts.Contains(port) ? $"GET / HTTP/1.1\r\nHost: {address}\r\nUser-Agent: Sightline\r\nConnection: close\r\n\r\n"
            : RtspPorts.Contains(port) ? $"OPTIONS rtsp://{address}/ RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: Sightline\r\n\r\n"
            : null;
        var (answer, note) = await ExchangeAsync(socket, request, request is null ? 32 : options.MaxBytes, cancel);
        if (note is not null)
        {
            notes.Add($"{where}: {note}");
        }
        if (answer.Length == 0)
        {
            return;
        }
        var text = Encoding.Latin1.GetString(answer);
        if (request is null)
        {
            observations.Add(new Observation("tcp.banner", text, where, where));
            return;
        }
        var group = $"{(RtspPorts.Contains(port) ? "rtsp" : "http")}://{where}/";
        var head = text.Split("\r\n\r\n", 2)[0].Split("\r\n");
        if (RtspPorts.Contains(port))
        {
            observations.Add(new Observation("rtsp.response", text, group, where));
            if (Header(head, "Server") is { } rtspServer)
            {
                observations.Add(new Observation("rtsp.server", rtspServer, group, where));
            }
            return;
        }
        observations.Add(new Observation("http.response", text, group, where));
        if (Header(head, "Server") is { } server)
        {
            observations.Add(new Observation("http.server", server, group, where));
        }
        if (Header(head, "WWW-Authenticate") is { } realm)
        {
            observations.Add(new Observation("http.www-authenticate", realm, group, where));
        }
        var open = text.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var close = open >= 0 ? text.IndexOf("</title>", open, StringComparison.OrdinalIgnoreCase) : -1;
        if (close > open)
        {
            observations.Add(new Observation("http.title", text[(open + 7)..close].Trim(), group, where));
        }
    }

    /// <summary>Sends the request (if any) and reads until the peer closes, the cap or the deadline.</summary>
    private async Task<(byte[] Answer, string? Note)> ExchangeAsync(Socket socket, string? request, int cap, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(request is null ? TimeSpan.FromSeconds(1) : options.ReadTimeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            if (request is not null)
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(request), deadline.Token);
            }
            while (received.Length < cap)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cap - received.Length)), deadline.Token);
                if (read == 0)
                {
                    return (received.ToArray(), null);
                }
                received.Write(buffer, 0, read);
            }
            return (received.ToArray(), request is null ? null : $"answer cut at {cap:N0} bytes");
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return (received.ToArray(), request is null || received.Length > 0 && IsComplete(received) ? null : $"no complete answer within {options.ReadTimeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            return (received.ToArray(), $"connection {e.SocketErrorCode}");
        }
    }

    private static bool IsComplete(MemoryStream received) => received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf("\r\n\r\n"u8) >= 0;

    private static string? Header(string[] head, string name)
    {
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }
        return null;
    }

    /// <summary>Spaces connection attempts at least the interval apart, across every task.</summary>
    private sealed class Pace(TimeSpan interval)
    {
        private readonly Lock _lock = new();
        private long _next;

        public Task WaitAsync(CancellationToken cancel)
        {
            if (interval <= TimeSpan.Zero)
            {
                return Task.CompletedTask;
            }
            var step = (long)(interval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            long wait;
            lock (_lock)
            {
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                var slot = Math.Max(now, _next);
                _next = slot + step;
                wait = slot - now;
            }
            return wait <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds((double)wait / System.Diagnostics.Stopwatch.Frequency), cancel);
        }
    }
}
