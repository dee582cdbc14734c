using Microsoft.EntityFrameworkCore;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Reports;

/// <summary>
/// Devices in service counted by system, kind, platform maker and (for white labels) the brand sold, with those flagged
/// in each risk dimension: one grouped query, so a register of a million devices is counted by the database.
/// </summary>
internal sealed class DeviceGroup
{
    public int SystemId { get; set; }

    public required string Kind { get; set; }

    public string? Platform { get; set; }

    /// <summary>The brand on the box when the stored verdict calls the device a white label; null otherwise.</summary>
    public string? SoldAs { get; set; }

    public long Devices { get; set; }

    public long HumanRights { get; set; }

    public long SecurityTrust { get; set; }

    public long CyberHygiene { get; set; }

    public static Task<List<DeviceGroup>> ReadAsync(RegisterDb db, CancellationToken cancel)
    {
        var soldAs = "CASE WHEN i.white_label THEN d.brand_as_sold END";
#pragma warning disable EF1002 // Built from constants only.
        return db.Database.SqlQueryRaw<DeviceGroup>(
            $"""
            SELECT d.system_id AS "SystemId", d.kind AS "Kind", i.platform AS "Platform", {soldAs} AS "SoldAs",
                   count(*) AS "Devices",
                   count(CASE WHEN (i.flags & {(int)RiskDimension.HumanRights}) <> 0 THEN 1 END) AS "HumanRights",
                   count(CASE WHEN (i.flags & {(int)RiskDimension.SecurityTrust}) <> 0 THEN 1 END) AS "SecurityTrust",
                   count(CASE WHEN (i.flags & {(int)RiskDimension.CyberHygiene}) <> 0 THEN 1 END) AS "CyberHygiene"
            FROM devices d LEFT JOIN identities i ON i.device_id = d.id
            WHERE d.system_id IS NOT NULL AND d.status <> '{Words.Of(DeviceStatus.Decommissioned)}'
            GROUP BY d.system_id, d.kind, i.platform, {soldAs}
            """).ToListAsync(cancel);
#pragma warning restore EF1002
    }
}
