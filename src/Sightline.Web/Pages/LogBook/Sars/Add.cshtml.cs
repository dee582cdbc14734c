using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.LogBook;
using Sightline.Knowledge;
using Sightline.LogBook;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.LogBook.Sars;

/// <summary>
/// Records a subject access request (Manager or Compliance), as `sightline sar add`: a hold is placed on the footage it
/// names at once. Refused with the form as typed and each problem beside its field.
/// </summary>
[Authorize(Policy = Policies.KeepLogBook)]
public sealed class AddModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time) : PageModel
{
    public List<FormField> Form { get; private set; } = [];

    public string? Problem { get; private set; }

    [TempData] public string? Message { get; set; }

    public void OnGet() => Form = FormField.Of(New(), SubjectAccessRequests.Fields);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var typed = FormField.Read(SubjectAccessRequests.Fields, Request.Form);
        var clock = SarClock.Shipped(knowledge.Folder);
        var outcome = await SubjectAccessRequests.AddAsync(db, clock, time, User.Identity!.Name!, typed, cancel);
        if (outcome.Succeeded)
        {
            var request = (await SubjectAccessRequests.FindAsync(db, outcome.Id!.Value, cancel))!;
            Message = $"Subject access request {request.Id} recorded: due {LogBookRecords.Day(clock.Due(request))}; its footage is held by hold {request.HoldId}.";
            return RedirectToPage("Show", new { id = request.Id });
        }
        Form = FormField.Of(New(), SubjectAccessRequests.Fields, typed, outcome.Problems);
        Problem = string.Join(" ", outcome.Problems.Select(p => p.Message));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private SubjectAccessRequest New() => new() { Received = LogBookRecords.Today(time) };
}
