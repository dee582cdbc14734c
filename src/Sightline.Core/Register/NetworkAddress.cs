using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sightline.Register;

/// <summary>Strict parsing and canonical forms of IP and MAC addresses as they appear in asset lists.</summary>
public static class NetworkAddress
{
    /// <summary>
    /// Parses a dotted-quad IPv4 or an IPv6 address into its canonical text; rejects the shorthand forms
    /// (such as "10.1") that <see cref="IPAddress.TryParse(string, out IPAddress)"/> accepts.
    /// </summary>
    public static string? NormaliseIp(string text)
    {
        if (IsCanonicalIPv4(text))
        {
            return text; // the usual case in an asset list; no parse, no new string
        }
        if (!IPAddress.TryParse(text, out var address))
        {
            return null;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork && text.Split('.').Length != 4)
        {
            return null;
        }
        return address.ToString();
    }

    /// <summary>
    /// Parses a MAC written as 00:11:22:AA:BB:CC, 00-11-22-aa-bb-cc, 0011.22aa.bbcc or 001122AABBCC into
    /// upper-case colon form; null when it is not 48 bits of hex.
    /// </summary>
    public static string? NormaliseMac(string text)
    {
        if (IsCanonicalMac(text))
        {
            return text; // the usual case in an asset list; no new string
        }
        Span<char> hex = stackalloc char[12];
        var count = 0;
        var separators = 0;
        foreach (var c in text)
        {
            if (c is ':' or '-' or '.')
            {
                separators++;
                continue;
            }
            if (!char.IsAsciiHexDigit(c) || count == 12)
            {
                return null;
            }
            hex[count++] = char.ToUpperInvariant(c);
        }
        if (count != 12 || separators is not (0 or 2 or 5))
        {
            return null;
        }
        return string.Create(17, hex.ToString(), static (span, h) =>
        {
            for (var i = 0; i < 6; i++)
            {
                span[i * 3] = h[i * 2];
                span[(i * 3) + 1] = h[(i * 2) + 1];
                if (i < 5)
                {
                    span[(i * 3) + 2] = ':';
                }
            }
        });
    }

    // Four decimal parts of 0-255 without leading zeros: exactly the text IPAddress would give back.
    private static bool IsCanonicalIPv4(string text)
    {
        var parts = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && i - start < 3 && char.IsAsciiDigit(text[i]))
            {
                value = (value * 10) + text[i] - '0';
                i++;
            }
            var digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }
            parts++;
            if (i == text.Length)
            {
                break;
            }
            if (text[i] != '.' || parts == 4)
            {
                return false;
            }
            i++;
        }
        return parts == 4 && text[^1] != '.';
    }

    private static bool IsCanonicalMac(string text)
    {
        if (text.Length != 17)
        {
            return false;
        }
        for (var i = 0; i < 17; i++)
        {
            var c = text[i];
            if (i % 3 == 2 ? c != ':' : !(char.IsAsciiDigit(c) || c is >= 'A' and <= 'F'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True for a locally administered MAC (second-lowest bit of the first octet), which names no maker.</summary>
    public static bool IsLocallyAdministered(string canonicalMac) =>
        (int.Parse(canonicalMac.AsSpan(0, 2), NumberStyles.HexNumber) & 0x02) != 0;
}
