using Sightline.Data;

namespace Sightline.Tests.AuditLog;

/// <summary>
/// Four audit entries at known times, by two actors, about three entities, and each filter of the audit log (alone and
/// combined) with the ones it must give; the CLI, the web page and the API are all tested with these.
/// </summary>
public static class AuditFilterCases
{
    /// <summary>Action, actor, entity type, entity id and time of each entry, in the order written.</summary>
    public static readonly (string Action, string Actor, string Type, string Id, DateTimeOffset Time)[] Entries =
    [
        ("filter-a", "alice", "device", "901", new(2027, 1, 1, 10, 0, 0, TimeSpan.Zero)),
        ("filter-b", "bob", "device", "902", new(2027, 1, 2, 0, 0, 0, TimeSpan.Zero)),
        ("filter-c", "alice", "site", "903", new DateTimeOffset(2027, 1, 3, 0, 0, 0, TimeSpan.Zero).AddTicks(-10)),
        ("filter-d", "bob", "device", "901", new(2027, 1, 3, 0, 0, 0, TimeSpan.Zero)),
    ];

    /// <summary>
    /// Filters as (name, value) pairs — entity, actor, from, to, before (a letter: that entry's sequence) — and the
    /// entries they give, in the words of <see cref="Entries"/>.
    /// </summary>
    public static TheoryData<string, string, string> Both
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var provider in new[] { Registers.Sqlite, Registers.Postgres })
            {
                foreach (var (filter, expected) in Table)
                {
                    data.Add(provider, filter, expected);
                }
            }
            return data;
        }
    }

    private static readonly (string Filter, string Expected)[] Table =
    [
        ("entity=device", "a b d"),
        ("entity=device:901", "a d"),
        ("actor=alice", "a c"),
        ("from=2027-01-02", "b c d"),
        ("to=2027-01-02", "a b c"),
        ("from=2027-01-02&to=2027-01-02", "b c"),
        ("before=c", "a b"),
        ("entity=device&actor=bob&from=2027-01-02&to=2027-01-03", "b d"),
        ("entity=device&actor=bob&from=2027-01-02&before=d", "b"),
        ("from=2027-01-04", ""),
    ];

    /// <summary>Writes <see cref="Entries"/> after whatever the register holds; returns each one's sequence by letter.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> WriteAsync(TestRegister register)
    {
        var sequences = new Dictionary<string, long>();
        await using var db = await register.OpenAsync();
        foreach (var (action, actor, type, id, time) in Entries)
        {
            await using var write = await RegisterWrite.BeginAsync(db, new FixedTime(time), actor, CancellationToken.None);
            write.Record(action, type, id, null, null);
            await write.CommitAsync(CancellationToken.None);
            sequences[action["filter-".Length..]] = db.AuditEntries.Local.Single(e => e.Action == action).Sequence;
        }
        return sequences;
    }

    /// <summary>The filter's pairs, with a letter given for before turned into that entry's sequence.</summary>
    public static IEnumerable<(string Name, string Value)> Pairs(string filter, IReadOnlyDictionary<string, long> sequences) =>
        filter.Split('&').Select(pair => pair.Split('=', 2)).Select(p =>
            (p[0], p[0] == "before" ? sequences[p[1]].ToString(System.Globalization.CultureInfo.InvariantCulture) : p[1]));

    /// <summary>Which of the four entries <paramref name="text"/> shows (by their actions), as "a b …".</summary>
    public static string Found(string text) =>
        string.Join(' ', Entries.Select(e => e.Action).Where(a => text.Contains(a, StringComparison.Ordinal)).Select(a => a["filter-".Length..]));

    private sealed class FixedTime(DateTimeOffset time) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => time;
    }
}
