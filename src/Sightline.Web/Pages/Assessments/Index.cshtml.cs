using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Assessments;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Assessments;

/// <summary>The list of self-assessments, and starting one (Compliance).</summary>
public sealed class IndexModel(RegisterDb db, IAuthorizationService authorization, TimeProvider time, WebSettings settings) : PageModel
{
    public IReadOnlyList<AssessmentSummary> Assessments { get; private set; } = [];

    public IReadOnlyList<string> Systems { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostStartAsync(string? title, string[] systems, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Comply)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            var assessment = await SelfAssessments.StartAsync(db, time, User.Identity!.Name!, title, systems, settings.KnowledgeFolder, cancel);
            return Redirect($"/Assessments/{assessment.Id}");
        }
        catch (RegisterException e)
        {
            Problem = e.Message;
            await LoadAsync(cancel);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.Comply)).Succeeded;
        Assessments = await AssessmentRead.ListAsync(db, time.GetUtcNow(), cancel);
        Systems = await db.Systems.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancel);
    }
}
