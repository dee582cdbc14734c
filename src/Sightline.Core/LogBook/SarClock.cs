using System.Globalization;

namespace Sightline.LogBook;

/// <summary>
/// The time limit of a subject access request (UK GDPR Art. 12(3)) as the ICO counts it: from the day the request arrives
/// (or the day identity evidence or a clarification asked for arrives) to the same date in the next month; the last day of
/// that month when it has no such date (31 January → 28 or 29 February); the next working day when that is a weekend or
/// a bank holiday. An extension adds up to two further months, counted the same way from the same start.
/// Bank holidays of England and Wales come from knowledge/logbook/bank-holidays.csv; after its last year only weekends move a day.
/// </summary>
public sealed class SarClock
{
    /// <summary>The shipped bank holidays, inside the knowledge folder.</summary>
    public const string ShippedFile = "logbook/bank-holidays.csv";

    /// <summary>Days before the due date from which a request is flagged as due soon.</summary>
    public const int SoonDays = 7;

    /// <summary>The most further months an extension may add.</summary>
    public const int MaxExtensionMonths = 2;

    private readonly HashSet<DateOnly> _holidays;

    /// <summary>A clock that also skips <paramref name="holidays"/>.</summary>
    public SarClock(IEnumerable<DateOnly> holidays) => _holidays = [.. holidays];

    /// <summary>Whether work is done on a day: not a Saturday, a Sunday or a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The day a request whose clock started on <paramref name="start"/> must be answered by, with <paramref name="extensionMonths"/> more months.</summary>
    public DateOnly Due(DateOnly start, int extensionMonths = 0)
    {
        var day = start.AddMonths(1 + extensionMonths);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>The day <paramref name="request"/> must be answered by.</summary>
    public DateOnly Due(SubjectAccessRequest request) => Due(request.ClockStarted ?? request.Received, request.ExtensionMonths);

    /// <summary>The day it was due before any extension: the requester must be told of an extension by then.</summary>
    public DateOnly FirstDue(SubjectAccessRequest request) => Due(request.ClockStarted ?? request.Received);

    /// <summary>"overdue", "due soon" (within <see cref="SoonDays"/> days), or null: only for a request not yet answered.</summary>
    public string? Flag(SubjectAccessRequest request, DateOnly today)
    {
        if (request.Supplied is not null || request.Closed is not null)
        {
            return null;
        }
        var left = Due(request).DayNumber - today.DayNumber;
        return left < 0 ? "overdue" : left <= SoonDays ? "due soon" : null;
    }

    /// <summary>
    /// The shipped bank holidays, read from <paramref name="knowledgeFolder"/> once for the process, as the knowledge base
    /// is loaded once: the dashboard and every log book page ask for the clock.
    /// </summary>
    /// <exception cref="FormatException">The file is missing or a line is wrong; the message names the file and line.</exception>
    public static SarClock Shipped(string knowledgeFolder)
    {
        var path = Path.GetFullPath(Path.Combine(knowledgeFolder, ShippedFile));
        if (Read.TryGetValue(path, out var clock))
        {
            return clock;
        }
        if (!File.Exists(path))
        {
            throw new FormatException($"{path}: the bank holidays are missing");
        }
        return Read.GetOrAdd(path, Parse(File.ReadAllLines(path), path));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SarClock> Read = new(StringComparer.Ordinal);

    /// <summary>Reads `date,name,source,checked` lines after a header; every row needs its source URL and the day it was checked.</summary>
    /// <exception cref="FormatException">Every problem, with its line.</exception>
    public static SarClock Parse(IReadOnlyList<string> lines, string where)
    {
        var problems = new List<string>();
        var days = new List<DateOnly>();
        if (lines.Count == 0 || lines[0].Trim() != "date,name,source,checked")
        {
            problems.Add("line 1: the header must be date,name,source,checked");
        }
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            var cells = lines[i].Split(',');
            if (cells.Length != 4 || !DateOnly.TryParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ||
                cells[1].Trim().Length == 0 || !cells[2].StartsWith("https://", StringComparison.Ordinal) ||
                !DateOnly.TryParseExact(cells[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"line {i + 1}: give a date (YYYY-MM-DD), a name, an https source and the day it was checked");
                continue;
            }
            days.Add(day);
        }
        if (problems.Count > 0)
        {
            throw new FormatException(string.Join('\n', problems.Select(p => $"{where}: {p}")));
        }
        return new SarClock(days);
    }
}
