using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.LogBook;
using Sightline.LogBook;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.LogBook;

/// <summary>Places a hold on footage (an incident, a case, a claim): Manager and Compliance, as `sightline logbook hold add`.</summary>
[Authorize(Policy = Policies.KeepLogBook)]
public sealed class HoldModel(RegisterDb db, TimeProvider time) : PageModel
{
    public List<FormField> Form { get; private set; } = [];

    public string? Problem { get; private set; }

    [TempData] public string? Message { get; set; }

    public void OnGet() => Form = FormField.Of(NewHold(), LegalHolds.Fields);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var typed = FormField.Read(LegalHolds.Fields, Request.Form);
        var outcome = await LegalHolds.PlaceAsync(db, time, User.Identity!.Name!, typed, cancel);
        if (outcome.Succeeded)
        {
            Message = $"Hold {outcome.Id} placed: the footage is kept until it is released.";
            return RedirectToPage("Index");
        }
        Form = FormField.Of(NewHold(), LegalHolds.Fields, typed, outcome.Problems);
        Problem = string.Join(" ", outcome.Problems.Select(p => p.Message));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private LegalHold NewHold() => new() { Reason = HoldReason.Incident, ReviewBy = LogBookRecords.Today(time).AddDays(LegalHolds.DefaultReviewDays) };
}
