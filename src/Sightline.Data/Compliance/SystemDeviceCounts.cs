using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Compliance;

/// <summary>
/// The device counts behind the findings, for every system at once, in one grouped query over the devices and their
/// stored verdicts: a register of a million devices is counted by the database, never loaded. bench/compliance runs the
/// same counts directly in sqlite3 and psql as its reference.
/// </summary>
internal sealed class SystemDeviceCounts
{
    public int SystemId { get; set; }

    /// <summary>Devices on the system, any status.</summary>
    public long Devices { get; set; }

    /// <summary>Devices whose stored verdict flags security and trust (what `devices list --flagged security` lists).</summary>
    public long Security { get; set; }

    /// <summary>Devices the last scan of their scope did not see.</summary>
    public long Missing { get; set; }

    /// <summary>Devices whose platform maker is one of the makers the query was given (those the sensitive-site rule covers).</summary>
    public long Covered { get; set; }

    /// <summary>Devices with ANPR or face recognition.</summary>
    public long Matching { get; set; }

    /// <summary>The counts by system id, for one system or all.</summary>
    public static async Task<Dictionary<int, SystemDeviceCounts>> ReadAsync(RegisterDb db, IReadOnlyCollection<string> coveredMakers, int? systemId,
        CancellationToken cancel)
    {
        // The maker ids come from the knowledge files, never from a request; each is quoted as an SQL literal all the same.
        var covered = coveredMakers.Count == 0 ? "1 = 0" : $"i.platform IN ({string.Join(", ", coveredMakers.Select(m => $"'{m.Replace("'", "''", StringComparison.Ordinal)}'"))})";
        var one = systemId is { } id ? $"AND d.system_id = {id.ToString(CultureInfo.InvariantCulture)}" : "";
#pragma warning disable EF1002 // Built from constants and the knowledge's maker ids (quoted above), not from input.
        var rows = await db.Database.SqlQueryRaw<SystemDeviceCounts>(
            $"""
            SELECT d.system_id AS "SystemId",
                   count(*) AS "Devices",
                   count(CASE WHEN (i.flags & {(int)RiskDimension.SecurityTrust}) <> 0 THEN 1 END) AS "Security",
                   count(CASE WHEN d.status = '{Words.Of(DeviceStatus.Missing)}' THEN 1 END) AS "Missing",
                   count(CASE WHEN {covered} THEN 1 END) AS "Covered",
                   count(CASE WHEN d.capabilities LIKE '%{Words.Of(Capabilities.Anpr)}%' OR d.capabilities LIKE '%{Words.Of(Capabilities.FaceRecognition)}%' THEN 1 END) AS "Matching"
            FROM devices d LEFT JOIN identities i ON i.device_id = d.id
            WHERE d.system_id IS NOT NULL {one}
            GROUP BY d.system_id
            """).ToListAsync(cancel);
#pragma warning restore EF1002
        return rows.ToDictionary(r => r.SystemId);
    }
}
