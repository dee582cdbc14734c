using System.Diagnostics;
using System.Globalization;
using Sightline.Identification;
using Sightline.Knowledge;

// Identification throughput on one thread (the run script pins the process to one core) for a mixed stream of
// observations: every capture in the given corpus folders (real responses and our handmade ones, in their real
// proportions of kinds) interleaved with asset-list entries, grouped into devices of five observations each.
// What identifies one device and not its model is made unique per observation, as on a real network: digest
// challenges carry a fresh nonce, mDNS names and serial numbers differ, and each MAC is another address. Banners
// shared by every device of a model (Server headers, titles, favicons) repeat, as they do in the field.
// The named reference, measured in the same run on the same stream, is reading alone: what parsing the
// observations costs before any rule runs.
//   dotnet Sightline.Bench.Identify.dll KNOWLEDGE_DIR OBSERVATIONS CORPUS_DIR...
var knowledge = KnowledgeBase.Load(args[0]);
var total = int.Parse(args[1], CultureInfo.InvariantCulture);
var captures = new List<Observation>();
foreach (var folder in args[2..])
{
    foreach (var line in File.ReadLines(Path.Combine(folder, "index.tsv")).Skip(1))
    {
        var cells = line.Split('\t');
        if (cells.Length > 1 && ObservationKinds.IsKnown(cells[1]))
        {
            captures.Add(ObservationFile.Read(Path.Combine(folder, cells[0]), cells[1]).Observation);
        }
    }
}
string[][] labels =
[
    ["Hikvision", "DS-2CD2143G2-I", "V5.7.3 build 220112", "DS-2CD2143G2-I20220112AAWRJ12345678", "44:19:B6:12:34:56"],
    ["Dahua", "IPC-HFW2431S-S-S2", "V2.800.0000000.16.R", "6J0123PAZ00042", "3C:EF:8C:00:11:22"],
    ["Lorex", "E841CA", "V2.800.00LR004.0.R", "ND021811019863", "3C:EF:8C:0A:0B:0C"],
    ["Axis", "P3245-LVE", "10.12.153", "ACCC8E123456", "AC:CC:8E:12:34:56"],
    ["Hanwha Vision", "XNV-6080R", "2.21.02_20230405", "ZC7B6V2K1234", "00:09:18:AA:BB:CC"],
    ["truVision", "TVGP-P01-0402-PTZ-G", "V5.6.0 build 200708", "TV0402123", "C0:56:E3:01:02:03"],
    ["Bosch", "FLEXIDOME IP 5000i", "7.80.0128", "044123456789", "00:04:63:12:34:56"],
    ["Avigilon", "H5A-DO-IR", "4.22.0.24", "AV1234", "02:00:00:00:00:01"],
];
var register = labels.SelectMany(l => Identifier.FromRegister(l[0], l[1], l[2], l[3], l[4])).ToList();
// The stream: captures and asset-list observations in turn, so both kinds of evidence are exercised.
// In documents (XML, JSON, key=value, whole responses) the serials, MACs, UUIDs, addresses and nonces are found once
// per capture and given other values of the same shape for every observation, so that no document and no
// per-device field value repeats, while model names, firmware and namespaces do, as on a network.
var perDevice = captures.Select(PerDeviceValues).ToList();
var stream = new Observation[total];
for (var i = 0; i < total; i++)
{
    stream[i] = i % 2 == 0 ? Unique(captures[i / 2 % captures.Count], perDevice[i / 2 % captures.Count], i) : Unique(register[i / 2 % register.Count], [], i);
}
const int PerDevice = 5;
var identifier = new Identifier(knowledge);
Run(stream.Length / 10); // warm up: builds each rule's automaton and lets the JIT settle

var reading = Time(() =>
{
    var fields = 0L;
    foreach (var observation in stream)
    {
        fields += ObservationDocument.Read(observation).Fields.Count;
    }
    return fields;
});
var (gen0, gen1, gen2, paused, allocated) = (0, 0, 0, TimeSpan.Zero, 0L);
var withPlatform = 0L;
var identifying = Time(() =>
{
    (gen0, gen1, gen2, paused, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetAllocatedBytesForCurrentThread());
    withPlatform = Run(stream.Length);
    (gen0, gen1, gen2, paused, allocated) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - paused, GC.GetAllocatedBytesForCurrentThread() - allocated);
    return withPlatform;
});

