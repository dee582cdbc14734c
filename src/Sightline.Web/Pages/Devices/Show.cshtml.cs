using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Data;
using Sightline.Data.Identification;
using Sightline.Data.Procurement;
using Sightline.Knowledge;
using Sightline.Procurement;
using Sightline.Register;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Devices;

public sealed class ShowModel(RegisterDb db, KnowledgeBase knowledge, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public DeviceEvidence? Evidence { get; private set; }

    public DeviceValues? Values { get; private set; }

    public bool StaleIdentity { get; private set; }

    public bool CanEdit { get; private set; }

    public IReadOnlyList<Maker> Makers { get; private set; } = [];

    /// <summary>Null when the reader's role may not read the audit log.</summary>
    public IReadOnlyList<AuditEntry>? History { get; private set; }

    /// <summary>The device's suppliers, each with its due-diligence findings (a refusal shows on every device it supplied).</summary>
    public IReadOnlyList<(SupplierDevices.SuppliedBy Supplier, IReadOnlyList<SupplierFinding> Findings)> Suppliers { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel) =>
        await LoadAsync(id, cancel) ? Page() : NotFound();

    public Task<IActionResult> OnPostOverrideAsync(int id, string? maker, string? reason, CancellationToken cancel) =>
        DecideAsync(id, string.IsNullOrEmpty(maker) ? "" : maker, reason, cancel);

    public Task<IActionResult> OnPostWithdrawAsync(int id, string? reason, CancellationToken cancel) =>
        DecideAsync(id, null, reason, cancel);

    /// <summary>A captured answer as shown in the evidence table: at most 300 characters.</summary>
    public static string Cut(string value) => value.Length <= 300 ? value : string.Concat(value.AsSpan(0, 300), "…");

    private async Task<IActionResult> DecideAsync(int id, string? maker, string? reason, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded)
        {
            return Forbid();
        }
        var outcome = maker == ""
            ? new IdentityDecision.Outcome("choose a platform maker", id, null, null)
            : await IdentityDecision.RecordAsync(db, knowledge, time, User.Identity!.Name!, id.ToString(CultureInfo.InvariantCulture),
                maker, reason ?? "", cancel);
        if (outcome.Error is { } error)
        {
            Problem = char.ToUpperInvariant(error[0]) + error[1..] + ".";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            db.ChangeTracker.Clear();
            return await LoadAsync(id, cancel) ? Page() : NotFound();
        }
        Message = outcome.Decided is null
            ? "The decision is withdrawn; the evidence decides again."
            : $"Platform maker set to {outcome.Decided.Name}, on the record.";
        return RedirectToPage(new { id });
    }

    private async Task<List<(SupplierDevices.SuppliedBy, IReadOnlyList<SupplierFinding>)>> SuppliersAsync(int id, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var found = new List<(SupplierDevices.SuppliedBy, IReadOnlyList<SupplierFinding>)>();
        foreach (var by in await SupplierDevices.SuppliersOfAsync(db, id, cancel))
        {
            found.Add((by, (await DueDiligence.RecordAsync(db, by.Supplier, today, cancel)).Findings));
        }
        return found;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancel)
    {
        Evidence = await DeviceEvidence.LoadAsync(db, knowledge, id, cancel);
        if (Evidence is null)
        {
            return false;
        }
        Values = DeviceValues.From(Evidence.Device, Evidence.SystemName, Evidence.SiteName);
        StaleIdentity = Evidence.Stored is null || Evidence.Stored.Knowledge != knowledge.Version;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        Suppliers = await SuppliersAsync(id, cancel);
        Makers = knowledge.Makers.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if ((await authorization.AuthorizeAsync(User, Policies.ReadAudit)).Succeeded)
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            History = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "device" && a.EntityId == key)
                .OrderBy(a => a.Sequence).ToListAsync(cancel);
        }
        return true;
    }
}
