using System.Globalization;

namespace Sightline.Data.Audit;

/// <summary>The days the audit log is filtered by, as typed: YYYY-MM-DD, a whole day in UTC.</summary>
public static class AuditDay
{
    /// <summary>Reads <paramref name="text"/> (null or empty: no day); false, with a message naming <paramref name="name"/>, when it is not a date.</summary>
    public static bool TryRead(string? text, string name, out DateOnly? day, out string error)
    {
        day = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        error = $"{name}: '{text}' is not a date; write it as YYYY-MM-DD (a day in UTC)";
        return false;
    }
}
