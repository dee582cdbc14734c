using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Register;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Systems;

/// <summary>Makes a system (Manager or Compliance), refused with the form as typed when a value is wrong.</summary>
[Authorize(Policy = Policies.EditSystems)]
public sealed class AddModel(RegisterDb db, TimeProvider time) : PageModel
{
    public List<FormField> Form { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public void OnGet() => Form = FormField.Of(new SurveillanceSystem { Name = "" }, SystemRecords.Fields);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var typed = FormField.Read(SystemRecords.Fields, Request.Form);
        var outcome = await SystemRecords.AddAsync(db, time, User.Identity!.Name!, typed, cancel);
        if (outcome.Succeeded)
        {
            Message = "The system is added, on the record.";
            return RedirectToPage("Show", new { id = outcome.SystemId });
        }
        Form = FormField.Of(new SurveillanceSystem { Name = "" }, SystemRecords.Fields, typed, outcome.Problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
