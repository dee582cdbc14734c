using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Compliance;
using Sightline.LogBook;

namespace Sightline.Data.LogBook;

/// <summary>
/// What the log book's records share: their audit names, the outcome of a change, the days and footage a record names,
/// and turning the systems and cameras people type (names, asset IDs) into what is stored (IDs), checked against the register.
/// </summary>
public static class LogBookRecords
{
    public const string Sar = "sar";
    public const string Hold = "hold";
    public const string Access = "footage-access";
    public const string Disclosure = "disclosure";

    /// <summary>A change's problems (field, message) and the record's ID.</summary>
    public sealed record Outcome(IReadOnlyList<(string Field, string Message)> Problems, int? Id)
    {
        public bool Succeeded => Problems.Count == 0;

        internal static Outcome Refused(string field, string message, int? id = null) => new([(field, message)], id);
    }

    /// <summary>The fields every record that names footage has: systems, cameras and a time range.</summary>
    internal static IEnumerable<RecordField<T>> Footage<T>(Func<T, string?> systems, Action<T, string?> setSystems, Func<T, string?> cameras,
        Action<T, string?> setCameras, Func<T, DateTimeOffset?> from, Action<T, DateTimeOffset?> setFrom, Func<T, DateTimeOffset?> to,
        Action<T, DateTimeOffset?> setTo) =>
    [
        RecordFields.Text("systems", "Systems", systems, setSystems, "IDs or names, separated by ';'"),
        RecordFields.Text("cameras", "Cameras", cameras, setCameras, "asset IDs, separated by ';'"),
        RecordFields.Moment("footage-from", "Footage from", from, setFrom),
        RecordFields.Moment("footage-to", "Footage to", to, setTo),
    ];

    /// <summary>
    /// Applies typed values to a record: systems named by ID or name are stored as IDs, cameras must be asset IDs in the
    /// register. The problems, or the applied change.
    /// </summary>
    internal static async Task<RecordFields.Applied> ApplyAsync<T>(RegisterDb db, T record, IReadOnlyList<RecordField<T>> fields,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        var resolved = new Dictionary<string, string?>(values);
        var problems = new List<(string, string)>();
        foreach (var name in new[] { "systems", "system" })
        {
            if (resolved.TryGetValue(name, out var given) && RecordFields.ListOf(given) is { Count: > 0 } keys)
            {
                if (name == "system" && keys.Count > 1)
                {
                    problems.Add((name, "System: name one system"));
                    continue;
                }
                var ids = new SortedSet<int>();
                foreach (var key in keys)
                {
                    if (await SystemRecords.FindAsync(db, key, cancel) is { } system)
                    {
                        ids.Add(system.Id);
                    }
                    else
                    {
                        problems.Add((name, $"{(name == "system" ? "System" : "Systems")}: there is no system with ID or name '{key}'"));
                    }
                }
                resolved[name] = string.Join(';', ids.Select(SystemRecords.Key));
            }
        }
        if (resolved.TryGetValue("cameras", out var cameras) && RecordFields.ListOf(cameras) is { Count: > 0 } assets)
        {
            var known = await db.Devices.Where(d => d.AssetId != null && assets.Contains(d.AssetId)).Select(d => d.AssetId!).ToListAsync(cancel);
            foreach (var unknown in assets.Except(known, StringComparer.Ordinal))
            {
                problems.Add(("cameras", $"Cameras: there is no device with asset ID '{unknown}'"));
            }
            resolved["cameras"] = string.Join(';', assets);
        }
        var applied = RecordFields.Apply(record, fields, resolved);
        return problems.Count == 0 ? applied : new RecordFields.Applied([.. problems, .. applied.Problems], null, null);
    }

    /// <summary>The problem when a record's footage range runs backwards.</summary>
    internal static IEnumerable<(string, string)> Range(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t && t < f ? [("footage-to", "Footage to: before the footage's start")] : [];

    /// <summary>The problem when <paramref name="day"/> comes before <paramref name="earlier"/>.</summary>
    internal static IEnumerable<(string, string)> NotBefore(string field, string label, DateOnly? day, string what, DateOnly? earlier) =>
        day is { } d && earlier is { } e && d < e ? [(field, $"{label}: {Day(d)} is before {what} ({Day(e)})")] : [];

    /// <summary>A day as written everywhere: 2026-12-01.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today, by <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Systems stored as IDs (<see cref="SystemIds"/>), shown by name: "Town Centre; Car Parks".</summary>
    public static async Task<string> SystemNamesAsync(RegisterDb db, string? systems, CancellationToken cancel)
    {
        var ids = SystemIds(systems);
        if (ids.Count == 0)
        {
            return "";
        }
        var names = await db.Systems.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        return string.Join("; ", ids.Select(i => names.GetValueOrDefault(i, "#" + SystemRecords.Key(i))));
    }

    /// <summary>A ';'-separated list of system IDs as numbers.</summary>
    public static IReadOnlyList<int> SystemIds(string? systems) =>
        [.. RecordFields.ListOf(systems).Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0)];
}
