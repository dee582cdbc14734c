using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Data.Publishing;
using Sightline.Data.Signage;
using Sightline.Publishing;
using Sightline.Register;
using Sightline.Web.Accounts;
using Sightline.Web.Reports;
using Sightline.Web.Signage;

namespace Sightline.Web.Pages.Systems;

/// <summary>
/// One system's Code of Practice records: everyone reads them; Manager and Compliance change the system, its purposes and
/// its reference databases (audited), without either needing the other's role.
/// </summary>
public sealed class ShowModel(RegisterDb db, TimeProvider time, IAuthorizationService authorization, WebSettings settings) : PageModel
{
    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public int Devices { get; private set; }

    public string DpiaState { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public List<FormField> Form { get; private set; } = [];

    public List<(string Name, List<FormField> Fields)> Purposes { get; private set; } = [];

    public List<ReferenceDatabase> Databases { get; private set; } = [];

    public List<FormField> DatabaseForm { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    /// <summary>What the public site may show of this system (null: everything, locations exact).</summary>
    public PublicationRule? Publication { get; private set; }

    /// <summary>Whether the signed-in account may change <see cref="Publication"/> (Admin, Manager).</summary>
    public bool CanPublish { get; private set; }

    /// <summary>The fields a system's rule can withhold, in order.</summary>
    public static IReadOnlyList<PublicField> PublicFields { get; } = Enum.GetValues<PublicField>();

    /// <summary>Changes what the public site shows of the system: the form names the whole rule (every withheld field is ticked).</summary>
    public async Task<IActionResult> OnPostPublicationAsync(int id, string? location, string[]? withheld, string? basis, string? review, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Publish)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            var scope = await PublicationRules.ScopeAsync(db, id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancel);
            var ticked = withheld ?? [];
            var changed = await PublicationRules.SetAsync(db, time, User.Identity!.Name!, scope,
                new RuleInput(location, ticked, [.. PublicFields.Select(f => Words.Of(f)).Where(f => !ticked.Contains(f))], basis ?? "", review ?? ""), cancel);
            Message = changed ? "What the public site shows is changed, on the record." : "Nothing was changed.";
            return RedirectToPage("Show", new { id });
        }
        catch (RegisterException e)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, null, null, cancel))
            {
                return NotFound();
            }
            Message = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel) =>
        await LoadAsync(id, null, null, cancel) ? Page() : NotFound();

    /// <summary>
    /// The system's printable sign (A4 or A3 PDF), its QR code pointing to the system's public page under the public site's
    /// address (`sightline serve --public-base-url`), or under the address this request came to.
    /// </summary>
    public async Task<IActionResult> OnGetSignAsync(int id, string? size, CancellationToken cancel)
    {
        var (paper, problem) = SignSize.Parse(size);
        if (paper is null)
        {
            return await ProblemAsync(id, problem!, cancel);
        }
        if (await SystemSigns.ReadAsync(db, id, cancel) is not { } sign)
        {
            return NotFound();
        }
        var address = PublicBaseUrl.SystemPage(settings.PublicUrl ?? $"{Request.Scheme}://{Request.Host}{Request.PathBase}".TrimEnd('/'), id);
        try
        {
            var file = await ReportFile.MakeAsync(SignHtml.Html(sign, paper, address), SignHtml.FileName(sign, paper), pdf: true, cancel);
            return File(file.Content, file.ContentType, file.Name);
        }
        catch (PdfException e)
        {
            return await ProblemAsync(id, e.Message, cancel);
        }
    }

    private async Task<IActionResult> ProblemAsync(int id, string problem, CancellationToken cancel)
    {
        if (!await LoadAsync(id, null, null, cancel))
        {
            return NotFound();
        }
        Message = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostSystemAsync(int id, CancellationToken cancel)
    {
        var typed = FormField.Read(SystemRecords.Fields, Request.Form);
        return await AfterAsync(id, await CanEditAsync() ? await SystemRecords.SetAsync(db, time, User.Identity!.Name!, id, typed, cancel) : null, typed, cancel);
    }

    public async Task<IActionResult> OnPostPurposeAsync(int id, string? purpose, string? remove, CancellationToken cancel)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        var outcome = remove == "yes"
            ? await SystemRecords.RemovePurposeAsync(db, time, User.Identity!.Name!, id, purpose ?? "", cancel)
            : await SystemRecords.SetPurposeAsync(db, time, User.Identity!.Name!, id, purpose ?? "", FormField.Read(SystemRecords.PurposeFields, Request.Form), cancel);
        return await AfterAsync(id, outcome, null, cancel);
    }

    public async Task<IActionResult> OnPostDatabaseAsync(int id, string? database, string? remove, CancellationToken cancel)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        var outcome = remove == "yes"
            ? await SystemRecords.RemoveDatabaseAsync(db, time, User.Identity!.Name!, id, database ?? "", cancel)
            : await SystemRecords.SetDatabaseAsync(db, time, User.Identity!.Name!, id, database ?? "", FormField.Read(SystemRecords.DatabaseFields, Request.Form), cancel);
        return await AfterAsync(id, outcome, null, cancel);
    }

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.EditSystems)).Succeeded;

    private async Task<IActionResult> AfterAsync(int id, SystemRecords.Outcome? outcome, Dictionary<string, string?>? typed, CancellationToken cancel)
    {
        if (outcome is null)
        {
            return Forbid();
        }
        if (outcome.Succeeded)
        {
            Message = outcome.Changed ? "Saved, on the record." : "Nothing was changed.";
            return RedirectToPage("Show", new { id });
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, typed, outcome.Problems, cancel))
        {
            return NotFound();
        }
        Message = string.Join(" ", outcome.Problems.Select(p => p.Message));
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
        CanPublish = (await authorization.AuthorizeAsync(User, Policies.Publish)).Succeeded;
        Publication = await db.PublicationRules.AsNoTracking().FirstOrDefaultAsync(r => r.SystemId == id, cancel);
        Devices = await db.Devices.CountAsync(d => d.SystemId == id, cancel);
        DpiaState = DpiaRecords.StateWord(await DpiaRecords.StateAsync(db, id, cancel));
        Form = FormField.Of(system, SystemRecords.Fields, typed, problems);
        var details = await db.SystemPurposes.AsNoTracking().Where(p => p.SystemId == id).ToDictionaryAsync(p => p.Name, cancel);
        Purposes = [.. RecordFields.ListOf(system.Purposes).Select(n => (n, FormField.Of(details.GetValueOrDefault(n) ?? new SystemPurpose { Name = n }, SystemRecords.PurposeFields)))];
        Databases = await db.ReferenceDatabases.AsNoTracking().Where(d => d.SystemId == id).OrderBy(d => d.Name).ToListAsync(cancel);
        DatabaseForm = FormField.Of(new ReferenceDatabase { Name = "", Kind = "hot-list" }, SystemRecords.DatabaseFields);
        return true;
    }
}
