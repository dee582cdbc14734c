namespace Sightline.Knowledge;

/// <summary>Checks shared by every table: references, regular expressions, dates, provenance.</summary>
public sealed partial class KnowledgeBase
{
    private Maker? MakerRef(KnowledgeRow row, string column, List<string> problems)
    {
        if (_makers.TryGetValue(row[column], out var maker))
        {
            return maker;
        }
        problems.Add($"{row.Where(column)}: '{row[column]}' is not a maker id in makers.csv");
        return null;
    }

    private static LinearPattern? ModelRegex(KnowledgeRow row, string column, bool anchored, List<string> problems)
    {
        var pattern = row[column];
        return LinearPattern.Parse(anchored && !pattern.StartsWith('^') ? "^(?:" + pattern + ")" : pattern, ignoreCase: true, row.Where(column), problems);
    }

    private static FirmwareVersion? Firmware(KnowledgeRow row, string column, List<string> problems)
    {
        if (row.Optional(column) is not { } text)
        {
            return null;
        }
        var version = FirmwareVersion.Parse(text);
        if (version is null)
        {
            problems.Add($"{row.Where(column)}: '{text}' has neither version numbers nor a build date");
        }
        return version;
    }

    private static PartialDate? DateRef(KnowledgeRow row, string column, List<string> problems)
    {
        if (row.Optional(column) is not { } text)
        {
            return null;
        }
        var date = PartialDate.Parse(text);
        if (date is null)
        {
            problems.Add($"{row.Where(column)}: '{text}' is not a date (yyyy, yyyy-mm or yyyy-mm-dd)");
        }
        return date;
    }

    private static void CheckProvenance(KnowledgeRow row, List<string> problems)
    {
        // Generated tables repeat one source and date on every row; check each pair once.
        if (CheckedProvenance.Contains((row["source"], row["checked"])))
        {
            return;
        }
        if (HasUrl(row["source"]) && PartialDate.Parse(row["checked"]) is not null)
        {
            CheckedProvenance.Add((row["source"], row["checked"]));
            return;
        }
        if (!HasUrl(row["source"]))
        {
            problems.Add($"{row.Where("source")}: no source URL");
        }
        if (PartialDate.Parse(row["checked"]) is null)
        {
            problems.Add($"{row.Where("checked")}: no checked date (yyyy-mm-dd)");
        }
    }

    [ThreadStatic]
    private static HashSet<(string, string)>? _checkedProvenance;

    private static HashSet<(string, string)> CheckedProvenance => _checkedProvenance ??= [];

    private static void CheckDimension(KnowledgeRow row, List<string> problems)
    {
        if (row["dimension"] is not ("human-rights" or "security"))
        {
            problems.Add($"{row.Where("dimension")}: dimension must be human-rights or security");
        }
    }

    private static void CheckYesNo(KnowledgeRow row, string column, List<string> problems)
    {
        if (row[column] is not ("yes" or "no"))
        {
            problems.Add($"{row.Where(column)}: {column} must be yes or no");
        }
    }

    private static bool HasUrl(string source) =>
        source.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } urls
        && urls.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");

    private static bool IsSlug(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
