using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sightline.Scope;

/// <summary>
/// The addresses an operator allows a scan to probe: what they named (CIDRs, ranges, single addresses — never
/// names, which would need DNS) minus what they excluded. Building one is where the safety rules are applied:
/// public address space only with <c>allowPublic</c>, more than <see cref="LargeLimit"/> addresses only with
/// <c>allowLarge</c>, never more than <see cref="HardLimit"/>, and never a multicast, broadcast or unspecified
/// address as a target.
/// </summary>
public sealed class ScanScope
{
    /// <summary>Most addresses without the large flag: a /16.</summary>
    public const int LargeLimit = 65_536;

    /// <summary>Most addresses a scope may ever hold: a /8.</summary>
    public const int HardLimit = 16_777_216;

    private readonly List<AddressRange> _ranges;

    private ScanScope(List<AddressRange> ranges, long count) => (_ranges, Count) = (ranges, count);

    /// <summary>The ranges probed, excluded addresses removed, in order, not overlapping.</summary>
    public IReadOnlyList<AddressRange> Ranges => _ranges;

    /// <summary>How many addresses.</summary>
    public long Count { get; }

    /// <summary>Whether an address may be probed.</summary>
    public bool Contains(IPAddress address) => _ranges.Exists(r => r.Contains(address));

    /// <summary>Every address in order.</summary>
    public IEnumerable<IPAddress> Addresses()
    {
        foreach (var range in _ranges)
        {
            for (UInt128 offset = 0; offset < range.Count; offset++)
            {
                yield return range.At(offset);
            }
        }
    }

