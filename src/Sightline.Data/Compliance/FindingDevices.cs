using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Compliance;

/// <summary>
/// The first device IDs behind each device finding of every system (security-flagged, missing, made by a covered maker at
/// a sensitive site, firmware with a known-exploited vulnerability), read a range of IDs at a time, in order, until each
/// list holds the first <see cref="RegisterFindings.DeviceSample"/> or all of its devices: the counts are known
/// beforehand, so on a million devices the read usually stops after the first hundred thousand or so instead of ranking
/// them all. Each range is a merge of the two primary keys on PostgreSQL and a rowid range on SQLite.
/// </summary>
internal sealed class FindingDevices
{
    // The first range of IDs read; each next one is twice as long, so a finding too rare to fill its list costs a few
    // reads of the whole table at most. The first usually fills the common findings; the later ones look only for the rarer.
    private const int FirstRange = 50_000;

    public int SystemId { get; set; }

    public int Id { get; set; }

    public int Security { get; set; }

    public int Missing { get; set; }

    public int Covered { get; set; }

    public int Exploited { get; set; }

    /// <summary>The IDs behind each finding, by system: ascending, at most <see cref="RegisterFindings.DeviceSample"/> each.</summary>
    public sealed record Lists(List<int> Security, List<int> Missing, List<int> Covered, List<int> Exploited);

    /// <summary>How many devices are behind each finding of a system: the lists are complete when they hold these many (or the sample).</summary>
    public sealed record Totals(long Security, long Missing, long Covered, long Exploited);

    /// <summary>
    /// Reads the lists for the systems in <paramref name="totals"/> (one system when <paramref name="systemId"/> is given).
    /// <paramref name="coveredMakers"/> counts only on <paramref name="sensitiveSystems"/>; <paramref name="exploitedFirmware"/>
    /// are the (platform maker, model, firmware) groups with a known-exploited vulnerability.
    /// </summary>
    public static async Task<Dictionary<int, Lists>> ReadAsync(RegisterDb db, IReadOnlyCollection<string> coveredMakers, IReadOnlyCollection<int> sensitiveSystems,
        IReadOnlyCollection<(string Platform, string Model, string Firmware)> exploitedFirmware, IReadOnlyDictionary<int, Totals> totals, int? systemId,
        CancellationToken cancel)
    {
        var parameters = new List<object>();
        string Parameter(string value)
        {
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        }
        static string Ints(IEnumerable<int> ids) => string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var security = $"(i.flags & {(int)RiskDimension.SecurityTrust}) <> 0";
        var missing = $"d.status = '{Words.Of(DeviceStatus.Missing)}'";
        var covered = coveredMakers.Count == 0 || sensitiveSystems.Count == 0 ? "1 = 0"
            : $"d.system_id IN ({Ints(sensitiveSystems)}) AND i.platform IN ({string.Join(", ", coveredMakers.Select(Parameter))})";
        // Model and firmware are the register's text, so they go as parameters; a row value IN a VALUES list is one hashed
        // lookup per device on both providers.
        var exploited = exploitedFirmware.Count == 0 ? "1 = 0"
            : $"(i.platform, d.model, d.firmware) IN (VALUES {string.Join(", ", exploitedFirmware.Select(g => $"({Parameter(g.Platform)}, {Parameter(g.Model)}, {Parameter(g.Firmware)})"))})";
        var one = systemId is { } id ? $"AND d.system_id = {id.ToString(CultureInfo.InvariantCulture)}" : "";
        var conditions = new[] { security, missing, covered, exploited };

        var lists = totals.Keys.ToDictionary(s => s, _ => new Lists([], [], [], []));
        var last = await db.Devices.MaxAsync(d => (int?)d.Id, cancel) ?? 0;
        var (after, range) = (0L, (long)FirstRange);
        while (after < last)
        {
            // Only the findings whose lists some system still lacks devices for.
            var wanted = Enumerable.Range(0, 4).Where(f => totals.Any(t => Of(lists[t.Key], f).Count < Math.Min(RegisterFindings.DeviceSample, Of(t.Value, f))))
                .ToList();
            if (wanted.Count == 0)
            {
                break;
            }
            var (from, to) = (after.ToString(CultureInfo.InvariantCulture), (after + range).ToString(CultureInfo.InvariantCulture));
            // The range is on both sides of the join, so PostgreSQL reads only that stretch of each primary key.
            var sql = $"""
                SELECT d.system_id AS "SystemId", d.id AS "Id",
                       CASE WHEN {security} THEN 1 ELSE 0 END AS "Security",
                       CASE WHEN {missing} THEN 1 ELSE 0 END AS "Missing",
                       CASE WHEN {covered} THEN 1 ELSE 0 END AS "Covered",
                       CASE WHEN {exploited} THEN 1 ELSE 0 END AS "Exploited"
                FROM devices d LEFT JOIN identities i ON i.device_id = d.id AND i.device_id > {from} AND i.device_id <= {to}
                WHERE d.id > {from} AND d.id <= {to} AND d.system_id IS NOT NULL {one}
                  AND ({string.Join(" OR ", wanted.Select(f => $"({conditions[f]})"))})
                ORDER BY d.id
                """;
#pragma warning disable EF1002 // Only constants and integers are spliced in; the makers, models and firmware are parameters.
            var rows = await db.Database.SqlQueryRaw<FindingDevices>(sql, [.. parameters]).ToListAsync(cancel);
#pragma warning restore EF1002
            foreach (var row in rows)
            {
                if (lists.TryGetValue(row.SystemId, out var list))
                {
                    Add(list.Security, row.Security, row.Id);
                    Add(list.Missing, row.Missing, row.Id);
                    Add(list.Covered, row.Covered, row.Id);
                    Add(list.Exploited, row.Exploited, row.Id);
                }
            }
            (after, range) = (after + range, range * 2);
        }
        return lists;
    }

    private static List<int> Of(Lists lists, int finding) => finding switch
    {
        0 => lists.Security,
        1 => lists.Missing,
        2 => lists.Covered,
        _ => lists.Exploited,
    };

    private static long Of(Totals totals, int finding) => finding switch
    {
        0 => totals.Security,
        1 => totals.Missing,
        2 => totals.Covered,
        _ => totals.Exploited,
    };

    // A device can be behind one finding within the sample and behind another beyond it: each list keeps its own first IDs.
    private static void Add(List<int> list, int behind, int id)
    {
        if (behind == 1 && list.Count < RegisterFindings.DeviceSample)
        {
            list.Add(id);
        }
    }
}
