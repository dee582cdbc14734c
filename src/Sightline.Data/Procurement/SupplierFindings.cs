using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data.Compliance;

namespace Sightline.Data.Procurement;

/// <summary>
/// Suppliers' due-diligence findings as the register's findings for principle 9 (security): one per finding of each
/// supplier of the system's devices, counting the devices it supplied there. Kept apart from <see cref="RegisterFindings"/>'
/// own queries, which it only adds to.
/// </summary>
public static class SupplierFindings
{
    /// <summary>The principle-9 findings from suppliers for one system on <paramref name="today"/>.</summary>
    public static async Task<List<RegisterFinding>> ForSystemAsync(RegisterDb db, int systemId, DateOnly today, bool listDevices, CancellationToken cancel)
    {
        var found = new List<RegisterFinding>();
        // Most registers have no supplier with a finding; then this costs three small reads.
        foreach (var record in await DueDiligence.WithFindingsAsync(db, today, cancel))
        {
            var devices = SupplierDevices.Of(db, record.Supplier, systemId);
            var count = await devices.CountAsync(cancel);
            if (count == 0)
            {
                continue;
            }
            var sample = listDevices ? await devices.OrderBy(d => d.Id).Select(d => d.Id).Take(RegisterFindings.DeviceSample).ToListAsync(cancel) : [];
            found.AddRange(record.Findings.Select(f => new RegisterFinding(FindingStatus.Attention,
                $"{f.Text}; it supplied {Sightline.Register.Words.Count(count, "devices")} of this system", count, sample, f.Source)));
        }
        return found;
    }
}
