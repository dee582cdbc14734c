using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.Register;
using Sightline.Knowledge;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Devices;

/// <summary>Adds one device, checked as an import checks a row (<see cref="DeviceEdits.AddAsync"/>), on the audit log.</summary>
[Authorize(Policy = Policies.Edit)]
public sealed class AddModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time) : PageModel
{
    public DeviceForm Form { get; private set; } = new();

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancel) => await Form.LoadPlacesAsync(db, cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        Form = DeviceForm.Read(Request.Form);
        var outcome = await DeviceEdits.AddAsync(db, knowledge, time, User.Identity!.Name!, Form.Typed, cancel);
        if (outcome.Succeeded)
        {
            Message = $"Device {outcome.DeviceId} is added, on the record.";
            return RedirectToPage("Show", new { id = outcome.DeviceId });
        }
        Form.Show(outcome.Problems);
        db.ChangeTracker.Clear();
        await Form.LoadPlacesAsync(db, cancel);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