Console.WriteLine($"knowledge {knowledge.Version}: {knowledge.Rules.Count} rules, {knowledge.ModelPatterns.Count} model patterns, {knowledge.OuiBlocks.Count} MAC blocks");
Console.WriteLine($"stream: {total:N0} observations ({captures.Count} distinct captures of {captures.Select(c => c.Kind).Distinct().Count()} kinds, {register.Count} asset-list observations), {PerDevice} per device");
Console.WriteLine($"reading only (reference): {Rate(reading.Clock):N0} observations/s ({reading.Clock.TotalSeconds:0.00} s; {Rate(reading.Cpu):N0} a second of CPU)");
Console.WriteLine($"identifying (claims and a verdict per device): {Rate(identifying.Clock):N0} observations/s ({identifying.Clock.TotalSeconds:0.00} s; {Rate(identifying.Cpu):N0} a second of CPU), {identifying.Clock.TotalSeconds / reading.Clock.TotalSeconds:0.0}× the reference");
Console.WriteLine($"devices given a platform: {withPlatform:N0} of {(total + PerDevice - 1) / PerDevice:N0}");
Console.WriteLine($"garbage collection while identifying: {gen0:N0} gen0, {gen1:N0} gen1, {gen2:N0} gen2 collections, {paused.TotalSeconds:0.00} s paused; {allocated / total:N0} bytes allocated an observation");
Console.WriteLine(Rate(identifying.Clock) >= 200_000 ? "target ≥ 200,000 observations/s on one core: PASS" : "target ≥ 200,000 observations/s on one core: FAIL");
return Rate(identifying.Clock) >= 200_000 ? 0 : 1;

long Run(int count)
{
    var claims = new List<Claim>();
    var notes = new List<string>();
    var known = 0L;
    for (var start = 0; start < count; start += PerDevice)
    {
        claims.Clear();
        notes.Clear();
        for (var i = start; i < Math.Min(start + PerDevice, count); i++)
        {
            identifier.AddClaims(stream[i], i - start, claims, notes);
        }
        known += identifier.Decide(claims, notes).Platform is null ? 0 : 1;
    }
    return known;
}


static Observation Unique(Observation observation, string[] perDevice, int i) => observation.Kind switch
{
    "http.www-authenticate" => observation with { Value = $"{observation.Value}, nonce=\"{i:x8}\"" },
    "mdns.instance" or ObservationKinds.RegisterSerial => observation with { Value = $"{observation.Value}{i}" },
    ObservationKinds.Mac when observation.Value.Length >= 8 => observation with { Value = $"{observation.Value[..8]}:{i >> 16 & 0xFF:X2}:{i >> 8 & 0xFF:X2}:{i & 0xFF:X2}" },
    _ when perDevice.Length > 0 => observation with { Value = perDevice.Aggregate(observation.Value, (text, value) => text.Replace(value, Vary(value, i), StringComparison.Ordinal)) },
    _ => observation,
};

// The values in a document that belong to one device, longest first: those of fields that name a serial, MAC,
// device id or address, and anything shaped like a MAC, a UUID, a digest nonce or an address in a URL.
static string[] PerDeviceValues(Observation observation)
{
    if (ObservationKinds.FormatOf(observation.Kind) == ObservationFormat.Text)
    {
        return [];
    }
    var fromFields = ObservationDocument.Read(observation).Fields
        .Where(f => PerDeviceField().IsMatch(f.Key) && f.Value.Length >= 4)
        .Select(f => f.Value);
    var fromText = PerDeviceText().Matches(observation.Value).Select(m => m.Groups["v"].Value);
    return [.. fromFields.Concat(fromText).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
}

// Another value of the same shape: the last six letters and digits are replaced by ones counted from i
// (digits by digits, hex letters by hex letters in the same case, other letters kept), so MAC blocks, serial
// layouts and dates stay what they were.
static string Vary(string value, int i)
{
    var chars = value.ToCharArray();
    var n = i;
    for (int at = chars.Length - 1, changed = 0; at >= 0 && changed < 6; at--)
    {
        var c = chars[at];
        if (char.IsAsciiDigit(c))
        {
            chars[at] = (char)('0' + n % 10);
            n /= 10;
        }
        else if (char.IsAsciiHexDigitLower(c) || char.IsAsciiHexDigitUpper(c))
        {
            chars[at] = (char)((char.IsAsciiLetterUpper(c) ? 'A' : 'a') + n % 6);
            n /= 6;
        }
        else if (!char.IsAsciiLetter(c))
        {
            continue;
        }
        changed++;
    }
    return new string(chars);
}

// The clock is the figure; the process's CPU time beside it shows how much of the clock other work on a shared
// core took (the run script pins the process to one core, but not everything else off it).
(TimeSpan Clock, TimeSpan Cpu) Time(Func<long> work)
{
    // What setting up left behind (the stream, the warm-up's garbage) is collected before the clock starts, not during.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var cpu = Environment.CpuUsage.TotalTime;
    var clock = Stopwatch.StartNew();
    GC.KeepAlive(work());
    return (clock.Elapsed, Environment.CpuUsage.TotalTime - cpu);
}

double Rate(TimeSpan elapsed) => total / elapsed.TotalSeconds;

partial class Program
{
    [System.Text.RegularExpressions.GeneratedRegex("(?i)^(?:serial(?:number|no)?|sn|devicesn|deviceid|mac|macaddress|hwaddress|physaddress|machinename|ipaddress)$")]
    private static partial System.Text.RegularExpressions.Regex PerDeviceField();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<v>\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b)|uuid:(?<v>[0-9A-Za-z-]{12,})|nonce=""(?<v>[^""]{4,})""|https?://(?<v>\d{1,3}(?:\.\d{1,3}){3})\b")]
    private static partial System.Text.RegularExpressions.Regex PerDeviceText();
}
