using System.Buffers.Binary;
using System.Text;

namespace Sightline.Probing;

/// <summary>
/// DNS-SD over unicast mDNS (RFC 6762 §6.7, RFC 6763): the questions Sightline asks a host on UDP 5353 and a bounded
/// reader of its answer. A query sent from a port other than 5353 is a "legacy unicast" one: the responder answers the
/// sender directly. Answers are hostile: a name's compression pointers may loop or point past the end, counts may lie;
/// the reader stops at the first thing out of bounds and keeps what it read before.
/// </summary>
public static class DnsSd
{
    /// <summary>mDNS's port.</summary>
    public const int Port = 5353;

    /// <summary>The name whose PTR records list every service type a host offers (RFC 6763 §9).</summary>
    public const string Enumeration = "_services._dns-sd._udp.local";

    /// <summary>
    /// Service types asked for at once with the enumeration, as cameras announce them: Axis's own video and recorder
    /// types, the web and RTSP servers Hikvision and others name their instances under, PSIA, and the device-info TXT
    /// computers give their model in.
    /// </summary>
    public static IReadOnlyList<string> CameraTypes { get; } =
        ["_axis-video._tcp.local", "_axis-nvr._tcp.local", "_http._tcp.local", "_rtsp._tcp.local", "_psia._tcp.local", "_device-info._tcp.local"];

    /// <summary>Other types the enumeration names that are asked for in a second query, at most.</summary>
    public const int MoreTypes = 8;

    private const int MaxRecords = 64, MaxJumps = 16, MaxName = 255;
    private const ushort Ptr = 12, Txt = 16, In = 1;

    /// <summary>A service instance found: its type, its name (the instance label, as the device wrote it) and its TXT strings.</summary>
    public sealed record Instance(string Type, string Name, IReadOnlyList<string> Txt);

    /// <summary>What a host said: the service types it lists and the instances of the types asked for.</summary>
    public sealed record Answer(IReadOnlyList<string> Types, IReadOnlyList<Instance> Instances);

    /// <summary>A query with one PTR question (class IN, unicast response wanted) for each name.</summary>
    public static byte[] Query(ushort id, IEnumerable<string> names)
    {
        var questions = names.ToList();
        var message = new List<byte>();
        Header(message, id, flags: 0, questions.Count, 0, 0);
        foreach (var name in questions)
        {
            WriteName(message, name);
            Short(message, Ptr);
            Short(message, In | 0x8000); // the QU bit: answer to the sender
        }
        return [.. message];
    }

    /// <summary>
    /// A responder's answer to <paramref name="id"/>: PTR records for the types it offers of <paramref name="asked"/>
    /// (instance names) and of the enumeration (type names), and TXT records of those instances, from any section.
    /// </summary>
    public static byte[] Response(ushort id, IEnumerable<string> asked, IReadOnlyList<Instance> offered)
    {
        var records = new List<(string Owner, ushort Type, byte[] Data)>();
        foreach (var name in asked.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (string.Equals(name, Enumeration, StringComparison.OrdinalIgnoreCase))
            {
                records.AddRange(offered.Select(i => i.Type).Distinct(StringComparer.OrdinalIgnoreCase).Select(t => (Enumeration, Ptr, NameBytes(t))));
                continue;
            }
            foreach (var instance in offered.Where(i => string.Equals(i.Type, name, StringComparison.OrdinalIgnoreCase)))
            {
                var full = InstanceName(instance);
                records.Add((name, Ptr, NameBytes(full)));
                records.Add((full, Txt, [.. instance.Txt.SelectMany(s => Encoding.UTF8.GetBytes(s).Take(255).Prepend((byte)Math.Min(255, Encoding.UTF8.GetByteCount(s))))]));
            }
        }
        var message = new List<byte>();
        Header(message, id, flags: 0x8400, 0, records.Count, 0); // a response, authoritative
        foreach (var (owner, type, data) in records)
        {
            WriteName(message, owner);
            Short(message, type);
            Short(message, In);
            message.AddRange([0, 0, 0, 10]); // legacy unicast answers carry a TTL of at most 10 s
            Short(message, (ushort)data.Length);
            message.AddRange(data);
        }
        return [.. message];
    }

    /// <summary>The questions of a query, or null when <paramref name="query"/> is not one.</summary>
    public static (ushort Id, List<string> Names)? Questions(ReadOnlySpan<byte> query)
    {
        if (query.Length < 12 || (query[2] & 0x80) != 0)
        {
            return null;
        }
        var names = new List<string>();
        var at = 12;
        for (var i = 0; i < Math.Min((int)BinaryPrimitives.ReadUInt16BigEndian(query[4..]), MaxRecords); i++)
        {
            if (ReadName(query, ref at) is not { } name || at + 4 > query.Length)
            {
                return null;
            }
            at += 4;
            names.Add(string.Join('.', name));
        }
        return (BinaryPrimitives.ReadUInt16BigEndian(query), names);
    }

