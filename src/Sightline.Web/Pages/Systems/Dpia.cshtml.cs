using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Systems;

/// <summary>A system's DPIA and its open review triggers: everyone reads it; Compliance writes and signs it off (audited).</summary>
public sealed class DpiaModel(RegisterDb db, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string State { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public bool HasDraft { get; private set; }

    public Dpia? Current { get; private set; }

    public List<FormField> CurrentFields { get; private set; } = [];

    public List<FormField> DraftFields { get; private set; } = [];

    public List<DpiaTrigger> Triggers { get; private set; } = [];

    public List<string> Locations { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel)
    {
        await DpiaReviews.RaiseAsync(db, time, cancel);
        return await LoadAsync(id, null, null, cancel) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancel)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        var typed = FormField.Read(DpiaRecords.Fields, Request.Form);
        var problems = await DpiaRecords.EditAsync(db, time, User.Identity!.Name!, id, typed, cancel);
        if (problems.Count == 0)
        {
            Message = "The draft is saved, on the record.";
            return RedirectToPage("Dpia", new { id });
        }
        return await RefusedAsync(id, typed, problems, cancel);
    }

    public async Task<IActionResult> OnPostSignOffAsync(int id, string? by, string? reviewDue, CancellationToken cancel)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(reviewDue) && (due = RecordFields.ParseDay(reviewDue)) is null)
        {
            return await RefusedAsync(id, null, [("reviewDue", $"Next review: '{reviewDue}' is not a date written YYYY-MM-DD")], cancel);
        }
        if (await DpiaRecords.SignOffAsync(db, time, User.Identity!.Name!, id, by ?? "", due, cancel) is { } problem)
        {
            return await RefusedAsync(id, null, [("by", problem)], cancel);
        }
        Message = "The DPIA is signed off; its review triggers are cleared.";
        return RedirectToPage("Dpia", new { id });
    }

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.Comply)).Succeeded;

    private async Task<IActionResult> RefusedAsync(int id, Dictionary<string, string?>? typed, IReadOnlyList<(string, string)> problems, CancellationToken cancel)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, typed, problems, cancel))
        {
            return NotFound();
        }
        Message = string.Join(" ", problems.Select(p => p.Item2));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, Dictionary<string, string?>? typed, IEnumerable<(string, string)>? problems, CancellationToken cancel)
    {
        if (await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } system)
        {
            return false;
        }
        (Id, Name) = (id, system.Name);
        CanEdit = await CanEditAsync();
        var state = await DpiaRecords.StateAsync(db, id, cancel);
        State = DpiaRecords.StateWord(state);
        (Current, HasDraft) = (state.Current, state.Draft is not null);
        CurrentFields = state.Current is null ? [] : FormField.Of(state.Current, DpiaRecords.Fields);
        // The form starts from the draft, else from the current DPIA (a review), else from the system's own records.
        var start = state.Draft ?? state.Current ?? new Dpia { SystemId = id, Purposes = system.Purposes, LawfulBasis = system.LawfulBasis };
        DraftFields = FormField.Of(start, DpiaRecords.Fields, typed, problems);
        Triggers = await DpiaReviews.OpenAsync(db, id, cancel);
        Locations = await DpiaRecords.LocationsAsync(db, id, cancel);
        return true;
    }
}
