using System.Net;
using System.Net.Sockets;

namespace Sightline.Scope;

/// <summary>A run of consecutive addresses of one family, first to last inclusive.</summary>
public readonly record struct AddressRange(AddressFamily Family, UInt128 First, UInt128 Last)
{
    /// <summary>How many addresses it holds.</summary>
    public UInt128 Count => Last - First + 1;

    /// <summary>Whether it holds the address.</summary>
    public bool Contains(IPAddress address)
    {
        var (family, value) = Number(address);
        return family == Family && value >= First && value <= Last;
    }

    /// <summary>Whether two ranges of one family share an address.</summary>
    public bool Overlaps(AddressRange other) => Family == other.Family && First <= other.Last && other.First <= Last;

    /// <summary>The address at an offset from <see cref="First"/>.</summary>
    public IPAddress At(UInt128 offset) => Address(Family, First + offset);

    /// <inheritdoc />
    public override string ToString() => First == Last ? Address(Family, First).ToString() : $"{Address(Family, First)}-{Address(Family, Last)}";

    /// <summary>An address as a family and a number (IPv4-mapped IPv6 addresses count as IPv4).</summary>
    public static (AddressFamily Family, UInt128 Value) Number(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        UInt128 value = 0;
        foreach (var b in bytes[..length])
        {
            value = (value << 8) | b;
        }
        return (address.AddressFamily, value);
    }

    /// <summary>The address for a family and a number.</summary>
    public static IPAddress Address(AddressFamily family, UInt128 value)
    {
        var length = family == AddressFamily.InterNetwork ? 4 : 16;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }
        return new IPAddress(bytes);
    }
}
