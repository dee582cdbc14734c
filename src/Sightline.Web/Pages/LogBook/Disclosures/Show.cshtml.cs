using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.LogBook;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.LogBook.Disclosures;

/// <summary>
/// One disclosure request: its fields, stage and hold. Manager and Compliance record its steps through the form (as
/// `sightline logbook disclosure set`); each problem is shown beside its field.
/// </summary>
public sealed class ShowModel(RegisterDb db, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }

    public DisclosureStage Stage { get; private set; }

    public LegalHold? Hold { get; private set; }

    public bool CanKeep { get; private set; }

    public List<FormField> Form { get; private set; } = [];

    public string? Problem { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel) =>
        await LoadAsync(id, null, null, cancel) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.KeepLogBook)).Succeeded)
        {
            return Forbid();
        }
        var typed = FormField.Read(Data.LogBook.Disclosures.Fields, Request.Form);
        var outcome = await Data.LogBook.Disclosures.SetAsync(db, time, User.Identity!.Name!, id, typed, cancel);
        if (outcome.Succeeded)
        {
            Message = "Saved, on the record.";
            return RedirectToPage("Show", new { id });
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, typed, outcome.Problems, cancel))
        {
            return NotFound();
        }
        Problem = string.Join(" ", outcome.Problems.Select(p => p.Message));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, Dictionary<string, string?>? typed, IEnumerable<(string, string)>? problems, CancellationToken cancel)
    {
        if (await Data.LogBook.Disclosures.FindAsync(db, id, cancel) is not { } disclosure)
        {
            return false;
        }
        (Id, Stage) = (id, disclosure.Stage);
        Hold = disclosure.HoldId is { } holdId ? await db.LegalHolds.AsNoTracking().SingleOrDefaultAsync(h => h.Id == holdId, cancel) : null;
        CanKeep = (await authorization.AuthorizeAsync(User, Policies.KeepLogBook)).Succeeded;
        Form = FormField.Of(disclosure, Data.LogBook.Disclosures.Fields, typed, problems);
        return true;
    }
}
