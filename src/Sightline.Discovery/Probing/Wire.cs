using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Sightline.Scanning;

namespace Sightline.Probing;

/// <summary>
/// One request and its answer over a fresh connection, bounded in every way: the connect, the TLS handshake and
/// the read each have a deadline, and the answer is cut at the size cap. Certificates are read, never trusted:
/// a device's self-signed certificate is evidence of who made it, not a reason to stop.
/// </summary>
public sealed class Wire(ScanOptions options)
{
    private readonly Pace _pace = new(options.AttemptInterval);

    /// <summary>A connected socket, or null when the port is closed, filtered or slow; and whether it reset during the connect.</summary>
    /// <remarks>
    /// Connects through <see cref="SocketAsyncEventArgs"/>, which reports a refused port as a value rather than an
    /// exception: a sweep meets hundreds of thousands of closed ports, and an exception each would cost more than
    /// the connect.
    /// </remarks>
    public async Task<(Socket? Socket, bool Reset)> ConnectAsync(IPAddress address, int port, CancellationToken cancel)
    {
        await _pace.WaitAsync(cancel);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var attempt = new SocketAsyncEventArgs { RemoteEndPoint = new IPEndPoint(address, port) };
        // A connect completes on a pool thread, so the scan goes on right there: queueing the continuation once more
        // cost a hop through the thread pool on each of a sweep's hundreds of thousands of connects. A connect the
        // deadline aborted is still handed over, so that the scan never goes on inside the deadline's own callback.
        var done = new TaskCompletionSource<SocketError>();
        attempt.Completed += (_, e) =>
        {
            if (e.SocketError == SocketError.OperationAborted)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static d => d.TrySetResult(SocketError.OperationAborted), done, preferLocal: false);
            }
            else
            {
                done.TrySetResult(e.SocketError);
            }
        };
        SocketError result;
        if (!socket.ConnectAsync(attempt))
        {
            result = attempt.SocketError; // refused at once, as a closed port on a local link often is: no timer needed
        }
        else
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            deadline.CancelAfter(options.ConnectTimeout);
            using (deadline.Token.Register(() =>
            {
                if (cancel.IsCancellationRequested || !HandshakeOver(socket))
                {
                    Socket.CancelConnectAsync(attempt);
                }
            }))
            {
                result = await done.Task;
            }
        }
        if (cancel.IsCancellationRequested)
        {
            socket.Dispose();
            cancel.ThrowIfCancellationRequested();
        }
        if (result == SocketError.Success)
        {
            return (socket, false);
        }
        socket.Dispose();
        return (null, result == SocketError.ConnectionReset);
    }

    /// <summary>
    /// Whether the connect already ended in the kernel (connected, or refused). On a busy machine its completion can
    /// wait in the thread pool's queue past the deadline although the handshake took microseconds; cancelling it then
    /// took an open port for a closed one (the likely reason a /16 benchmark at a load average of 40 missed a host whose
    /// only port was open). Such a connect is left to report itself.
    /// </summary>
    private static bool HandshakeOver(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectWrite) || socket.Poll(0, SelectMode.SelectError);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Connects, sends the request and reads the answer; an empty answer with a note when nothing came.</summary>
    public async Task<(byte[] Answer, string? Note)> RequestAsync(IPAddress address, int port, bool tls, string request, CancellationToken cancel)
    {
        var (socket, _) = await ConnectAsync(address, port, cancel);
        if (socket is null)
        {
            return ([], "connection refused or timed out");
        }
        using (socket)
        {
            return tls ? (await TlsExchangeAsync(socket, address, request, cancel)).Answer : await ExchangeAsync(socket, request, options.MaxBytes, cancel);
        }
    }

    /// <summary>Completes a TLS handshake on a connected socket, then sends the request; returns the certificate's subject too.</summary>
    public async Task<((byte[] Answer, string? Note) Answer, string? Subject)> TlsExchangeAsync(Socket socket, IPAddress address, string request, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(options.ReadTimeout);
        await using var network = new NetworkStream(socket, ownsSocket: false);
        await using var tls = new SslStream(network, leaveInnerStreamOpen: true);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = address.ToString(),
                // Never fetch revocation lists or OCSP answers: the scan talks to the scope and nothing else.
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                // Only the certificate's subject is read, as evidence; nothing secret is sent over this connection.
#pragma warning disable CA5359 // Cameras present self-signed certificates; the scanner reads them, it does not trust them.
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
#pragma warning restore CA5359
            }, deadline.Token);
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            return (([], $"TLS handshake failed: {e.GetType().Name}"), null);
        }
        var subject = tls.RemoteCertificate is X509Certificate2 certificate ? Subject(certificate) : null;
        return (await ExchangeAsync(tls, request, options.MaxBytes, deadline.Token, cancel), subject);
    }

    /// <summary>Sends the request (if any) and reads until the peer closes, the cap or the deadline.</summary>
    public async Task<(byte[] Answer, string? Note)> ExchangeAsync(Socket socket, string? request, int cap, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(request is null ? options.GreetingTimeout : options.ReadTimeout);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        return await ExchangeAsync(stream, request, cap, deadline.Token, cancel);
    }

    private async Task<(byte[] Answer, string? Note)> ExchangeAsync(Stream stream, string? request, int cap, CancellationToken deadline, CancellationToken cancel)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            if (request is not null)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(request), deadline);
            }
            while (received.Length < cap)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cap - received.Length)), deadline);
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
        catch (Exception e) when (e is IOException or SocketException)
        {
            return (received.ToArray(), $"connection {(e as SocketException ?? e.InnerException as SocketException)?.SocketErrorCode.ToString() ?? "failed"}");
        }
    }

    private static bool IsComplete(MemoryStream received) => received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf("\r\n\r\n"u8) >= 0;

    /// <summary>A certificate subject written as fingerprint databases write it: <c>CN=…,OU=…,O=…,C=…</c>, most specific first.</summary>
    public static string Subject(X509Certificate2 certificate) =>
        string.Join(',', certificate.SubjectName.EnumerateRelativeDistinguishedNames().Select(rdn => $"{Short(rdn.GetSingleElementType().Value)}={rdn.GetSingleElementValue()}"));

    private static string Short(string? oid) => oid switch
    {
        "2.5.4.3" => "CN",
        "2.5.4.11" => "OU",
        "2.5.4.10" => "O",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.6" => "C",
        "2.5.4.5" => "SERIALNUMBER",
        "1.2.840.113549.1.9.1" => "E",
        _ => oid ?? "?",
    };

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