    /// <summary>
    /// Reads an answer to the query <paramref name="id"/>; null when it is not one (another ID, not a response, too short).
    /// Instances are those of <paramref name="asked"/> types, each with the TXT strings given for it.
    /// </summary>
    public static Answer? Read(ReadOnlySpan<byte> reply, ushort id, IReadOnlyCollection<string> asked)
    {
        if (reply.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(reply) != id || (reply[2] & 0x80) == 0)
        {
            return null;
        }
        var count = 0;
        for (var section = 4; section <= 10; section += 2)
        {
            count += BinaryPrimitives.ReadUInt16BigEndian(reply[section..]);
        }
        var at = 12;
        for (var i = 0; i < BinaryPrimitives.ReadUInt16BigEndian(reply[4..]); i++)
        {
            if (ReadName(reply, ref at) is null || at + 4 > reply.Length)
            {
                return new([], []);
            }
            at += 4;
        }
        var types = new List<string>();
        var instances = new List<(string Type, string Full, List<string> Label)>();
        var texts = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Math.Min(count, MaxRecords); i++)
        {
            if (ReadName(reply, ref at) is not { } owner || at + 10 > reply.Length)
            {
                break;
            }
            var type = BinaryPrimitives.ReadUInt16BigEndian(reply[at..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(reply[(at + 8)..]);
            var data = at + 10;
            at = data + length;
            if (at > reply.Length)
            {
                break;
            }
            var ownerName = string.Join('.', owner);
            if (type == Ptr)
            {
                var pointer = data;
                if (ReadName(reply, ref pointer) is not { Count: > 0 } target || pointer > at)
                {
                    continue;
                }
                if (string.Equals(ownerName, Enumeration, StringComparison.OrdinalIgnoreCase))
                {
                    types.Add(string.Join('.', target));
                }
                else if (asked.Contains(ownerName, StringComparer.OrdinalIgnoreCase))
                {
                    instances.Add((ownerName, string.Join('.', target), target));
                }
            }
            else if (type == Txt)
            {
                texts[ownerName] = TxtStrings(reply[data..at]);
            }
        }
        return new(types.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            instances.DistinctBy(i => i.Full, StringComparer.OrdinalIgnoreCase)
                .Select(i => new Instance(i.Type, i.Label[0], texts.GetValueOrDefault(i.Full) ?? [])).ToList());
    }

    /// <summary>An instance's full name: its label, then its type.</summary>
    public static string InstanceName(Instance instance) => $"{instance.Name.Replace(".", "\\.", StringComparison.Ordinal)}.{instance.Type}";

    private static List<string> TxtStrings(ReadOnlySpan<byte> data)
    {
        var strings = new List<string>();
        for (var at = 0; at < data.Length;)
        {
            var length = data[at];
            if (at + 1 + length > data.Length)
            {
                break;
            }
            if (length > 0)
            {
                strings.Add(Encoding.UTF8.GetString(data.Slice(at + 1, length)));
            }
            at += 1 + length;
        }
        return strings;
    }

    // A name's labels, following compression pointers (each only backwards, at most MaxJumps); null when out of bounds.
    // `at` moves past the name where it is written, not where a pointer leads.
    private static List<string>? ReadName(ReadOnlySpan<byte> message, ref int at)
    {
        var labels = new List<string>();
        var position = at;
        var jumps = 0;
        var size = 0;
        while (true)
        {
            if (position >= message.Length)
            {
                return null;
            }
            var length = message[position];
            if (length == 0)
            {
                if (jumps == 0)
                {
                    at = position + 1;
                }
                return labels;
            }
            if ((length & 0xC0) == 0xC0)
            {
                if (position + 1 >= message.Length)
                {
                    return null;
                }
                var target = ((length & 0x3F) << 8) | message[position + 1];
                if (jumps == 0)
                {
                    at = position + 2;
                }
                if (++jumps > MaxJumps || target >= position)
                {
                    return null; // a loop, or a pointer forwards
                }
                position = target;
                continue;
            }
            if ((length & 0xC0) != 0 || position + 1 + length > message.Length || (size += length + 1) > MaxName)
            {
                return null;
            }
            labels.Add(Encoding.UTF8.GetString(message.Slice(position + 1, length)));
            position += 1 + length;
        }
    }

    private static byte[] NameBytes(string name)
    {
        var bytes = new List<byte>();
        WriteName(bytes, name);
        return [.. bytes];
    }

    // A dotted name's labels; "\." inside a label (an instance name's own dots) stays in the label.
    private static void WriteName(List<byte> message, string name)
    {
        foreach (var label in name.Replace("\\.", "\u0000", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = Encoding.UTF8.GetBytes(label.Replace('\u0000', '.'));
            message.Add((byte)Math.Min(bytes.Length, 63));
            message.AddRange(bytes.Take(63));
        }
        message.Add(0);
    }

    private static void Header(List<byte> message, ushort id, ushort flags, int questions, int answers, int additional)
    {
        Short(message, id);
        Short(message, flags);
        Short(message, (ushort)questions);
        Short(message, (ushort)answers);
        Short(message, 0);
        Short(message, (ushort)additional);
    }

    private static void Short(List<byte> message, int value)
    {
        message.Add((byte)(value >> 8));
        message.Add((byte)value);
    }
}
