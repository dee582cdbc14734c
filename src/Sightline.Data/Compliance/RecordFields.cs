using System.Globalization;
using Sightline.Data.Audit;
using Sightline.Register;

namespace Sightline.Data.Compliance;

/// <summary>Typing values into a record's fields and saying what changed, for the audit log; and the parsers the fields share.</summary>
public static class RecordFields
{
    /// <summary>The longest text a field keeps.</summary>
    public const int MaxLength = 4000;

    /// <summary>What applying typed values did: the problems (field name, message), and the changed values before and after as audit JSON.</summary>
    public sealed record Applied(IReadOnlyList<(string Field, string Message)> Problems, string? Before, string? After)
    {
        public bool Changed => Before is not null;
    }

    /// <summary>
    /// Sets each named field (names as in <paramref name="fields"/>; a null or blank value clears it). Unknown names and bad
    /// values are problems, and then the record must not be saved.
    /// </summary>
    public static Applied Apply<T>(T record, IReadOnlyList<RecordField<T>> fields, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var problems = new List<(string, string)>();
        var before = new List<(string, string?)>();
        var after = new List<(string, string?)>();
        foreach (var (name, raw) in values)
        {
            if (fields.FirstOrDefault(f => f.Name == name) is not { } field)
            {
                problems.Add((name, $"there is no field '{name}'; the fields are {string.Join(", ", fields.Select(f => f.Name))}"));
                continue;
            }
            var value = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            if (value is { Length: > MaxLength })
            {
                problems.Add((name, $"{field.Label}: at most {MaxLength} characters"));
                continue;
            }
            var (old, audited) = (field.Get(record), field.Audited(record));
            if (field.Set(record, value) is { } problem)
            {
                problems.Add((name, $"{field.Label}: {problem}"));
                continue;
            }
            if (old != field.Get(record))
            {
                before.Add((name, audited));
                after.Add((name, field.Audited(record)));
            }
        }
        return before.Count == 0 || problems.Count > 0
            ? new Applied(problems, null, null)
            : new Applied(problems, AuditJson.Of([.. before]), AuditJson.Of([.. after]));
    }

    /// <summary>Every field's value as audit JSON, for a record's creation.</summary>
    public static string Snapshot<T>(T record, IReadOnlyList<RecordField<T>> fields) =>
        AuditJson.Of([.. fields.Select(f => (f.Name, f.Audited(record))).Where(p => p.Item2 is not null)]);

    /// <summary>A yes/no field.</summary>
    public static RecordField<T> YesNo<T>(string name, string label, Func<T, bool> get, Action<T, bool> set, string help = "") =>
        new(name, label, r => get(r) ? "yes" : "no", (r, text) =>
        {
            switch (text?.ToLowerInvariant())
            {
                case null or "no" or "false" or "n" or "0":
                    set(r, false);
                    return null;
                case "yes" or "true" or "y" or "1":
                    set(r, true);
                    return null;
                default:
                    return $"'{text}' is not yes or no";
            }
        }, help) { Choices = ["yes", "no"] };

    /// <summary>A free-text field.</summary>
    public static RecordField<T> Text<T>(string name, string label, Func<T, string?> get, Action<T, string?> set, string help = "", bool isLong = false) =>
        new(name, label, get, (r, text) => { set(r, text); return null; }, help) { Multiline = isLong };

    /// <summary>A field holding one word of <typeparamref name="TEnum"/> (<see cref="Words"/>), required unless <paramref name="fallback"/> is given.</summary>
    public static RecordField<T> Word<T, TEnum>(string name, string label, Func<T, TEnum> get, Action<T, TEnum> set, TEnum? fallback = null)
        where TEnum : struct, Enum =>
        new(name, label, r => Words.Of(get(r)), (r, text) =>
        {
            if (text is null)
            {
                if (fallback is not { } value)
                {
                    return "must be given";
                }
                set(r, value);
                return null;
            }
            if (Words.Parse<TEnum>(text) is not { } parsed)
            {
                return $"'{text}' is not one of {Words.List<TEnum>()}";
            }
            set(r, parsed);
            return null;
        }) { Choices = [.. Enum.GetValues<TEnum>().Select(v => Words.Of(v))] };

