using System.Text.Json;

namespace Sightline.Procurement;

/// <summary>
/// The versioned exclusion grounds (knowledge/procurement/exclusion-grounds.json), with the look-back in years: an event
/// older than that no longer makes a ground apply.
/// </summary>
public sealed record ExclusionGrounds(string Id, string Version, string Checked, int LookBackYears, IReadOnlyList<ExclusionGround> All)
{
    /// <summary>The shipped grounds, inside the knowledge folder.</summary>
    public const string ShippedFile = "procurement/exclusion-grounds.json";

    /// <summary>The ground with this ID, or null.</summary>
    public ExclusionGround? Find(string id) => All.FirstOrDefault(g => string.Equals(g.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether an event on <paramref name="happened"/> still counts on <paramref name="today"/>: the look-back period begins on
    /// the day of the event and lasts <see cref="LookBackYears"/> years, so on that anniversary it no longer counts.
    /// </summary>
    public bool Counts(DateOnly happened, DateOnly today) => today < happened.AddYears(LookBackYears);

    /// <summary>
    /// The earliest day an event can have happened and still count on <paramref name="today"/> (shown beside the
    /// assessments). Found by asking <see cref="Counts"/> so that 29 February resolves exactly as the rule does.
    /// </summary>
    public DateOnly LookBackFrom(DateOnly today)
    {
        var day = today.AddYears(-LookBackYears);
        while (!Counts(day, today))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>The shipped grounds, read from <paramref name="knowledgeFolder"/>.</summary>
    /// <exception cref="FormatException">The file is missing or has problems; the message names each place.</exception>
    public static ExclusionGrounds Shipped(string knowledgeFolder)
    {
        var (json, path) = ProcurementJson.Shipped(knowledgeFolder, ShippedFile, "the exclusion grounds are missing");
        return Parse(json, path);
    }

    /// <summary>Reads the grounds from JSON; every problem's message starts with <paramref name="where"/> and names its JSON path.</summary>
    /// <exception cref="FormatException">Every problem found.</exception>
    public static ExclusionGrounds Parse(string json, string where)
    {
        using (var document = ProcurementJson.Parse(json, where))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where}: the file must hold one JSON object");
            }
            var problems = new List<string>();
            string Text(JsonElement e, string name, string at)
            {
                if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0)
                {
                    return v.GetString()!.Trim();
                }
                problems.Add($"{at}{name}: give a non-empty string");
                return "";
            }
            var id = Text(root, "id", "");
            var version = Text(root, "version", "");
            var checkedOn = Text(root, "checked", "");
            var years = root.TryGetProperty("look_back_years", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var n) && n > 0 ? n : 0;
            if (years == 0)
            {
                problems.Add("look_back_years: give a whole number of years above 0");
            }
            var grounds = new List<ExclusionGround>();
            if (!root.TryGetProperty("grounds", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                problems.Add("grounds: give a list of one or more grounds");
            }
            else
            {
                var i = 0;
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var g in list.EnumerateArray())
                {
                    var at = $"grounds[{i++}].";
                    if (g.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add($"{at[..^1]}: give an object");
                        continue;
                    }
                    var groundId = Text(g, "id", at);
                    var label = Text(g, "label", at);
                    var schedule = g.TryGetProperty("schedule", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var k) ? k : 0;
                    if (schedule is not (6 or 7))
                    {
                        problems.Add($"{at}schedule: give 6 (mandatory) or 7 (discretionary)");
                    }
                    var cdp = g.TryGetProperty("cdp", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    var security = g.TryGetProperty("national_security", out var ns) && ns.ValueKind == JsonValueKind.True;
                    if (groundId.Length > 0 && !seen.Add(groundId))
                    {
                        problems.Add($"{at}id: '{groundId}' is given twice");
                    }
                    grounds.Add(new ExclusionGround(groundId, schedule, cdp, label, security));
                }
            }
            if (problems.Count > 0)
            {
                throw new FormatException(string.Join('\n', problems.Select(p => $"{where}: {p}")));
            }
            return new ExclusionGrounds(id, version, checkedOn, years, grounds);
        }
    }
}
