using System.Net;
using Sightline.Scope;

namespace Sightline.Scanning;

/// <summary>
/// The operator's credentials file: one line per rule, <c>TARGET USER PASSWORD</c>, where TARGET is a CIDR, range or
/// address, <c>maker:ID</c> (a platform maker's id, matched against what the device said before any login), or
/// <c>*</c>. The first matching line wins. Passwords are held in memory only, and never printed, logged or stored.
/// </summary>
public sealed class ScanCredentials
{
    private readonly List<(AddressRange? Range, string? Maker, Credential Credential)> _rules;

    private ScanCredentials(List<(AddressRange?, string?, Credential)> rules) => _rules = rules;

    /// <summary>How many rules the file holds.</summary>
    public int Count => _rules.Count;

    /// <summary>The credential for a device, if a rule matches its address or its pre-login platform maker.</summary>
    public Credential? For(IPAddress address, string? maker) =>
        _rules.FirstOrDefault(r => r.Range is { } range ? range.Contains(address) : r.Maker is null || r.Maker == maker).Credential;

    /// <summary>Reads a credentials file; every bad line is named by number (never by content, which may hold a password).</summary>
    public static (ScanCredentials? Credentials, List<string> Problems) Read(string path) => Parse(File.ReadLines(path), path);

    /// <summary>Reads credential lines given in another way (a web form); problems are named "<paramref name="source"/>:LINE".</summary>
    public static (ScanCredentials? Credentials, List<string> Problems) Parse(IEnumerable<string> lines, string source)
    {
        var rules = new List<(AddressRange?, string?, Credential)>();
        var problems = new List<string>();
        var number = 0;
        foreach (var raw in lines.Take(10_000))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
            {
                problems.Add($"{source}:{number}: expected TARGET USER PASSWORD");
                continue;
            }
            var credential = new Credential(fields[1], fields[2]);
            if (fields[0] == "*")
            {
                rules.Add((null, null, credential));
            }
            else if (fields[0].StartsWith("maker:", StringComparison.OrdinalIgnoreCase) && fields[0].Length > 6)
            {
                rules.Add((null, fields[0][6..].ToLowerInvariant(), credential));
            }
            else if (ScanScope.ParseTarget(fields[0], out var problem) is { } range)
            {
                rules.Add((range, null, credential));
            }
            else
            {
                problems.Add($"{source}:{number}: target '{fields[0]}': {problem}");
            }
        }
        return (problems.Count == 0 ? new ScanCredentials(rules) : null, problems);
    }
}
