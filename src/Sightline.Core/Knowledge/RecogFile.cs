using System.Globalization;
using System.Text;
using System.Xml;
using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>
/// Reads fingerprints in Rapid7 Recog's XML format (BSD-2-Clause), which users may put in <c>knowledge/recog/</c>;
/// Sightline ships none of them. Each fingerprint becomes a rule: its <c>hw.vendor</c> a brand claim (the brand's
/// makers then give the platform, as for any brand), <c>hw.product</c>/<c>hw.model</c> a model claim,
/// <c>hw.device</c> a device class, <c>host.mac</c> a MAC. Fingerprints for databases Sightline has no
/// observation kind for, or whose patterns need a backtracking engine, are skipped and counted.
/// </summary>
internal static class RecogFile
{
    private const double Weight = 0.6;

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["http_header.server"] = "http.server",
        ["html_title"] = "http.title",
        ["http_header.wwwauth"] = "http.www-authenticate",
        ["favicon.md5"] = "http.favicon.md5",
        ["x509.subject"] = "tls.subject",
        ["rtsp_header.server"] = "rtsp.server",
        ["telnet.banner"] = "telnet.banner",
        ["ftp.banner"] = "ftp.banner",
        ["dhcp.vendor_class"] = "dhcp.vendor-class",
        ["snmp.sys_description"] = "snmp.sysdescr",
        ["snmp.sys_object_id"] = "snmp.sysobjectid",
    };

    private static readonly (string Word, string Class)[] Devices =
    [
        ("camera", "camera"), ("webcam", "camera"), ("web cam", "camera"), ("nvr", "nvr"), ("dvr", "dvr"), ("encoder", "encoder"),
        ("router", "router"), ("printer", "printer"), ("print server", "print-server"), ("nas", "nas"), ("storage", "nas"),
        ("wap", "access-point"), ("access point", "access-point"), ("switch", "switch"), ("voip", "phone"), ("phone", "phone"),
    ];

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 64L * 1024 * 1024,
        IgnoreComments = true,
    };

    /// <summary>The rules in one Recog file; problems that make the file unreadable are noted, skipped fingerprints counted in <paramref name="notes"/>.</summary>
    public static List<FingerprintRule> Read(string path, string name, List<string> problems, List<string> notes)
    {
        var rules = new List<FingerprintRule>();
        var checkedOn = File.GetLastWriteTimeUtc(path).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var source = $"https://github.com/rapid7/recog/blob/main/xml/{Uri.EscapeDataString(Path.GetFileName(path))}";
        var (skippedKind, skippedPattern, number) = (0, 0, 0);
        try
        {
            using var reader = XmlReader.Create(path, Settings);
            reader.MoveToContent();
            var matches = reader.GetAttribute("matches") ?? "";
            if (!Kinds.TryGetValue(matches, out var kind))
            {
                notes.Add($"{name}: Recog database '{matches}' has no Sightline observation kind; its fingerprints were skipped");
                return rules;
            }
            while (reader.ReadToFollowing("fingerprint"))
            {
                number++;
                using var fingerprint = reader.ReadSubtree();
                var rule = ReadFingerprint(fingerprint, kind, $"{name}: fingerprint {number}", $"recog.{Path.GetFileNameWithoutExtension(path)}.{number}",
                    new Provenance(source, checkedOn, $"{name}, fingerprint {number}"), out var unusable);
                if (rule is not null)
                {
                    rules.Add(rule);
                }
                else if (unusable)
                {
                    skippedPattern++;
                }
                else
                {
                    skippedKind++;
                }
            }
        }
        catch (XmlException e)
        {
            problems.Add($"{name}:{e.LineNumber}:{e.LinePosition}: not readable as a Recog file: {e.Message.Split('\n')[0]}");
        }
        if (skippedPattern + skippedKind > 0)
        {
            notes.Add($"{name}: {rules.Count} of {number} fingerprints loaded; {skippedPattern} need a backtracking regex engine, {skippedKind} claim nothing Sightline uses or have no example");
        }
        return rules;
    }

    private static FingerprintRule? ReadFingerprint(XmlReader reader, string kind, string where, string id, Provenance provenance, out bool unusable)
    {
        unusable = false;
        reader.MoveToContent();
        var pattern = reader.GetAttribute("pattern") ?? "";
        var flags = reader.GetAttribute("flags") ?? "";
        var description = "";
        var examples = new List<RuleExample>();
        var claims = new List<RuleClaim>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (reader.LocalName)
            {
                case "description":
                    description = reader.ReadElementContentAsString().Trim();
                    break;
                case "example":
                    var base64 = reader.GetAttribute("_encoding") == "base64";
                    var text = reader.ReadElementContentAsString();
                    examples.Add(new RuleExample(base64 ? Decode(text) : text, new Dictionary<ClaimType, string>()));
                    break;
                case "param":
                    if (Claim(reader.GetAttribute("name"), reader.GetAttribute("pos"), reader.GetAttribute("value")) is { } claim)
                    {
                        claims.Add(claim);
                    }
                    break;
                default:
                    break;
            }
        }
        if (claims.Count == 0 || examples.Count == 0)
        {
            return null; // Every rule needs an example that checks it.
        }
        var options = (flags.Contains("REG_ICASE", StringComparison.Ordinal) ? "i" : "") + (flags.Contains("REG_DOT_NEWLINE", StringComparison.Ordinal) ? "s" : "");
        var ignored = new List<string>();
        var linear = LinearPattern.Parse(options.Length > 0 ? $"(?{options}){pattern}" : pattern, ignoreCase: false, where, ignored);
        if (linear is null)
        {
            unusable = true;
            return null;
        }
        return new FingerprintRule(id, kind, null, linear, description, claims, examples, [], provenance);
    }

    private static RuleClaim? Claim(string? name, string? position, string? value)
    {
        var fromGroup = int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var group) && group > 0;
        var text = fromGroup ? $"{{{group}}}" : value ?? "";
        if (text.Length == 0 || text.Contains("{service", StringComparison.Ordinal) || text.Contains("{hw.", StringComparison.Ordinal))
        {
            return null; // Interpolations of other params are not followed.
        }
        return name switch
        {
            "hw.vendor" => new RuleClaim(ClaimType.Brand, text, Weight),
            "hw.product" or "hw.model" => new RuleClaim(ClaimType.Model, text, Weight),
            "host.mac" => new RuleClaim(ClaimType.Mac, text, 1),
            "hw.device" when !fromGroup && DeviceClassOf(text) is { } deviceClass => new RuleClaim(ClaimType.Class, deviceClass, Weight),
            _ => null,
        };
    }

    private static string? DeviceClassOf(string device)
    {
        foreach (var (word, deviceClass) in Devices)
        {
            if (device.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return deviceClass;
            }
        }
        return null;
    }

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException)
        {
            return base64;
        }
    }
}
