using System.Net;
using System.Net.Sockets;

namespace Sightline.Scope;

/// <summary>What kind of space an address is in, for deciding whether it may be scanned.</summary>
public enum AddressKind
{
    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,
    /// <summary>10/8, 172.16/12, 192.168/16, fc00::/7.</summary>
    Private,
    /// <summary>169.254/16, fe80::/10.</summary>
    LinkLocal,
    /// <summary>100.64/10, carrier-grade NAT space.</summary>
    SharedNat,
    /// <summary>Multicast, broadcast or unspecified: never a target.</summary>
    NotAHost,
    /// <summary>Everything else: scanned only with --allow-public.</summary>
    Public,
}

/// <summary>Classifies addresses (RFC 1918, 6598, 3927, 4193, 4291).</summary>
public static class AddressKinds
{
    private static readonly (AddressRange Range, AddressKind Kind)[] Known =
    [
        (V4("0.0.0.0", 8), AddressKind.NotAHost),
        (V4("127.0.0.0", 8), AddressKind.Loopback),
        (V4("10.0.0.0", 8), AddressKind.Private),
        (V4("172.16.0.0", 12), AddressKind.Private),
        (V4("192.168.0.0", 16), AddressKind.Private),
        (V4("169.254.0.0", 16), AddressKind.LinkLocal),
        (V4("100.64.0.0", 10), AddressKind.SharedNat),
        (V4("224.0.0.0", 4), AddressKind.NotAHost),
        (V4("255.255.255.255", 32), AddressKind.NotAHost),
        (V6("::1", 128), AddressKind.Loopback),
        (V6("::", 128), AddressKind.NotAHost),
        (V6("fc00::", 7), AddressKind.Private),
        (V6("fe80::", 10), AddressKind.LinkLocal),
        (V6("ff00::", 8), AddressKind.NotAHost),
    ];

    /// <summary>The kind of an address.</summary>
    public static AddressKind Of(IPAddress address)
    {
        foreach (var (range, kind) in Known)
        {
            if (range.Contains(address))
            {
                return kind;
            }
        }
        return AddressKind.Public;
    }

    /// <summary>The kinds a range touches (a range may span private and public space).</summary>
    public static IEnumerable<AddressKind> In(AddressRange range)
    {
        var covered = UInt128.Zero;
        foreach (var (known, kind) in Known)
        {
            if (!known.Overlaps(range))
            {
                continue;
            }
            covered += UInt128.Min(known.Last, range.Last) - UInt128.Max(known.First, range.First) + 1;
            yield return kind;
        }
        if (covered < range.Count)
        {
            yield return AddressKind.Public;
        }
    }

    /// <summary>The range of a prefix.</summary>
    public static AddressRange Prefix(IPAddress address, int bits)
    {
        var (family, value) = AddressRange.Number(address);
        var width = family == AddressFamily.InterNetwork ? 32 : 128;
        var host = width - bits;
        var mask = host == 128 ? UInt128.MaxValue : (UInt128.One << host) - 1;
        return new AddressRange(family, value & ~mask, value | mask);
    }

    private static AddressRange V4(string address, int bits) => Prefix(IPAddress.Parse(address), bits);

    private static AddressRange V6(string address, int bits) => Prefix(IPAddress.Parse(address), bits);
}
