using System.Globalization;

namespace Sightline.Data.Reports;

/// <summary>The days a report covers, both included; its instants run from <see cref="From"/> 00:00 UTC to the day after <see cref="To"/>.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The period a person asked for: a calendar year, or two days, or (neither given) the twelve months up to
    /// <paramref name="today"/>. A <see cref="RegisterException"/> says which option is wrong and why.
    /// </summary>
    public static ReportPeriod Parse(string? year, string? from, string? to, DateOnly today)
    {
        if (year is not null)
        {
            if (from is not null || to is not null)
            {
                throw new RegisterException("--year cannot be given with --from or --to: name a year, or the first and last days");
            }
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2000 || y > 9998)
            {
                throw new RegisterException($"--year: '{year}' is not a year (YYYY, 2000 or later)");
            }
            return new ReportPeriod(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
        if (from is null && to is null)
        {
            return new ReportPeriod(today.AddYears(-1).AddDays(1), today);
        }
        if (from is null || to is null)
        {
            throw new RegisterException("--from and --to go together: give the first and the last day of the period");
        }
        var first = Day("--from", from);
        var last = Day("--to", to);
        return last < first
            ? throw new RegisterException($"--to {to} is before --from {from}")
            : new ReportPeriod(first, last);
    }

    private static DateOnly Day(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new RegisterException($"{option}: '{text}' is not a day (YYYY-MM-DD)");
}
