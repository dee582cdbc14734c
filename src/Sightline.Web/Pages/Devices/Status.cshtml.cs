using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Register;
using Sightline.Register;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Devices;

/// <summary>
/// The confirmation step for taking a device out of service or bringing it back (<see cref="DeviceEdits.SetStatusAsync"/>,
/// as `sightline devices decommission|return`), with the reason on the record.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public sealed class StatusModel(RegisterDb db, TimeProvider time) : PageModel
{
    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Version { get; private set; } = "";

    public DeviceStatus Current { get; private set; }

    /// <summary>Decommissioned for a device in service, Active for a decommissioned one.</summary>
    public DeviceStatus To { get; private set; }

    public string? Reason { get; private set; }

    public string? Problem { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel) =>
        await LoadAsync(id, cancel) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? to, string? reason, string? version, CancellationToken cancel)
    {
        var status = to is null ? null : Words.Parse<DeviceStatus>(to);
        if (status is not (DeviceStatus.Decommissioned or DeviceStatus.Active))
        {
            return BadRequest();
        }
        var outcome = await DeviceEdits.SetStatusAsync(db, time, User.Identity!.Name!, id.ToString(CultureInfo.InvariantCulture), status.Value, reason,
            version ?? "", cancel);
        if (outcome.DeviceId is null)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            Message = status == DeviceStatus.Decommissioned ? "The device is decommissioned, on the record." : "The device is back in service, on the record.";
            return RedirectToPage("Show", new { id });
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancel);
        (To, Reason, Problem) = (status.Value, reason, DeviceForm.Sentence(outcome.Problems[0].Message));
        Response.StatusCode = outcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancel)
    {
        if (await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancel) is not { } device)
        {
            return false;
        }
        (Id, Name, Current) = (id, device.AssetId ?? $"#{id.ToString(CultureInfo.InvariantCulture)}", device.Status);
        Version = DeviceEdits.Version(await DeviceEdits.ValuesAsync(db, device, cancel));
        To = device.Status == DeviceStatus.Decommissioned ? DeviceStatus.Active : DeviceStatus.Decommissioned;
        return true;
    }
}
