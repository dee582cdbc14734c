using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Register;
using Sightline.Knowledge;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Devices;

/// <summary>
/// Edits a device's fields (<see cref="DeviceEdits.EditAsync"/>): refused, with the form as typed, when a value is wrong,
/// belongs to another device, or the device changed since the form was opened (its version is in the form).
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class EditModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time) : PageModel
{
    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Version { get; private set; } = "";

    public DeviceForm Form { get; private set; } = new();

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel)
    {
        if (await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancel) is not { } device)
        {
            return NotFound();
        }
        var values = await DeviceEdits.ValuesAsync(db, device, cancel);
        (Id, Name, Version, Form) = (id, device.AssetId ?? $"#{id.ToString(CultureInfo.InvariantCulture)}", DeviceEdits.Version(values), DeviceForm.Of(values));
        await Form.LoadPlacesAsync(db, cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? version, CancellationToken cancel)
    {
        Form = DeviceForm.Read(Request.Form);
        var outcome = await DeviceEdits.EditAsync(db, knowledge, time, User.Identity!.Name!, id, version ?? "", Form.Typed, cancel);
        if (outcome.DeviceId is null)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            Message = outcome.Changed ? "The changes are saved, on the record." : "Nothing was changed.";
            return RedirectToPage("Show", new { id });
        }
        (Id, Version) = (id, version ?? "");
        db.ChangeTracker.Clear();
        Name = await db.Devices.Where(d => d.Id == id).Select(d => d.AssetId).SingleAsync(cancel) ?? $"#{id.ToString(CultureInfo.InvariantCulture)}";
        Form.Show(outcome.Problems);
        await Form.LoadPlacesAsync(db, cancel);
        Response.StatusCode = outcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
