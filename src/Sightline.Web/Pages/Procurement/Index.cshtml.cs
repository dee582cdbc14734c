using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.Procurement;
using Sightline.Knowledge;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Procurement;

/// <summary>The procurement cases with the stage each has reached: Procurement and Admin open them; Compliance and Assessor read them.</summary>
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public List<ProcurementCases.Detail> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(string? title, string? excludedMakers, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageProcurement)).Succeeded)
        {
            return Forbid();
        }
        var (id, problem) = await ProcurementCases.AddAsync(db, knowledge, time, User.Identity!.Name!, title ?? "", excludedMakers, cancel);
        if (problem is null)
        {
            Message = "The case is opened.";
            return Redirect($"/Procurement/{ProcurementCases.Key(id!.Value)}");
        }
        await LoadAsync(cancel);
        Message = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.ManageProcurement)).Succeeded;
        Rows = [];
        foreach (var c in await ProcurementCases.ListAsync(db, cancel))
        {
            Rows.Add((await ProcurementCases.ReadAsync(db, c.Id, cancel))!);
        }
    }
}
