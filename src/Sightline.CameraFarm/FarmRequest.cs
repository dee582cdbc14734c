using System.Net.Sockets;
using System.Text;

namespace Sightline.CameraFarm;

/// <summary>An HTTP or RTSP request as a farm device reads it: request line, headers and a small body.</summary>
internal sealed record FarmRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private const int MaxHead = 16 * 1024, MaxBody = 64 * 1024;

    /// <summary>Reads one request from the stream, or null if the client sent nothing usable.</summary>
    public static async Task<FarmRequest?> ReadAsync(Stream stream, CancellationToken cancel)
    {
        var buffer = new byte[MaxHead + MaxBody];
        var length = 0;
        int end;
        while ((end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (length >= MaxHead)
            {
                return null;
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length, MaxHead - length), cancel);
            if (read == 0)
            {
                return null;
            }
            length += read;
        }
        var lines = Encoding.ASCII.GetString(buffer, 0, end).Split("\r\n");
        var first = lines[0].Split(' ');
        if (first.Length < 3)
        {
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        var bodyLength = headers.TryGetValue("Content-Length", out var value) && int.TryParse(value, out var n) ? Math.Clamp(n, 0, MaxBody) : 0;
        var bodyStart = end + 4;
        while (length - bodyStart < bodyLength)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length, bodyStart + bodyLength - length), cancel);
            if (read == 0)
            {
                break;
            }
            length += read;
        }
        return new FarmRequest(first[0], first[1], headers, Encoding.UTF8.GetString(buffer, bodyStart, Math.Max(0, length - bodyStart)));
    }

    /// <summary>Reads one request straight from a socket.</summary>
    public static async Task<FarmRequest?> ReadAsync(Socket socket, CancellationToken cancel)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        return await ReadAsync(stream, cancel);
    }
}
