using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Data;
using Sightline.Data.Register;
using Sightline.Data.LogBook;
using Sightline.Knowledge;
using Sightline.LogBook;
using Sightline.Register;
using Sightline.Risk;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages;

public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public sealed record MissingDevice(int Id, string? AssetId, string? Brand, string? Model, string? Ip);

    public string Organisation { get; private set; } = "";

    public int Devices { get; private set; }

    public int Active { get; private set; }

    public int Systems { get; private set; }

    public int WhiteLabelCount { get; private set; }

    public IReadOnlyList<Bar> ByPlatform { get; private set; } = [];

    public IReadOnlyList<Bar> ByBrand { get; private set; } = [];

    public IReadOnlyList<Bar> WhiteLabels { get; private set; } = [];

    public IReadOnlyList<Bar> Flagged { get; private set; } = [];

    public int MissingCount { get; private set; }

    public IReadOnlyList<MissingDevice> Missing { get; private set; } = [];

    /// <summary>Null when the reader's role may not read the audit log.</summary>
    public IReadOnlyList<AuditEntry>? Recent { get; private set; }

    /// <summary>Subject access requests overdue and due within <see cref="SarClock.SoonDays"/> days; null when the reader's role may not read the log book.</summary>
    public (int Overdue, int DueSoon)? Sars { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Organisation = await db.Organisations.Select(o => o.Name).FirstOrDefaultAsync(cancel) ?? "Register";
        // Figures that need a pass over a large register share one pass where they can.
        var statuses = await db.Devices.GroupBy(d => 1)
            .Select(g => new { All = g.Count(), Active = g.Count(d => d.Status == DeviceStatus.Active), Missing = g.Count(d => d.Status == DeviceStatus.Missing) })
            .SingleOrDefaultAsync(cancel);
        (Devices, Active, MissingCount) = (statuses?.All ?? 0, statuses?.Active ?? 0, statuses?.Missing ?? 0);
        Systems = await db.Systems.CountAsync(cancel);
        var platforms = await db.Identities.Where(i => i.Platform != null).GroupBy(i => i.Platform!)
            .Select(g => new { Platform = g.Key, Count = g.Count() }).ToListAsync(cancel);
        // Each bar counts what its link lists: the maker with its group, and the devices no evidence identified.
        var tallies = MakerTally.Of(knowledge, platforms.ToDictionary(p => p.Platform, p => p.Count), Devices - platforms.Sum(p => p.Count));
        ByPlatform = tallies.Where(t => t.Filter != MakerTally.Unknown).Take(15).Concat(tallies.Where(t => t.Filter == MakerTally.Unknown))
            .Select(t => new Bar(t.Label, t.Count, $"/Devices?maker={Uri.EscapeDataString(t.Filter)}")).ToList();
        var brands = await db.Devices.Where(d => d.BrandAsSold != null).GroupBy(d => d.BrandAsSold!)
            .Select(g => new { Brand = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(15).ToListAsync(cancel);
        ByBrand = brands.ConvertAll(b => new Bar(b.Brand, b.Count, $"/Devices?brand={Uri.EscapeDataString(b.Brand)}"));
        var whiteLabels = await db.Identities.Where(i => i.WhiteLabel).GroupBy(i => new { i.Brand, i.Platform })
            .Select(g => new { g.Key.Brand, g.Key.Platform, Count = g.Count() }).ToListAsync(cancel);
        WhiteLabelCount = whiteLabels.Sum(w => w.Count);
        WhiteLabels = whiteLabels.OrderByDescending(w => w.Count).Take(15)
            .Select(w => new Bar($"{w.Brand} on {MakerName(w.Platform)}", w.Count,
                $"/Devices?whiteLabel=true&brand={Uri.EscapeDataString(w.Brand ?? "")}")).ToList();
        var flags = await db.Identities.GroupBy(i => 1).Select(g => new
        {
            HumanRights = g.Count(i => (i.Flags & RiskDimension.HumanRights) != RiskDimension.None),
            SecurityTrust = g.Count(i => (i.Flags & RiskDimension.SecurityTrust) != RiskDimension.None),
            CyberHygiene = g.Count(i => (i.Flags & RiskDimension.CyberHygiene) != RiskDimension.None),
        }).SingleOrDefaultAsync(cancel);
        Flagged =
        [
            new Bar(RiskAssessor.Words(RiskDimension.HumanRights), flags?.HumanRights ?? 0, "/Devices?flagged=human-rights"),
            new Bar(RiskAssessor.Words(RiskDimension.SecurityTrust), flags?.SecurityTrust ?? 0, "/Devices?flagged=security"),
            new Bar(RiskAssessor.Words(RiskDimension.CyberHygiene), flags?.CyberHygiene ?? 0, "/Devices?flagged=cyber"),
        ];
        Missing = await db.Devices.AsNoTracking().Where(d => d.Status == DeviceStatus.Missing).OrderBy(d => d.Id).Take(10)
            .Select(d => new MissingDevice(d.Id, d.AssetId, d.BrandAsSold, d.Model, d.IpAddress)).ToListAsync(cancel);
        if ((await authorization.AuthorizeAsync(User, Policies.ReadAudit)).Succeeded)
        {
            Recent = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).Take(10).ToListAsync(cancel);
        }
        if ((await authorization.AuthorizeAsync(User, Policies.ReadLogBook)).Succeeded)
        {
            var sars = await SubjectAccessRequests.ListAsync(db, SarClock.Shipped(knowledge.Folder), LogBookRecords.Today(time), false, cancel);
            Sars = (sars.Count(v => v.Flag == "overdue"), sars.Count(v => v.Flag == "due soon"));
        }
    }

    private string MakerName(string? id) => id is null ? "unknown" : knowledge.Makers.TryGetValue(id, out var maker) ? maker.Name : id;
}
