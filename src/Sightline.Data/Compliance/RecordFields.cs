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
            var old = field.Get(record);
            if (field.Set(record, value) is { } problem)
            {
                problems.Add((name, $"{field.Label}: {problem}"));
                continue;
            }
            var now = field.Get(record);
            if (old != now)
            {
                before.Add((name, old));
                after.Add((name, now));
            }
        }
        return before.Count == 0 || problems.Count > 0
            ? new Applied(problems, null, null)
            : new Applied(problems, AuditJson.Of([.. before]), AuditJson.Of([.. after]));
    }

    /// <summary>Every field's value as audit JSON, for a record's creation.</summary>
    public static string Snapshot<T>(T record, IReadOnlyList<RecordField<T>> fields) =>
        AuditJson.Of([.. fields.Select(f => (f.Name, f.Get(record))).Where(p => p.Item2 is not null)]);

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

    /// <summary>A day written YYYY-MM-DD, or null.</summary>
    public static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A ';'-separated list, trimmed, without empty or repeated items.</summary>
    public static IReadOnlyList<string> ListOf(string? text) =>
        text is null ? [] : [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
}
