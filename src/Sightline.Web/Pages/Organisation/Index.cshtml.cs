using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Organisation;

/// <summary>The organisation's profile: everyone reads it; Admin and Compliance change it (audited).</summary>
public sealed class IndexModel(RegisterDb db, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public List<FormField> Form { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (await OrganisationProfile.GetAsync(db, cancel) is not { } organisation)
        {
            return NotFound();
        }
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditOrganisation)).Succeeded;
        Form = FormField.Of(organisation, OrganisationProfile.Fields);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditOrganisation)).Succeeded)
        {
            return Forbid();
        }
        var typed = FormField.Read(OrganisationProfile.Fields, Request.Form);
        var applied = await OrganisationProfile.SetAsync(db, time, User.Identity!.Name!, typed, cancel);
        if (applied.Problems.Count == 0)
        {
            Message = applied.Changed ? "The profile is saved, on the record." : "Nothing was changed.";
            return RedirectToPage();
        }
        CanEdit = true;
        Form = FormField.Of((await OrganisationProfile.GetAsync(db, cancel))!, OrganisationProfile.Fields, typed, applied.Problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
