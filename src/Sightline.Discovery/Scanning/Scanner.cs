using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Sightline.Identification;
using Sightline.Probing;
using Sightline.Scope;

namespace Sightline.Scanning;

/// <summary>
/// Finds devices in a scope and records what their services say, with nothing but ordinary read-only requests:
/// a TCP connect to each camera port; on open ports one fingerprinting exchange each (HTTP and HTTPS
/// <c>GET /</c> then the vendors' identity endpoints and ONVIF's identity calls, RTSP <c>OPTIONS</c> and
/// <c>DESCRIBE</c>, listening on server-speaks-first ports); unicast UDP discovery to the hosts that answered;
/// multicast discovery on local links when asked; and the neighbour table for MACs. Every connect and read has a
/// deadline and a size cap, each host gets one connection at a time, connections are limited in number and paced,
/// and only addresses in the scope are ever contacted. Credentials, when given, are offered only to a device that
/// asked for them on an identity call.
/// </summary>
public sealed class Scanner(ScanOptions options, TimeProvider time)
{
    private static readonly HashSet<int> HttpPorts = [80, 8080], TlsPorts = [443, 8443], RtspPorts = [554], GreetingPorts = [8000, 34567];
    private readonly Wire _wire = new(options);

    /// <summary>
    /// Scans the scope; returns the hosts that answered, in address order, and whether the scan ran to the end (a
    /// cancelled scan keeps what it found). With an <paramref name="identifier"/>, what a host said so far decides
    /// which vendor endpoint to ask and which of the operator's <paramref name="credentials"/> to offer, and each
    /// host carries its <see cref="HostResult.Verdict"/>: worked out as the host finishes (and counted in the
    /// progress), and again only if the neighbour table or multicast added to what it said.
    /// </summary>
    public async Task<(List<HostResult> Hosts, bool Complete)> ScanAsync(ScanScope scope, ScanProgress progress, CancellationToken cancel,
        ScanCredentials? credentials = null, Identifier? identifier = null)
    {
        var hosts = new ConcurrentDictionary<IPAddress, HostResult>();
        var complete = true;
        var multicastNotes = new List<string>();
        try
        {
            var multicast = options.Multicast ? new UdpDiscovery(options).MulticastAsync(scope, multicastNotes, cancel) : null;
            // Addresses are taken from the scope as hosts finish, so a scope of millions never sits in memory at once.
            await Parallel.ForEachAsync(scope.Addresses(), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancel }, async (address, _) =>
            {
                if (await ScanHostAsync(address, progress, credentials, identifier, cancel) is { } host)
                {
                    if (identifier?.Identify(host.Observations) is { } verdict)
                    {
                        host = host with { Verdict = verdict };
                        if (verdict.Platform is not null)
                        {
                            progress.HostIdentified();
                        }
                    }
                    hosts[address] = host;
                }
                progress.AddressDone();
            });
            if (multicast is not null)
            {
                foreach (var (address, observations) in await multicast)
                {
                    var host = hosts.GetValueOrDefault(address) ?? new HostResult(address, [], [], []);
                    hosts[address] = host with { Observations = [.. host.Observations, .. observations], Verdict = null };
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            complete = false;
        }
        // The neighbour table is read last: the scan's own traffic is what filled it.
        var macs = NeighbourTable.Read();
        var results = hosts.Values
            .Select(h => macs.TryGetValue(h.Address, out var mac)
                ? h with { Mac = mac, Observations = [.. h.Observations, new Observation(ObservationKinds.Mac, mac, "neighbour-table", $"{h.Address} (neighbour table)")], Verdict = null }
                : h)
            .Select(h => identifier is not null && h.Verdict is null ? h with { Verdict = identifier.Identify(h.Observations) } : h)
            .OrderBy(h => AddressRange.Number(h.Address).Value)
            .ToList();
        if (multicastNotes.Count > 0 && results.Count > 0)
        {
            results[0] = results[0] with { Notes = [.. results[0].Notes, .. multicastNotes] };
        }
        return (results, complete);
    }

    private async Task<HostResult?> ScanHostAsync(IPAddress address, ScanProgress progress, ScanCredentials? credentials, Identifier? identifier, CancellationToken cancel)
    {
        var open = new List<int>();
        var observations = new List<Observation>();
        var notes = new List<string>();
        // The platform what the device said so far points to, if any: it decides which vendor endpoint to ask.
        string? Suspected() => identifier?.Identify(observations).Platform?.Id;
        // Looked up only when a device asks for a login, from what it said before: never sent unasked.
        Credential? Credential() => credentials?.For(address, Suspected());
        var (endpointsAsked, onvifDone) = (false, false);
        try
        {
            foreach (var port in options.Ports)
            {
                var (socket, reset) = await _wire.ConnectAsync(address, port, cancel);
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
                progress.PortOpen();
                bool speaksHttp;
                using (socket)
                {
                    speaksHttp = await ProbeAsync(socket, address, port, observations, notes, cancel);
                }
                // The same web server usually answers on HTTP and HTTPS: its identity endpoints are asked once per host.
                if (speaksHttp && !endpointsAsked)
                {
                    var tls = TlsPorts.Contains(port);
                    await new HttpProbe(_wire).ProbeEndpointsAsync(address, port, tls, Suspected(), Credential, $"{(tls ? "https" : "http")}://{address}:{port}/", observations, notes, cancel);
                    endpointsAsked = true;
                }
                if (speaksHttp && HttpPorts.Contains(port) && !onvifDone)
                {
                    onvifDone = await new OnvifProbe(_wire, time).ProbeAsync(address, port, Credential, observations, notes, cancel);
                }
            }
            if (open.Count > 0)
            {
                await new UdpDiscovery(options).ProbeAsync(address, observations, cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested && open.Count > 0)
        {
            // Stopped part way: what this host said so far is kept.
            notes.Add($"{address}: the scan was stopped before this host was finished");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever one device answered, it must not end the scan of the others: its failure becomes a note.
            notes.Add($"{address}: probing stopped: {e.GetType().Name}: {e.Message}");
        }
        if (open.Count == 0)
        {
            return null;
        }
        progress.HostFound();
        return new HostResult(address, open, observations, notes);
    }

    /// <summary>Fingerprints one open port; true when it answered as a web server.</summary>
    private async Task<bool> ProbeAsync(System.Net.Sockets.Socket socket, IPAddress address, int port, List<Observation> observations, List<string> notes, CancellationToken cancel)
    {
        var where = $"{address}:{port}";
        if (GreetingPorts.Contains(port))
        {
            var (greeting, _) = await _wire.ExchangeAsync(socket, null, 32, cancel);
            if (greeting.Length > 0)
            {
                observations.Add(new Observation("tcp.banner", Encoding.Latin1.GetString(greeting), where, where));
            }
            return false;
        }
        if (RtspPorts.Contains(port))
        {
            var (answer, optionsNote) = await _wire.ExchangeAsync(socket, Rtsp("OPTIONS", address, 1), options.MaxBytes, cancel);
            var (describe, _) = answer.Length > 0 ? await _wire.RequestAsync(address, port, tls: false, Rtsp("DESCRIBE", address, 2), cancel) : ([], null);
            Note(notes, where, optionsNote);
            var group = $"rtsp://{where}/";
            foreach (var reply in (byte[][])[answer, describe])
            {
                if (reply.Length == 0)
                {
                    continue;
                }
                var text = Encoding.Latin1.GetString(reply);
                observations.Add(new Observation("rtsp.response", text, group, where));
                if (HttpProbe.Header(HttpProbe.Head(text), "Server") is { Length: > 0 } server && !observations.Any(o => o.Kind == "rtsp.server" && o.Group == group))
                {
                    observations.Add(new Observation("rtsp.server", server, group, where));
                }
            }
            return false;
        }
        var tls = TlsPorts.Contains(port);
        if (!tls && !HttpPorts.Contains(port))
        {
            return false; // a port whose protocol is spoken by the client first (Dahua's 37777): that it is open is all we learn
        }
        var get = HttpProbe.Request("GET", address, "/", null, null);
        byte[] root;
        string? note;
        if (tls)
        {
            ((root, note), var subject) = await _wire.TlsExchangeAsync(socket, address, get, cancel);
            if (subject is not null)
            {
                observations.Add(new Observation("tls.subject", subject, $"tls://{where}/", where));
            }
        }
        else
        {
            (root, note) = await _wire.ExchangeAsync(socket, get, options.MaxBytes, cancel);
        }
        Note(notes, where, note);
        var http = $"{(tls ? "https" : "http")}://{where}/";
        HttpProbe.RecordRoot(root, http, where, observations);
        return HttpProbe.Status(root) > 0;
    }

    private static string Rtsp(string method, IPAddress address, int sequence) =>
        $"{method} rtsp://{address}/ RTSP/1.0\r\nCSeq: {sequence}\r\nUser-Agent: Sightline\r\n{(method == "DESCRIBE" ? "Accept: application/sdp\r\n" : "")}\r\n";

    private static void Note(List<string> notes, string where, string? note)
    {
        if (note is not null)
        {
            notes.Add($"{where}: {note}");
        }
    }
}
