using System.Globalization;
using System.Text.RegularExpressions;

namespace Sightline.Knowledge;

/// <summary>
/// A firmware version as vendors write it (<c>V5.4.0 build 160530</c>, <c>2.800.0000016.0.R,build:2020-06-05</c>):
/// its dotted numbers and, when present, its build date. Two versions compare by build date when both have
/// one (vendors keep version numbers across builds), otherwise by their numbers.
/// </summary>
public sealed partial record FirmwareVersion(string Text, IReadOnlyList<long> Numbers, DateOnly? Build)
{
    /// <summary>Parses a version; null when it has neither numbers nor a build date.</summary>
    public static FirmwareVersion? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var numbers = new List<long>();
        var version = VersionNumbers().Match(text);
        if (version.Success)
        {
            foreach (var part in version.Groups[1].Value.Split('.'))
            {
                numbers.Add(part.Length > 12 ? long.MaxValue : long.Parse(part, CultureInfo.InvariantCulture));
            }
        }
        var build = BuildDate().Match(text) is { Success: true } m ? ParseDate(m.Groups[1].Value) : null;
        return numbers.Count == 0 && build is null ? null : new FirmwareVersion(text.Trim(), numbers, build);
    }

    /// <summary>Negative, zero or positive as this is older, the same or newer; null when they cannot be compared.</summary>
    public int? CompareTo(FirmwareVersion other)
    {
        if (Build is { } a && other.Build is { } b)
        {
            return a.CompareTo(b);
        }
        if (Numbers.Count == 0 || other.Numbers.Count == 0)
        {
            return null;
        }
        for (var i = 0; i < Math.Max(Numbers.Count, other.Numbers.Count); i++)
        {
            var x = i < Numbers.Count ? Numbers[i] : 0;
            var y = i < other.Numbers.Count ? other.Numbers[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }
        return 0;
    }

    private static DateOnly? ParseDate(string digits)
    {
        string[] formats = ["yyyy-MM-dd", "yyyyMMdd", "yyMMdd"];
        return DateOnly.TryParseExact(digits, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    [GeneratedRegex(@"(?<![\d.])[Vv]?(\d{1,12}(?:\.\d{1,12})+)")]
    private static partial Regex VersionNumbers();

    [GeneratedRegex(@"build(?:\s*date)?\s*:?\s*(\d{4}-\d{2}-\d{2}|\d{8}|\d{6})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex BuildDate();
}
