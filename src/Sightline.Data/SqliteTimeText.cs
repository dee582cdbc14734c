using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sightline.Data;

/// <summary>
/// Times on SQLite as the text Microsoft.Data.Sqlite has always written ("2026-12-01 09:30:00.5+00:00"), but in UTC
/// and declared as text, so that EF Core translates comparisons (it refuses them on DateTimeOffset) and they compare
/// correctly: with one offset, the text orders as the instants do, since the fraction has no trailing zeros and '+'
/// sorts before every digit and '.'. Stored rows are unchanged, so no migration is needed.
/// </summary>
public sealed class SqliteTimeText() : ValueConverter<DateTimeOffset, string>(time => Format(time), text => Parse(text))
{
    private const string Pattern = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    /// <summary>The stored text of a time.</summary>
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString(Pattern, CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
