using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.LogBook;
using Sightline.LogBook;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.LogBook.Disclosures;

/// <summary>
/// Records a request to disclose footage (the police, insurers, others): Manager or Compliance, as `sightline logbook
/// disclosure add`, holding the footage named until it closes when asked.
/// </summary>
[Authorize(Policy = Policies.KeepLogBook)]
public sealed class AddModel(RegisterDb db, TimeProvider time) : PageModel
{
    public List<FormField> Form { get; private set; } = [];

    public bool Hold { get; private set; } = true;

    public string? Problem { get; private set; }

    [TempData] public string? Message { get; set; }

    public void OnGet() => Form = FormField.Of(New(), Data.LogBook.Disclosures.Fields);

    public async Task<IActionResult> OnPostAsync(string? hold, CancellationToken cancel)
    {
        var typed = FormField.Read(Data.LogBook.Disclosures.Fields, Request.Form);
        Hold = hold == "yes";
        var outcome = await Data.LogBook.Disclosures.AddAsync(db, time, User.Identity!.Name!, typed, Hold, cancel);
        if (outcome.Succeeded)
        {
            Message = $"Disclosure request {outcome.Id} recorded.";
            return RedirectToPage("Show", new { id = outcome.Id });
        }
        Form = FormField.Of(New(), Data.LogBook.Disclosures.Fields, typed, outcome.Problems);
        Problem = string.Join(" ", outcome.Problems.Select(p => p.Message));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Disclosure New() => new() { Received = LogBookRecords.Today(time) };
}
