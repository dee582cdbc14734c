using System.Globalization;

namespace Sightline.Knowledge;

/// <summary>A date known to the year, month or day, as sources give them (2019, 2019-10, 2019-10-09).</summary>
public readonly record struct PartialDate(DateOnly First, DateOnly Last, string Text)
{
    /// <summary>Parses yyyy, yyyy-mm or yyyy-mm-dd; null when it is none of these.</summary>
    public static PartialDate? Parse(string text)
    {
        var styles = DateTimeStyles.None;
        var culture = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", culture, styles, out var day))
        {
            return new PartialDate(day, day, text);
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM", culture, styles, out var month))
        {
            return new PartialDate(month, month.AddMonths(1).AddDays(-1), text);
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, culture, out var year) && year is >= 1900 and <= 2200)
        {
            return new PartialDate(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), text);
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
