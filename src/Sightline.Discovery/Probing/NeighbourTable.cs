using System.Globalization;
using System.Net;

namespace Sightline.Probing;

/// <summary>
/// The operating system's table of link-layer neighbours (<c>/proc/net/arp</c> on Linux): the MAC address of
/// every host on a local link this machine has talked to. Reading it sends nothing.
/// </summary>
public static class NeighbourTable
{
    private const int Complete = 0x2;

    /// <summary>The MAC of each address with a complete entry; empty where the table cannot be read.</summary>
    public static Dictionary<IPAddress, string> Read(string path = "/proc/net/arp")
    {
        var macs = new Dictionary<IPAddress, string>();
        if (!File.Exists(path))
        {
            return macs;
        }
        foreach (var line in File.ReadLines(path).Skip(1).Take(100_000))
        {
            // IP address, HW type, Flags, HW address, Mask, Device
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 4 && IPAddress.TryParse(fields[0], out var address)
                && int.TryParse(fields[2].AsSpan(fields[2].StartsWith("0x", StringComparison.Ordinal) ? 2 : 0), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var flags)
                && (flags & Complete) != 0 && fields[3] != "00:00:00:00:00:00")
            {
                macs[address] = fields[3].ToUpperInvariant();
            }
        }
        return macs;
    }
}
