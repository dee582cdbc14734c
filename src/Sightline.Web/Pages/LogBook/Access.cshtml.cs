using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.LogBook;
using Sightline.LogBook;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.LogBook;

/// <summary>
/// Records a viewing or an export of footage, or imports a video management system's log (all rows or none): Manager and
/// Compliance, through the same calls as `sightline logbook access add|import`.
/// </summary>
[Authorize(Policy = Policies.KeepLogBook)]
public sealed class AccessModel(RegisterDb db, TimeProvider time) : PageModel
{
    public List<FormField> Form { get; private set; } = [];

    /// <summary>What was wrong with an uploaded log, line by line.</summary>
    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    public string? Problem { get; private set; }

    [TempData] public string? Message { get; set; }

    public void OnGet() => Form = FormField.Of(new FootageAccess(), FootageLog.Fields);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var typed = FormField.Read(FootageLog.Fields, Request.Form);
        var outcome = await FootageLog.AddAsync(db, time, User.Identity!.Name!, "web", typed, cancel);
        if (outcome.Succeeded)
        {
            Message = $"Entry {outcome.Id} is on the viewing and export log.";
            return RedirectToPage("Index");
        }
        Form = FormField.Of(new FootageAccess(), FootageLog.Fields, typed, outcome.Problems);
        Problem = string.Join(" ", outcome.Problems.Select(p => p.Message));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancel)
    {
        Form = FormField.Of(new FootageAccess(), FootageLog.Fields);
        IReadOnlyList<string> problems;
        if (file is null || file.Length == 0)
        {
            problems = ["Choose a CSV file exported from the video management system."];
        }
        else
        {
            await using var input = file.OpenReadStream();
            (var added, problems) = await FootageLog.ImportAsync(db, time, User.Identity!.Name!, input, Path.GetFileName(file.FileName), cancel);
            if (problems.Count == 0)
            {
                Message = $"Imported {Sightline.Register.Words.Count(added, "entries")}.";
                return RedirectToPage("Index");
            }
        }
        ImportProblems = problems;
        Problem = "Nothing was imported.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
