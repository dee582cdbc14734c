using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;
using Sightline.Data;
using Sightline.Data.Assessments;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Web.Accounts;
using Sightline.Web.Reports;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// One self-assessment: answers per principle, evidence, the findings from the register to accept or reject, the action
/// plan, sign-off and publication (Compliance writes; every role reads), and the published report as HTML or PDF.
/// </summary>
public sealed class ShowModel(RegisterDb db, IAuthorizationService authorization, TimeProvider time, KnowledgeBase knowledge) : PageModel
{
    public AssessmentView View { get; private set; } = null!;

    /// <summary>The findings offered to a draft (none once it is signed off: they can no longer be decided).</summary>
    public IReadOnlyList<OfferedFindings.Offer> Offers { get; private set; } = [];

    public bool CanWrite { get; private set; }

    [TempData] public string? Message { get; set; }

    [TempData] public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel)
    {
        try
        {
            View = await AssessmentRead.ViewAsync(db, id, time.GetUtcNow(), cancel);
        }
        catch (RegisterException)
        {
            return NotFound();
        }
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.Comply)).Succeeded;
        if (View.Assessment.State == AssessmentState.Draft)
        {
            Offers = await OfferedFindings.ListAsync(db, knowledge, id, time, cancel);
        }
        return Page();
    }

    /// <summary>A principle's findings from the register that are not decided yet.</summary>
    public IEnumerable<OfferedFindings.Offer> ToDecide(int principle) => Offers.Where(o => o.Principle == principle && o.Accepted is null);

    public Task<IActionResult> OnPostFindingAsync(int id, int principle, string? key, string? text, string? decision, string? reason,
        CancellationToken cancel) => WriteAsync(id, principle, async actor =>
    {
        var accept = decision switch
        {
            "accept" => true,
            "reject" => false,
            _ => throw new RegisterException($"decision '{decision}' is not accept or reject"),
        };
        // A key counts a principle's findings, so after the register changed it could name another finding than the one shown.
        var offers = await OfferedFindings.ListAsync(db, knowledge, id, time, cancel);
        if (offers.FirstOrDefault(o => o.Key == key) is not { } offer || offer.Text != text)
        {
            throw new RegisterException($"the register's findings changed since the page was shown, so finding {key} was not decided; look at them again");
        }
        var decided = await OfferedFindings.DecideAsync(db, knowledge, time, actor, id, offer.Key, accept, reason, cancel);
        return $"Finding {decided.Key} {(accept ? "accepted" : "rejected")}: {decided.Text}";
    }, cancel);

    public Task<IActionResult> OnPostAnswersAsync(int id, int principle, CancellationToken cancel) => WriteAsync(id, principle, async actor =>
    {
        var view = await AssessmentRead.ViewAsync(db, id, time.GetUtcNow(), cancel);
        SelfAssessments.CheckPrinciple(principle);
        var changed = 0;
        foreach (var question in view.Set[principle].Questions)
        {
            var word = Request.Form[$"answer-{question.Id}"].ToString();
            var text = Request.Form[$"text-{question.Id}"].ToString();
            var answer = word.Length == 0 ? (ClosedAnswer?)null : SelfAssessments.ParseAnswer(word)
                ?? throw new RegisterException($"question {question.Id}: '{word}' is not one of yes, partly, no, not-applicable");
            var stored = view.Answer(question.Id);
            if ((answer is null && text.Length == 0) || (stored is not null && stored.Answer == answer && (stored.Text ?? "") == text.Trim()))
            {
                continue;
            }
            await SelfAssessments.AnswerAsync(db, time, actor, id, question.Id, answer, text, cancel);
            changed++;
        }
        return $"Principle {principle}: {Words.Count(changed, "answers")} saved.";
    }, cancel);

    public Task<IActionResult> OnPostLinkAsync(int id, int principle, string? title, string? url, CancellationToken cancel) =>
        WriteAsync(id, principle, async actor =>
        {
            await SelfAssessments.AddLinkAsync(db, time, actor, id, principle, title ?? "", url ?? "", cancel);
            return "Link added.";
        }, cancel);

    public Task<IActionResult> OnPostFileAsync(int id, int principle, string? title, IFormFile? file, CancellationToken cancel) =>
        WriteAsync(id, principle, async actor =>
        {
            if (file is null || file.Length == 0)
            {
                throw new RegisterException("choose a file to upload");
            }
            if (file.Length > SelfAssessments.MaxFileBytes)
            {
                throw new RegisterException($"file '{file.FileName}' is {file.Length:N0} bytes; evidence files may be at most {SelfAssessments.MaxFileBytes:N0} bytes");
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancel);
            var added = await SelfAssessments.AddFileAsync(db, time, actor, id, principle, file.FileName, title, buffer.ToArray(), cancel);
            return $"File {added.FileName} kept (SHA-256 {added.Sha256}).";
        }, cancel);

    public Task<IActionResult> OnPostActionAsync(int id, int principle, string? text, string? owner, string? due, CancellationToken cancel) =>
        WriteAsync(id, principle, async actor =>
        {
            if (!DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new RegisterException($"due date '{due}' is not a date (yyyy-mm-dd)");
            }
            await SelfAssessments.AddActionAsync(db, time, actor, id, principle, text ?? "", owner ?? "", date, cancel);
            return "Action added.";
        }, cancel);

    public Task<IActionResult> OnPostActionStatusAsync(int id, int principle, int action, string? status, CancellationToken cancel) =>
        WriteAsync(id, principle, async actor =>
        {
            var value = Words.Parse<ActionStatus>(status ?? "") ?? throw new RegisterException($"status '{status}' is not one of {Words.List<ActionStatus>()}");
            await SelfAssessments.SetActionStatusAsync(db, time, actor, id, action, value, cancel);
            return $"Action {action} is {Words.Of(value)}.";
        }, cancel);

    public Task<IActionResult> OnPostSignOffAsync(int id, string? person, CancellationToken cancel) => WriteAsync(id, null, async actor =>
    {
        await SelfAssessments.SignOffAsync(db, time, actor, id, person ?? "", cancel);
        return $"Signed off by {person}.";
    }, cancel);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancel) => WriteAsync(id, null, async actor =>
    {
        await SelfAssessments.PublishAsync(db, time, actor, id, cancel);
        return "Published.";
    }, cancel);

    /// <summary>The published report: HTML, or PDF printed from it.</summary>
    public async Task<IActionResult> OnGetReportAsync(int id, string? format, CancellationToken cancel)
    {
        AssessmentView view;
        try
        {
            view = await AssessmentRead.ViewAsync(db, id, time.GetUtcNow(), cancel);
        }
        catch (RegisterException)
        {
            return NotFound();
        }
        if (view.Assessment.State != AssessmentState.Published)
        {
            Problem = "Only a published self-assessment has a report; sign it off and publish it first.";
            return Redirect($"/Assessments/{id}");
        }
        var organisation = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Name).FirstOrDefaultAsync(cancel) ?? "";
        var html = SelfAssessmentReport.Html(view, organisation);
        var name = $"self-assessment-{id}";
        try
        {
            var file = await ReportFile.MakeAsync(html, name, format == "pdf", cancel);
            return File(file.Content, file.ContentType, file.Name);
        }
        catch (PdfException e)
        {
            Problem = e.Message;
            return Redirect($"/Assessments/{id}");
        }
    }

    /// <summary>An uploaded evidence file, as a download (never shown inline: it came from a person, not from us).</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int evidence, CancellationToken cancel) =>
        await AssessmentRead.FileAsync(db, id, evidence, cancel) is { } file
            ? File(file.Content, "application/octet-stream", file.Name)
            : NotFound();

    private async Task<IActionResult> WriteAsync(int id, int? principle, Func<string, Task<string>> change, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Comply)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            Message = await change(User.Identity!.Name!);
        }
        catch (RegisterException e)
        {
            Problem = e.Message;
        }
        return Redirect($"/Assessments/{id}{(principle is { } p ? $"#principle-{p}" : "")}");
    }
}
