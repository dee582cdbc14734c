using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Procurement;
using Sightline.Knowledge;
using Sightline.Procurement;
using Sightline.Web.Accounts;
using Sightline.Web.Reports;

namespace Sightline.Web.Pages.Suppliers;

/// <summary>
/// One supplier: its findings first (a refusal is shown prominently), then each question beside the concerns it answers
/// to and the maker's published response (the right of reply), the questionnaires, and the devices it supplied.
/// </summary>
public sealed class ShowModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    /// <summary>How many of the supplier's devices are listed.</summary>
    public const int DevicesShown = 100;

    public DueDiligence.Record? Record { get; private set; }

    /// <summary>The shipped question set, for the questions' text; null when it cannot be read (the IDs still show).</summary>
    public DueDiligenceQuestions? Questions { get; private set; }

    public string? QuestionsProblem { get; private set; }

    public IReadOnlyList<Concern> Concerns { get; private set; } = [];

    public List<SupplierDevices.Supplied> Devices { get; private set; } = [];

    public int DeviceCount { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>Today on the clock, for whether a deadline has passed.</summary>
    public DateOnly Today { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel) => await LoadAsync(id, cancel) ? Page() : NotFound();

    public Task<IActionResult> OnPostSendAsync(int id, string? sent, string? deadline, CancellationToken cancel) =>
        WriteAsync(id, async () =>
        {
            DueDiligenceQuestions questions;
            try
            {
                questions = DueDiligenceQuestions.Shipped(knowledge.Folder);
            }
            catch (FormatException e)
            {
                return (e.Message, "");
            }
            var (_, problem) = await DueDiligence.SendAsync(db, time, User.Identity!.Name!, id, questions, Blank(sent), Blank(deadline), cancel);
            return (problem, "The questionnaire is recorded as sent.");
        }, cancel);

    public Task<IActionResult> OnPostReplyAsync(int id, int questionnaire, string? question, string? kind, string? text, string? evidence, string? received,
        CancellationToken cancel) =>
        WriteAsync(id, async () =>
        {
            var declined = kind == "decline";
            // A reply must be to a questionnaire sent to this supplier, not another's.
            if (!await db.Questionnaires.AnyAsync(q => q.Id == questionnaire && q.SupplierId == id, cancel))
            {
                return ("questionnaire: not one sent to this supplier", "");
            }
            var problem = await DueDiligence.ReplyAsync(db, time, User.Identity!.Name!, questionnaire, Blank(question), declined, text, evidence, Blank(received), cancel);
            return (problem, declined ? "The refusal is recorded: it is a finding." : "The answer is recorded.");
        }, cancel);

    /// <summary>The letter of one of this supplier's questionnaires, as a page (html) or printed (pdf).</summary>
    public async Task<IActionResult> OnGetLetterAsync(int id, int questionnaire, string? format, CancellationToken cancel)
    {
        if (await PapersAsync(id, questionnaire, cancel) is not { } letter)
        {
            return NotFound();
        }
        var html = QuestionnaireLetterHtml.Html(letter);
        var name = QuestionnaireLetterHtml.FileName(questionnaire);
        try
        {
            var file = await ReportFile.MakeAsync(html, name, format == "pdf", cancel);
            return File(file.Content, file.ContentType, file.Name);
        }
        catch (PdfException e)
        {
            await LoadAsync(id, cancel);
            Message = e.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    /// <summary>The return form of one of this supplier's questionnaires (CSV the supplier fills in).</summary>
    public async Task<IActionResult> OnGetFormAsync(int id, int questionnaire, CancellationToken cancel) =>
        await PapersAsync(id, questionnaire, cancel) is { } letter
            ? File(QuestionnaireForm.Bytes(letter), "text/csv; charset=utf-8", QuestionnaireForm.FileName(questionnaire))
            : NotFound();

    /// <summary>Imports a returned form: every filled row recorded, or, on any problem, none and the problems shown.</summary>
    public Task<IActionResult> OnPostImportAsync(int id, int questionnaire, string? received, IFormFile? file, CancellationToken cancel) =>
        WriteAsync(id, async () =>
        {
            if (!await db.Questionnaires.AnyAsync(q => q.Id == questionnaire && q.SupplierId == id, cancel))
            {
                return ("questionnaire: not one sent to this supplier", "");
            }
            if (file is null || file.Length == 0)
            {
                return ("file: choose the return form the supplier filled in", "");
            }
            await using var stream = file.OpenReadStream();
            var imported = await QuestionnaireReturns.ImportAsync(db, time, User.Identity!.Name!, questionnaire, stream, Path.GetFileName(file.FileName), Blank(received), cancel);
            return imported.Problems.Count > 0
                ? ($"Nothing was recorded: {string.Join("; ", imported.Problems)}", "")
                : (null, $"{Register.Words.Count(imported.Answers, "answers")} and {Register.Words.Count(imported.Refusals, "refusals")} recorded from the return form.");
        }, cancel);

    // The papers of a questionnaire sent to this supplier; null when there is no such questionnaire, or the set cannot be read.
    private async Task<QuestionnaireLetter?> PapersAsync(int id, int questionnaire, CancellationToken cancel)
    {
        if (!await db.Questionnaires.AnyAsync(q => q.Id == questionnaire && q.SupplierId == id, cancel))
        {
            return null;
        }
        try
        {
            return await QuestionnaireReturns.LetterAsync(db, DueDiligenceQuestions.Shipped(knowledge.Folder), questionnaire, cancel);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public Task<IActionResult> OnPostLinkAsync(int id, string? device, string? link, CancellationToken cancel) =>
        WriteAsync(id, async () => (await SupplierDevices.LinkAsync(db, time, User.Identity!.Name!, id, device ?? "", link ?? "", cancel), "The device is linked."),
            cancel);

    private async Task<IActionResult> WriteAsync(int id, Func<Task<(string? Problem, string Done)>> write, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Procure)).Succeeded)
        {
            return Forbid();
        }
        var (problem, done) = await write();
        if (problem is null)
        {
            Message = done;
            return Redirect($"/Suppliers/{SupplierRecords.Key(id)}");
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancel))
        {
            return NotFound();
        }
        Message = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancel)
    {
        if (await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } supplier)
        {
            return false;
        }
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Procure)).Succeeded;
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Record = await DueDiligence.RecordAsync(db, supplier, Today, cancel);
        try
        {
            Questions = DueDiligenceQuestions.Shipped(knowledge.Folder);
        }
        catch (FormatException e)
        {
            QuestionsProblem = e.Message;
        }
        var makers = DueDiligenceFindings.Ids(supplier.Makers);
        Concerns = knowledge.Concerns.Where(c => makers.Contains(c.Maker.Id)).ToList();
        Devices = await SupplierDevices.ListAsync(db, supplier, DevicesShown, cancel);
        DeviceCount = await SupplierDevices.Of(db, supplier).CountAsync(cancel);
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
