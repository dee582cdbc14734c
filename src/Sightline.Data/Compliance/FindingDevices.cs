using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Compliance;

/// <summary>
/// The first device IDs behind each device finding of every system, read in one query: one pass over the devices and
/// their stored verdicts marks each device with the findings it is behind (security-flagged, missing, made by a covered
/// maker at a sensitive site, firmware with a known-exploited vulnerability), and a row number per system and finding keeps
/// the first <see cref="RegisterFindings.DeviceSample"/> of each. The database does the work; a million devices send back
/// a few thousand IDs.
/// </summary>
internal sealed class FindingDevices
{
    public int SystemId { get; set; }

    public int Id { get; set; }

    public int Security { get; set; }

    public int Missing { get; set; }

    public int Covered { get; set; }

    public int Exploited { get; set; }

    /// <summary>The IDs behind each finding, by system: ascending, at most <see cref="RegisterFindings.DeviceSample"/> each.</summary>
    public sealed record Lists(List<int> Security, List<int> Missing, List<int> Covered, List<int> Exploited);

    /// <summary>
    /// Reads the lists for one system or all. <paramref name="coveredMakers"/> counts only on <paramref name="sensitiveSystems"/>;
    /// <paramref name="exploitedFirmware"/> are the (platform maker, model, firmware) groups with a known-exploited vulnerability.
    /// </summary>
    public static async Task<Dictionary<int, Lists>> ReadAsync(RegisterDb db, IReadOnlyCollection<string> coveredMakers, IReadOnlyCollection<int> sensitiveSystems,
        IReadOnlyCollection<(string Platform, string Model, string Firmware)> exploitedFirmware, int? systemId, CancellationToken cancel)
    {
        var parameters = new List<object>();
        string Parameter(string value)
        {
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        }
        static string Ints(IEnumerable<int> ids) => string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var covered = coveredMakers.Count == 0 || sensitiveSystems.Count == 0 ? "1 = 0"
            : $"d.system_id IN ({Ints(sensitiveSystems)}) AND i.platform IN ({string.Join(", ", coveredMakers.Select(Parameter))})";
        // Model and firmware are the register's text, so they go as parameters; a row value IN a VALUES list is one hashed
        // lookup per device on both providers.
        var exploited = exploitedFirmware.Count == 0 ? "1 = 0"
            : $"(i.platform, d.model, d.firmware) IN (VALUES {string.Join(", ", exploitedFirmware.Select(g => $"({Parameter(g.Platform)}, {Parameter(g.Model)}, {Parameter(g.Firmware)})"))})";
        var one = systemId is { } id ? $"AND d.system_id = {id.ToString(CultureInfo.InvariantCulture)}" : "";
        var sample = RegisterFindings.DeviceSample.ToString(CultureInfo.InvariantCulture);
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT system_id AS "SystemId", id AS "Id", sec AS "Security", miss AS "Missing", cov AS "Covered", kev AS "Exploited"
            FROM (
              SELECT system_id, id, sec, miss, cov, kev,
                     row_number() OVER (PARTITION BY system_id, sec ORDER BY id) AS rsec,
                     row_number() OVER (PARTITION BY system_id, miss ORDER BY id) AS rmiss,
                     row_number() OVER (PARTITION BY system_id, cov ORDER BY id) AS rcov,
                     row_number() OVER (PARTITION BY system_id, kev ORDER BY id) AS rkev
              FROM (
                SELECT d.system_id, d.id,
                       CASE WHEN (i.flags & {(int)RiskDimension.SecurityTrust}) <> 0 THEN 1 ELSE 0 END AS sec,
                       CASE WHEN d.status = '{Words.Of(DeviceStatus.Missing)}' THEN 1 ELSE 0 END AS miss,
                       CASE WHEN {covered} THEN 1 ELSE 0 END AS cov,
                       CASE WHEN {exploited} THEN 1 ELSE 0 END AS kev
                FROM devices d LEFT JOIN identities i ON i.device_id = d.id
                WHERE d.system_id IS NOT NULL {one}
              ) marked
              WHERE sec = 1 OR miss = 1 OR cov = 1 OR kev = 1
            ) numbered
            WHERE (sec = 1 AND rsec <= {sample}) OR (miss = 1 AND rmiss <= {sample}) OR (cov = 1 AND rcov <= {sample}) OR (kev = 1 AND rkev <= {sample})
            """);
#pragma warning disable EF1002 // Only constants and integers are spliced in; the makers, models and firmware are parameters.
        var rows = await db.Database.SqlQueryRaw<FindingDevices>(sql.ToString(), [.. parameters]).ToListAsync(cancel);
#pragma warning restore EF1002
        var lists = new Dictionary<int, Lists>();
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            if (!lists.TryGetValue(row.SystemId, out var list))
            {
                lists[row.SystemId] = list = new Lists([], [], [], []);
            }
            Add(list.Security, row.Security, row.Id);
            Add(list.Missing, row.Missing, row.Id);
            Add(list.Covered, row.Covered, row.Id);
            Add(list.Exploited, row.Exploited, row.Id);
        }
        return lists;
    }

    // A device can be behind one finding within the sample and behind another beyond it: each list keeps its own first IDs.
    private static void Add(List<int> list, int behind, int id)
    {
        if (behind == 1 && list.Count < RegisterFindings.DeviceSample)
        {
            list.Add(id);
        }
    }
}
