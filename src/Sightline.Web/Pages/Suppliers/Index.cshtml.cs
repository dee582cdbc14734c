using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Data.Procurement;
using Sightline.Knowledge;
using Sightline.Procurement;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Suppliers;

/// <summary>The suppliers with their questionnaire status and findings: everyone reads them; Procurement records them (audited).</summary>
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public List<DueDiligence.Record> Rows { get; private set; } = [];

    public IReadOnlyList<RecordField<Supplier>> Fields { get; } = SupplierRecords.Fields(null);

    public bool CanEdit { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Procure)).Succeeded)
        {
            return Forbid();
        }
        var values = Fields.Where(f => Request.Form.ContainsKey(f.Name)).ToDictionary(f => f.Name, f => (string?)Request.Form[f.Name].ToString());
        var outcome = await SupplierRecords.AddAsync(db, knowledge, time, User.Identity!.Name!, values, cancel);
        if (outcome.Succeeded)
        {
            Message = "The supplier is recorded.";
            return Redirect($"/Suppliers/{SupplierRecords.Key(outcome.SupplierId!.Value)}");
        }
        await LoadAsync(cancel);
        Message = string.Join("; ", outcome.Problems.Select(p => p.Message));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Procure)).Succeeded;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Rows = [];
        foreach (var supplier in await SupplierRecords.ListAsync(db, cancel))
        {
            Rows.Add(await DueDiligence.RecordAsync(db, supplier, today, cancel));
        }
    }
}
