using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.LogBook;
using Sightline.Knowledge;
using Sightline.LogBook;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.LogBook.Sars;

/// <summary>
/// One subject access request: its fields, due day, flag and hold. Manager and Compliance record its steps through the
/// form (as `sightline sar set`); closing it releases its hold. Each problem is shown beside its field.
/// </summary>
public sealed class ShowModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }

    public SarStage Stage { get; private set; }

    public DateOnly Due { get; private set; }

    public string? Flag { get; private set; }

    public LegalHold? Hold { get; private set; }

    public string Systems { get; private set; } = "";

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
        var typed = FormField.Read(SubjectAccessRequests.Fields, Request.Form);
        var outcome = await SubjectAccessRequests.SetAsync(db, SarClock.Shipped(knowledge.Folder), time, User.Identity!.Name!, id, typed, cancel);
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
        if (await SubjectAccessRequests.FindAsync(db, id, cancel) is not { } request)
        {
            return false;
        }
        var clock = SarClock.Shipped(knowledge.Folder);
        (Id, Stage, Due, Flag) = (id, request.Stage, clock.Due(request), clock.Flag(request, LogBookRecords.Today(time)));
        Hold = request.HoldId is { } holdId ? await db.LegalHolds.AsNoTracking().SingleOrDefaultAsync(h => h.Id == holdId, cancel) : null;
        Systems = await LogBookRecords.SystemNamesAsync(db, request.Systems, cancel);
        CanKeep = (await authorization.AuthorizeAsync(User, Policies.KeepLogBook)).Succeeded;
        Form = FormField.Of(request, SubjectAccessRequests.Fields, typed, problems);
        return true;
    }
}
