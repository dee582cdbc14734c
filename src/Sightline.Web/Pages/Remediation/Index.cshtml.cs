using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.Remediation;
using Sightline.Knowledge;
using Sightline.Web.Accounts;
using Sightline.Web.Reports;

namespace Sightline.Web.Pages.Remediation;

/// <summary>
/// The remediation plan: every line with its blocker and whether it is overdue, the board paper to read or download, and
/// (Procurement, Manager, Admin) forms to add a device or group, change a line and record an exception. All audited.
/// </summary>
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public List<PlannedDevice> Plan { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData] public string? Message { get; set; }

    public string? Problem { get; private set; }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    /// <summary>The board paper as a page (html) or printed (pdf).</summary>
    public async Task<IActionResult> OnGetPaperAsync(string? format, CancellationToken cancel)
    {
        var html = BoardPaperHtml.Html(await BoardPaperRead.ReadAsync(db, knowledge, Today, cancel));
        var name = $"remediation-board-paper-{RemediationPlan.Day(Today)}";
        try
        {
            var file = await ReportFile.MakeAsync(html, name, format == "pdf", cancel);
            return File(file.Content, file.ContentType, file.Name);
        }
        catch (PdfException e)
        {
            await LoadAsync(cancel);
            Problem = e.Message;
            return Page();
        }
    }

    public Task<IActionResult> OnPostAddAsync(string? kind, string? name, CancellationToken cancel) => WriteAsync(async actor =>
    {
        var (added, left, problem) = await RemediationPlan.AddAsync(db, knowledge, time, actor, new PlanGroup(kind ?? "", name?.Trim() ?? ""), Values(), cancel);
        return (problem, $"{added} added to the plan{(left > 0 ? $"; {left} already in it" : "")}.");
    }, cancel);

    public Task<IActionResult> OnPostSetAsync(string? device, CancellationToken cancel) => WriteAsync(async actor =>
    {
        var (changed, problem) = await RemediationPlan.SetAsync(db, knowledge, time, actor, device ?? "", Values(), cancel);
        return (problem, changed ? $"Plan line for {device} changed." : "Nothing changed.");
    }, cancel);

    private async Task<IActionResult> WriteAsync(Func<string, Task<(string? Problem, string Done)>> write, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Remediate)).Succeeded)
        {
            return Forbid();
        }
        var (problem, done) = await write(User.Identity!.Name!);
        if (problem is null)
        {
            Message = done;
            return RedirectToPage();
        }
        await LoadAsync(cancel);
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // A form's empty box means "leave alone" except where the form says to clear.
    private RemediationValues Values()
    {
        string? Given(string name) => Request.Form.TryGetValue(name, out var v) && v.ToString().Length > 0 ? v.ToString() : null;
        return new RemediationValues
        {
            Disposition = Given("disposition"), Justification = Given("justification"), Owner = Given("owner"), Target = Given("target"), Cost = Given("cost"),
            Status = Given("status"), ExceptionBy = Given("exceptionBy"), ExceptionReason = Given("exceptionReason"), ExceptionDate = Given("exceptionDate"),
        };
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Remediate)).Succeeded;
        Plan = await RemediationPlan.ListAsync(db, knowledge, Today, cancel);
    }
}
