using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.LogBook;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.LogBook;
using Sightline.Web.Accounts;
using Sightline.Web.LogBook;

namespace Sightline.Web.Pages.LogBook;

/// <summary>
/// The log book: subject access requests by due day, holds in force, open disclosure requests and the newest viewings and
/// exports, and recorders' own retention. Manager, Compliance and Assessor read it; Manager and Compliance release holds here
/// (audited), through the same call as `sightline logbook hold release`; a Manager reads the recorders (<see cref="RetentionRunner"/>).
/// </summary>
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization, RetentionRunner reader) : PageModel
{
    /// <summary>How many viewings and exports the page lists.</summary>
    public const int NewestAccesses = 20;

    public List<SubjectAccessRequests.View> Sars { get; private set; } = [];

    public HashSet<int> Held { get; private set; } = [];

    public List<LegalHolds.View> Holds { get; private set; } = [];

    public List<Data.LogBook.Disclosures.View> Disclosures { get; private set; } = [];

    public List<FootageAccess> Accesses { get; private set; } = [];

    public Dictionary<int, string> SystemNames { get; private set; } = [];

    public List<RetentionReadings.Latest> Recorders { get; private set; } = [];

    public bool CanKeep { get; private set; }

    /// <summary>Whether the account may ask the recorders (a Manager: it sends traffic to devices, as a scan does).</summary>
    public bool CanRead { get; private set; }

    /// <summary>The read of recorders this server is running, or ran last.</summary>
    public RetentionRun? Reading => reader.Current;

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public Task<IActionResult> OnPostReleaseAsync(int hold, string? reason, CancellationToken cancel) => WriteAsync(async () =>
    {
        var outcome = await LegalHolds.ReleaseAsync(db, time, User.Identity!.Name!, hold, reason ?? "", cancel);
        return outcome.Succeeded ? Done($"Hold {hold} released.") : await RefusedAsync(outcome.Problems.Select(p => p.Message), cancel);
    });

    public Task<IActionResult> OnPostReviewAsync(int hold, string? reviewBy, CancellationToken cancel) => WriteAsync(async () =>
    {
        var outcome = await LegalHolds.SetAsync(db, time, User.Identity!.Name!, hold, new Dictionary<string, string?> { ["review-by"] = reviewBy }, cancel);
        return outcome.Succeeded ? Done($"Hold {hold} is now to be reviewed by {reviewBy}.") : await RefusedAsync(outcome.Problems.Select(p => p.Message), cancel);
    });

    public async Task<IActionResult> OnPostReadRetentionAsync(string? logins, string? system, bool allowPublic, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded)
        {
            return Forbid();
        }
        var (run, problems, _) = await reader.StartAsync(db, logins, system, allowPublic, User.Identity!.Name!, cancel);
        if (run is null)
        {
            return await RefusedAsync(problems, cancel);
        }
        Message = $"Reading {Words.Count(run.Asked, "recorders")}, one at a time.";
        return RedirectToPage(null, null, "recorders");
    }

    private async Task<IActionResult> WriteAsync(Func<Task<IActionResult>> write) =>
        (await authorization.AuthorizeAsync(User, Policies.KeepLogBook)).Succeeded ? await write() : Forbid();

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(IEnumerable<string> problems, CancellationToken cancel)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(cancel);
        Message = string.Join(" ", problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        var today = LogBookRecords.Today(time);
        CanKeep = (await authorization.AuthorizeAsync(User, Policies.KeepLogBook)).Succeeded;
        CanRead = (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;
        Sars = await SubjectAccessRequests.ListAsync(db, SarClock.Shipped(knowledge.Folder), today, false, cancel);
        Holds = await LegalHolds.ListAsync(db, today, false, cancel);
        Held = [.. Holds.Select(h => h.Hold.Id)];
        Disclosures = await Data.LogBook.Disclosures.ListAsync(db, today, false, cancel);
        Accesses = await FootageLog.ListAsync(db, null, NewestAccesses, cancel);
        SystemNames = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        Recorders = await RetentionReadings.LatestAsync(db, cancel);
    }

    /// <summary>Systems stored as IDs, by name.</summary>
    public string Names(string? systems) =>
        string.Join("; ", LogBookRecords.SystemIds(systems).Select(id => SystemNames.GetValueOrDefault(id, $"#{id}")));
}
