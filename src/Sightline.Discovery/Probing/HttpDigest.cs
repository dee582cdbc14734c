using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sightline.Probing;

/// <summary>HTTP Digest authentication (RFC 7616, MD5 with or without qop=auth), the scheme cameras use on their identity endpoints.</summary>
public static class HttpDigest
{
    /// <summary>The <c>Authorization</c> header answering a <c>WWW-Authenticate: Digest …</c> challenge, or null if the challenge is not Digest.</summary>
    public static string? Authorization(string challenge, string method, string uri, string user, string password, string clientNonce)
    {
        if (!challenge.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var fields = Parameters(challenge[7..]);
        var realm = fields.GetValueOrDefault("realm", "");
        var nonce = fields.GetValueOrDefault("nonce", "");
        var qop = fields.GetValueOrDefault("qop", "").Split(',', StringSplitOptions.TrimEntries).Contains("auth") ? "auth" : "";
        var response = Response(user, realm, password, method, uri, nonce, "00000001", clientNonce, qop);
        var header = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\"");
        if (qop.Length > 0)
        {
            header.Append(CultureInfo.InvariantCulture, $", qop=auth, nc=00000001, cnonce=\"{clientNonce}\"");
        }
        if (fields.TryGetValue("opaque", out var opaque))
        {
            header.Append(CultureInfo.InvariantCulture, $", opaque=\"{opaque}\"");
        }
        return header.ToString();
    }

    /// <summary>The request digest for the given fields (an empty <paramref name="qop"/> means RFC 2069 style).</summary>
    public static string Response(string user, string realm, string password, string method, string uri, string nonce, string count, string clientNonce, string qop)
    {
        var ha1 = Md5($"{user}:{realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        return qop.Length > 0 ? Md5($"{ha1}:{nonce}:{count}:{clientNonce}:{qop}:{ha2}") : Md5($"{ha1}:{nonce}:{ha2}");
    }

    /// <summary>The name="value" and name=value pairs of an authentication header's parameters.</summary>
    public static Dictionary<string, string> Parameters(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }
            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }
            var name = text[i..equals].Trim();
            i = equals + 1;
            int end;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                end = text.IndexOf('"', i + 1);
                end = end < 0 ? text.Length : end;
                value = text[(i + 1)..end];
                end++;
            }
            else
            {
                end = text.IndexOf(',', i);
                end = end < 0 ? text.Length : end;
                value = text[i..end].Trim();
            }
            fields[name] = value;
            i = end;
        }
        return fields;
    }

    private static string Md5(string text) =>
#pragma warning disable CA5351 // MD5 is what the Digest scheme these devices speak is defined with; it protects nothing of ours.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
