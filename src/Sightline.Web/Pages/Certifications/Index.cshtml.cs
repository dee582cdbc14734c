using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Certifications;

/// <summary>Certifications with their expiry alerts: everyone reads them; Compliance records them (audited).</summary>
public sealed class IndexModel(RegisterDb db, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public List<CertificationRecords.View> Rows { get; private set; } = [];

    public List<string> Systems { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(string? body, string? step, string? issued, string? expires, string? reference, string[]? systems,
        CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Comply)).Succeeded)
        {
            return Forbid();
        }
        var (id, problems) = await CertificationRecords.AddAsync(db, time, User.Identity!.Name!, body ?? "", step ?? "", issued ?? "",
            string.IsNullOrWhiteSpace(expires) ? null : expires, reference, systems ?? [], cancel);
        if (id is not null)
        {
            Message = "The certification is recorded.";
            return RedirectToPage();
        }
        await LoadAsync(cancel);
        Message = string.Join("; ", problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Comply)).Succeeded;
        Rows = await CertificationRecords.ListAsync(db, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancel);
        Systems = await db.Systems.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancel);
    }
}
