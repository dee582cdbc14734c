using Microsoft.EntityFrameworkCore;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Remediation;

/// <summary>Devices in service counted by platform maker and (for white labels) the brand sold, with those flagged in each dimension: one grouped query.</summary>
internal sealed class EstateGroup
{
    public string? Platform { get; set; }

    public string? SoldAs { get; set; }

    public long Devices { get; set; }

    public long Flagged { get; set; }

    public long HumanRights { get; set; }

    public long SecurityTrust { get; set; }

    public long CyberHygiene { get; set; }

    public static Task<List<EstateGroup>> ReadAsync(RegisterDb db, CancellationToken cancel)
    {
        var soldAs = "CASE WHEN i.white_label THEN d.brand_as_sold END";
#pragma warning disable EF1002 // Built from constants only.
        return db.Database.SqlQueryRaw<EstateGroup>(
            $"""
            SELECT i.platform AS "Platform", {soldAs} AS "SoldAs", count(*) AS "Devices",
                   count(CASE WHEN i.flags <> 0 THEN 1 END) AS "Flagged",
                   count(CASE WHEN (i.flags & {(int)RiskDimension.HumanRights}) <> 0 THEN 1 END) AS "HumanRights",
                   count(CASE WHEN (i.flags & {(int)RiskDimension.SecurityTrust}) <> 0 THEN 1 END) AS "SecurityTrust",
                   count(CASE WHEN (i.flags & {(int)RiskDimension.CyberHygiene}) <> 0 THEN 1 END) AS "CyberHygiene"
            FROM devices d LEFT JOIN identities i ON i.device_id = d.id
            WHERE d.status <> '{Words.Of(DeviceStatus.Decommissioned)}'
            GROUP BY i.platform, {soldAs}
            """).ToListAsync(cancel);
#pragma warning restore EF1002
    }
}
