using System.Globalization;
using System.Net;
using System.Text;
using Sightline.Identification;
using Sightline.Scanning;

namespace Sightline.Probing;

/// <summary>
/// What a web server says about its device: <c>GET /</c> (status, headers, title), then the vendors' identity
/// endpoints, unauthenticated first — a 401 challenge is itself evidence — and, only with an operator's credential,
/// once more with HTTP Digest. When what the device said so far already points to a platform, only that platform's
/// endpoint is asked (none, if it has none here); otherwise each in turn until one answers. Nothing but these fixed
/// read-only requests is ever sent.
/// </summary>
public sealed class HttpProbe(Wire wire)
{
    /// <summary>The vendor identity endpoints, in the order tried: whose platform they belong to, and the kind their body is when they answer 200.</summary>
    private static readonly (string Platform, string Method, string Path, string? Body, string Kind)[] Endpoints =
    [
        ("hikvision", "GET", "/ISAPI/System/deviceInfo", null, "isapi.device-info"),
        ("dahua", "GET", "/cgi-bin/magicBox.cgi?action=getSystemInfo", null, "dahua.magicbox"),
        ("axis", "POST", "/axis-cgi/basicdeviceinfo.cgi", "{\"apiVersion\":\"1.0\",\"method\":\"getAllUnrestrictedProperties\"}", "vapix.basic-device-info"),
        ("hanwha-vision", "GET", "/stw-cgi/system.cgi?msubmenu=deviceinfo&action=view", null, "http.response"),
        ("uniview", "GET", "/LAPI/V1.0/System/DeviceInfo", null, "http.response"),
        ("reolink", "GET", "/api.cgi?cmd=GetDevInfo", null, "reolink.devinfo"),
    ];

    /// <summary>The fixed requests this probe can send, for <c>--dry-run</c> and the safety documentation.</summary>
    public static IEnumerable<string> Requests => Endpoints.Select(e => $"{e.Method} {e.Path}").Prepend("GET /");



    /// <summary>Records what <c>GET /</c> answered, already read from <paramref name="root"/>.</summary>
    public static void RecordRoot(byte[] root, string group, string where, List<Observation> observations)
    {
        if (root.Length == 0)
        {
            return;
        }
        var text = Encoding.Latin1.GetString(root);
        var head = Head(text);
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

    /// <summary>
    /// Asks the vendor endpoints until one answers — only the suspected platform's, when <paramref name="suspected"/>
    /// names one — and uses the credential only where an endpoint asked for one.
    /// </summary>
    public async Task ProbeEndpointsAsync(IPAddress address, int port, bool tls, string? suspected, Func<Credential?> credential, string group, List<Observation> observations, List<string> notes, CancellationToken cancel)
    {
        var where = $"{address}:{port}";
        foreach (var (_, method, path, body, kind) in Endpoints.Where(e => suspected is null || e.Platform == suspected))
        {
            var (answer, note) = await wire.RequestAsync(address, port, tls, Request(method, address, path, body, authorization: null), cancel);
            var status = Status(answer);
            if (status is not (200 or 401))
            {
                if (note is not null && answer.Length == 0)
                {
                    notes.Add($"{where}{path}: {note}");
                    return; // the server stopped answering: asking further endpoints would only wait more
                }
                continue;
            }
            if (status == 401 && credential() is { } given && DigestAnswer(answer, method, path, given) is { } authorization)
            {
                var (authorized, _) = await wire.RequestAsync(address, port, tls, Request(method, address, path, body, authorization), cancel);
                if (Status(authorized) == 200)
                {
                    (answer, status) = (authorized, 200);
                }
                else
                {
                    notes.Add($"{where}{path}: the credential was refused");
                }
            }
            var text = Encoding.Latin1.GetString(answer);
            observations.Add(status == 200 && kind != "http.response"
                ? new Observation(kind, Body(text), group, where + path)
                : new Observation("http.response", text, group, where + path));
            return;
        }
    }

    /// <summary>The Authorization header that answers a 401's Digest challenge with the credential, or null when there is none to answer.</summary>
    public static string? DigestAnswer(byte[] answer, string method, string path, Credential credential) =>
        Status(answer) == 401 && Header(Head(Encoding.Latin1.GetString(answer)), "WWW-Authenticate") is { } challenge
            ? HttpDigest.Authorization(challenge, method, path, credential.User, credential.Password,
                Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)))
            : null;

    /// <summary>A request with only the headers every client sends; the Authorization header only when answering a challenge.</summary>
    public static string Request(string method, IPAddress address, string path, string? body, string? authorization)
    {
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\nHost: {address}\r\nUser-Agent: Sightline\r\n");
        if (authorization is not null)
        {
            request.Append(CultureInfo.InvariantCulture, $"Authorization: {authorization}\r\n");
        }
        if (body is not null)
        {
            request.Append(CultureInfo.InvariantCulture, $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n");
        }
        return request.Append("Connection: close\r\n\r\n").Append(body).ToString();
    }

    /// <summary>The status code of an HTTP or RTSP answer, or 0.</summary>
    public static int Status(byte[] answer)
    {
        var span = answer.AsSpan(0, Math.Min(answer.Length, 16));
        var space = span.IndexOf((byte)' ');
        return space > 0 && span.Length >= space + 4 && int.TryParse(span.Slice(space + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 0;
    }

    /// <summary>The header lines of a message (the first line included).</summary>
    public static string[] Head(string text) => text.Split("\r\n\r\n", 2)[0].Split("\r\n");

    /// <summary>The body of a message.</summary>
    public static string Body(string text) => text.Split("\r\n\r\n", 2) is [_, var body] ? body : "";

    /// <summary>The first header of that name, whatever its case.</summary>
    public static string? Header(string[] head, string name)
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
}