    /// <summary>
    /// Builds a scope from targets and exclusions as the operator wrote them; every problem is listed, naming the
    /// text it is about, and no scope is returned if there is one.
    /// </summary>
    public static (ScanScope? Scope, List<string> Problems) Parse(IEnumerable<string> targets, IEnumerable<string> exclusions, bool allowPublic, bool allowLarge)
    {
        var problems = new List<string>();
        var included = ParseAll(targets, "target", problems);
        var excluded = ParseAll(exclusions, "exclusion", problems);
        if (included.Count == 0 && problems.Count == 0)
        {
            problems.Add("no targets: name the addresses to scan (CIDRs such as 192.168.1.0/24, ranges, addresses)");
        }
        foreach (var (text, range) in included)
        {
            var kinds = AddressKinds.In(range).ToHashSet();
            if (kinds.Contains(AddressKind.NotAHost))
            {
                problems.Add($"target '{text}' includes multicast, broadcast or unspecified addresses, which are never probed directly; discovery on the local link is a separate, explicit step");
            }
            if (kinds.Contains(AddressKind.Public) && !allowPublic)
            {
                problems.Add($"target '{text}' includes public address space; Sightline scans only private, link-local and loopback addresses unless --allow-public is given (and you are entitled to scan them)");
            }
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var ranges = Subtract(Merge(included.Select(i => i.Range)), Merge(excluded.Select(e => e.Range)));
        var total = UInt128.Zero;
        foreach (var range in ranges)
        {
            total += range.Count;
        }
        if (total == 0)
        {
            problems.Add("the exclusions remove every target");
        }
        else if (total > HardLimit)
        {
            problems.Add($"the scope holds {total:N0} addresses; Sightline scans at most {HardLimit:N0} (a /8) in one scan");
        }
        else if (total > LargeLimit && !allowLarge)
        {
            problems.Add($"the scope holds {total:N0} addresses, more than a /16 ({LargeLimit:N0}); give --large if that is meant");
        }
        return problems.Count > 0 ? (null, problems) : (new ScanScope(ranges, (long)total), problems);
    }

    /// <summary>Parses one target: an address, a CIDR (a.b.c.d/n, x::/n), a range (a-b) or a last-octet range (a.b.c.d-e).</summary>
    public static AddressRange? ParseTarget(string text, out string? problem)
    {
        problem = null;
        var value = text.Trim();
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!TryParseAddress(value[..slash], out var network) || !int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
            {
                problem = "not a CIDR (expected address/prefix, e.g. 192.168.1.0/24)";
                return null;
            }
            var width = network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            if (bits > width)
            {
                problem = $"the prefix /{bits} is longer than the address ({width} bits)";
                return null;
            }
            var range = AddressKinds.Prefix(network, bits);
            if (AddressRange.Number(network).Value != range.First)
            {
                problem = $"host bits are set; did you mean {AddressRange.Address(range.Family, range.First)}/{bits}?";
                return null;
            }
            return range;
        }
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!TryParseAddress(value[..dash], out var first))
            {
                problem = "not a range (expected first-last, e.g. 10.0.0.10-10.0.0.50 or 10.0.0.10-50)";
                return null;
            }
            var lastText = value[(dash + 1)..];
            IPAddress? last = null;
            if (first.AddressFamily == AddressFamily.InterNetwork && byte.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var octet))
            {
                var bytes = first.GetAddressBytes();
                bytes[3] = octet;
                last = new IPAddress(bytes);
            }
            else if (!TryParseAddress(lastText, out last))
            {
                problem = "not a range (expected first-last, e.g. 10.0.0.10-10.0.0.50 or 10.0.0.10-50)";
                return null;
            }
            var (family, from) = AddressRange.Number(first);
            var (lastFamily, to) = AddressRange.Number(last);
            if (family != lastFamily || to < from)
            {
                problem = family != lastFamily ? "the range mixes IPv4 and IPv6" : "the range ends before it starts";
                return null;
            }
            return new AddressRange(family, from, to);
        }
        if (TryParseAddress(value, out var single))
        {
            var (family, number) = AddressRange.Number(single);
            return new AddressRange(family, number, number);
        }
        problem = "not an address, CIDR or range (names are not accepted: resolving them would send DNS queries)";
        return null;
    }

    /// <summary>
    /// An address written out in full: dotted-quad IPv4 or colon IPv6. Shorter IPv4 forms ("10.1", "300") that the
    /// system parser also accepts are refused: nobody writes them on purpose.
    /// </summary>
    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var plain = text.Length > 0 && !text.Any(char.IsWhiteSpace);
        var fullV4 = text.Count(c => c == '.') == 3 && !text.Contains(':', StringComparison.Ordinal);
        return plain && (fullV4 || text.Contains(':', StringComparison.Ordinal)) && IPAddress.TryParse(text, out address!);
    }

    /// <summary>Targets from a file: one a line; blank lines and text after '#' are ignored.</summary>
    public static IEnumerable<string> ReadTargetsFile(string path) =>
        File.ReadLines(path)
            .Select(line => (line.IndexOf('#', StringComparison.Ordinal) is >= 0 and var hash ? line[..hash] : line).Trim())
            .Where(line => line.Length > 0);

    private static List<(string Text, AddressRange Range)> ParseAll(IEnumerable<string> texts, string what, List<string> problems)
    {
        var ranges = new List<(string, AddressRange)>();
        foreach (var text in texts.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (ParseTarget(text, out var problem) is { } range)
            {
                ranges.Add((text, range));
            }
            else
            {
                problems.Add($"{what} '{text}': {problem}");
            }
        }
        return ranges;
    }

    private static List<AddressRange> Merge(IEnumerable<AddressRange> ranges)
    {
        var merged = new List<AddressRange>();
        foreach (var range in ranges.OrderBy(r => r.Family).ThenBy(r => r.First))
        {
            if (merged.Count > 0 && merged[^1].Family == range.Family && range.First <= merged[^1].Last + 1 && merged[^1].Last != UInt128.MaxValue)
            {
                merged[^1] = merged[^1] with { Last = UInt128.Max(merged[^1].Last, range.Last) };
            }
            else
            {
                merged.Add(range);
            }
        }
        return merged;
    }

    private static List<AddressRange> Subtract(List<AddressRange> included, List<AddressRange> excluded)
    {
        var result = new List<AddressRange>();
        foreach (var range in included)
        {
            var pieces = new List<AddressRange> { range };
            foreach (var cut in excluded.Where(e => e.Overlaps(range)))
            {
                pieces = [.. pieces.SelectMany(piece => Cut(piece, cut))];
            }
            result.AddRange(pieces);
        }
        return result;
    }

    private static IEnumerable<AddressRange> Cut(AddressRange piece, AddressRange cut)
    {
        if (!piece.Overlaps(cut))
        {
            yield return piece;
            yield break;
        }
        if (cut.First > piece.First)
        {
            yield return piece with { Last = cut.First - 1 };
        }
        if (cut.Last < piece.Last)
        {
            yield return piece with { First = cut.Last + 1 };
        }
    }
}
