using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sightline.Probing;

namespace Sightline.CameraFarm;

/// <summary>How a farm device answers HTTP: its root page, its vendor endpoints (with or without valid Digest credentials) and ONVIF on each of its service paths.</summary>
internal static class FarmHttp
{
    /// <summary>The answer of the device at <paramref name="host"/> (its own address, which ONVIF writes into the URIs it gives).</summary>
    public static byte[] Answer(Persona persona, string host, FarmRequest request, FarmCredentials credentials, TimeProvider time)
    {
        var path = request.Target;
        if (persona.Onvif is { } onvif && request.Method == "POST" && onvif.Services.Paths.Contains(path, StringComparer.Ordinal))
        {
            var (status, soap) = FarmOnvif.Answer(persona, onvif, host, request.Body, credentials, time);
            return Message(new HttpAnswer(status, [("Content-Type", "application/soap+xml; charset=utf-8")], soap));
        }
        if (persona.Paths.TryGetValue(path, out var open))
        {
            var withCredentials = persona.PathsWithCredentials.GetValueOrDefault(path);
            return Message(withCredentials is not null && DigestIsValid(request, credentials) ? withCredentials : open);
        }
        if (path == "/")
        {
            return Message(persona.Root);
        }
        var server = persona.Root.Headers.Where(h => h.Name.Equals("Server", StringComparison.OrdinalIgnoreCase)).ToList();
        return Message(new HttpAnswer(404, server, "<html><head><title>404 Not Found</title></head></html>"));
    }

    public static byte[] Message(HttpAnswer answer)
    {
        var body = Encoding.UTF8.GetBytes(answer.Body);
        var reason = answer.Status switch { 200 => "OK", 401 => "Unauthorized", 404 => "Not Found", 400 => "Bad Request", _ => "Status" };
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {answer.Status} {reason}\r\n");
        foreach (var (name, value) in answer.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        if (!answer.Headers.Any(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    /// <summary>Checks an MD5 Digest <c>Authorization</c> header against the farm's credentials.</summary>
    private static bool DigestIsValid(FarmRequest request, FarmCredentials credentials)
    {
        if (!request.Headers.TryGetValue("Authorization", out var header) || !header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var fields = HttpDigest.Parameters(header[7..]);
        string Field(string name) => fields.GetValueOrDefault(name, "");
        var expected = HttpDigest.Response(credentials.User, Field("realm"), credentials.Password, request.Method, Field("uri"), Field("nonce"), Field("nc"), Field("cnonce"), Field("qop"));
        return Field("username") == credentials.User
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Field("response")));
    }
}