    /// <summary>A whole number of days, 0 or more.</summary>
    public static RecordField<T> Days<T>(string name, string label, Func<T, int?> get, Action<T, int?> set) =>
        new(name, label, r => get(r)?.ToString(CultureInfo.InvariantCulture), (r, text) =>
        {
            if (text is null)
            {
                set(r, null);
                return null;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 36_500)
            {
                return $"'{text}' is not a number of days (0 to 36500)";
            }
            set(r, days);
            return null;
        }, "days");

    /// <summary>A day, written YYYY-MM-DD.</summary>
    public static RecordField<T> Day<T>(string name, string label, Func<T, DateOnly?> get, Action<T, DateOnly?> set) =>
        new(name, label, r => get(r)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (r, text) =>
        {
            if (text is null)
            {
                set(r, null);
                return null;
            }
            if (ParseDay(text) is not { } day)
            {
                return $"'{text}' is not a date written YYYY-MM-DD";
            }
            set(r, day);
            return null;
        }, "YYYY-MM-DD");

    /// <summary>A word of <typeparamref name="TEnum"/> that may be left unset.</summary>
    public static RecordField<T> OptionalWord<T, TEnum>(string name, string label, Func<T, TEnum?> get, Action<T, TEnum?> set)
        where TEnum : struct, Enum =>
        new(name, label, r => get(r) is { } value ? Words.Of(value) : null, (r, text) =>
        {
            if (text is null)
            {
                set(r, null);
                return null;
            }
            if (Words.Parse<TEnum>(text) is not { } parsed)
            {
                return $"'{text}' is not one of {Words.List<TEnum>()}";
            }
            set(r, parsed);
            return null;
        }) { Choices = [.. Enum.GetValues<TEnum>().Select(v => Words.Of(v))] };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; unset means <paramref name="min"/>.</summary>
    public static RecordField<T> Whole<T>(string name, string label, Func<T, int> get, Action<T, int> set, int min, int max) =>
        new(name, label, r => get(r).ToString(CultureInfo.InvariantCulture), (r, text) =>
        {
            if (text is null)
            {
                set(r, min);
                return null;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                return $"'{text}' is not a whole number from {min} to {max}";
            }
            set(r, n);
            return null;
        }, $"{min} to {max}");

    /// <summary>
    /// A moment, written YYYY-MM-DD HH:MM (UK time, as a control room's clock and a video management system's log show it)
    /// or with its offset (2026-12-01T14:30:00Z, …+01:00).
    /// </summary>
    public static RecordField<T> Moment<T>(string name, string label, Func<T, DateTimeOffset?> get, Action<T, DateTimeOffset?> set) =>
        new(name, label, r => get(r) is { } at ? WriteMoment(at) : null, (r, text) =>
        {
            if (text is null)
            {
                set(r, null);
                return null;
            }
            if (ParseMoment(text) is not { } at)
            {
                return $"'{text}' is not a time written YYYY-MM-DD HH:MM (UK time) or YYYY-MM-DDTHH:MM:SS with Z or an offset";
            }
            set(r, at);
            return null;
        }, "YYYY-MM-DD HH:MM");

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A moment as <see cref="Moment"/> reads it, or null.</summary>
    public static DateTimeOffset? ParseMoment(string text)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10))
        {
            return withOffset.ToUniversalTime();
        }
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        // A clock time that does not exist (the hour skipped in March) is refused; one that happens twice is read as the first.
        if (UkTime.IsInvalidTime(local))
        {
            return null;
        }
        var offset = UkTime.IsAmbiguousTime(local) ? UkTime.GetAmbiguousTimeOffsets(local).Max() : UkTime.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>A moment in UK time, as people read it: 2026-12-01 14:30.</summary>
    public static string WriteMoment(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, UkTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A day written YYYY-MM-DD, or null.</summary>
    public static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A ';'-separated list, trimmed, without empty or repeated items.</summary>
    public static IReadOnlyList<string> ListOf(string? text) =>
        text is null ? [] : [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
}
