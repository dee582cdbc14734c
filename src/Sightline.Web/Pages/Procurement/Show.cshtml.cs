using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.Procurement;
using Sightline.Knowledge;
using Sightline.Procurement;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Procurement;

/// <summary>
/// One procurement case: its stages with records and sign-offs, the specification, each bidder's exclusion checks and decision,
/// and the acceptance checks. Procurement and Admin write and sign off (each audited); Compliance and Assessor read.
/// </summary>
public sealed class ShowModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public ProcurementCases.Detail? Detail { get; private set; }

    public List<Exclusions.Standing> Standings { get; private set; } = [];

    public ExclusionGrounds? Grounds { get; private set; }

    public List<Supplier> Suppliers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The earliest day an event can have happened and still count today.</summary>
    public DateOnly LookBackFrom => Grounds!.LookBackFrom(Today);

    public bool CanEdit { get; private set; }

    [TempData] public string? Message { get; set; }

    private const int MaxProblemsShown = 20;

    /// <summary>The platform makers the knowledge knows, offered for a specification line.</summary>
    public IReadOnlyList<Sightline.Knowledge.Maker> Makers => [.. knowledge.Makers.Values.OrderBy(m => m.Id, StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel) => await LoadAsync(id, cancel) ? Page() : NotFound();

    public Task<IActionResult> OnPostStageAsync(int id, string? stage, string? record, CancellationToken cancel) =>
        WriteAsync(id, async () => (await ProcurementCases.WriteStageAsync(db, time, User.Identity!.Name!, id, stage ?? "", record, cancel), "The stage's record is saved."), cancel);

    public Task<IActionResult> OnPostSignOffAsync(int id, string? stage, CancellationToken cancel) =>
        WriteAsync(id, async () => (await ProcurementCases.SignOffAsync(db, time, User.Identity!.Name!, id, stage ?? "", cancel), "The stage is signed off."), cancel);

    public Task<IActionResult> OnPostBidderAsync(int id, int supplier, CancellationToken cancel) =>
        WriteAsync(id, async () => (await ProcurementCases.AddBidderAsync(db, time, User.Identity!.Name!, id, supplier, cancel), "The bidder is recorded."), cancel);

    public Task<IActionResult> OnPostSpecifyAsync(int id, string? maker, string? model, string? firmware, string? count, CancellationToken cancel) =>
        WriteAsync(id, async () =>
        {
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return ($"count: '{count}' is not a whole number of devices", "");
            }
            return (await ProcurementCases.SpecifyAsync(db, knowledge, time, User.Identity!.Name!, id, maker ?? "", model ?? "", firmware, n, cancel),
                "The specification line is added.");
        }, cancel);

    public Task<IActionResult> OnPostUnspecifyAsync(int id, int line, CancellationToken cancel) =>
        WriteAsync(id, async () => (await ProcurementCases.RemoveSpecificationAsync(db, time, User.Identity!.Name!, id, line, cancel), "The specification line is removed."),
            cancel);

    public Task<IActionResult> OnPostAssessAsync(int id, int supplier, string? person, string? ground, bool applies, string? eventOn, bool continuing,
        string? ministerNotified, string? ministerReference, string? notes, CancellationToken cancel) =>
        WriteAsync(id, async () => (await Exclusions.AssessAsync(db, ExclusionGrounds.Shipped(knowledge.Folder), time, User.Identity!.Name!, id, supplier, person,
            ground ?? "", applies, eventOn, continuing, ministerNotified, ministerReference, notes, cancel), "The assessment is recorded."), cancel);

    public Task<IActionResult> OnPostDebarmentAsync(int id, int supplier, string? person, string? result, string? checkedOn, string? reference, CancellationToken cancel) =>
        WriteAsync(id, async () => (await Exclusions.CheckDebarmentAsync(db, time, User.Identity!.Name!, id, supplier, person, result ?? "", checkedOn, reference, cancel),
            "The debarment-list check is recorded."), cancel);

    public Task<IActionResult> OnPostAssociateAsync(int id, int supplier, string? name, string? role, CancellationToken cancel) =>
        WriteAsync(id, async () => (await Exclusions.AddAssociateAsync(db, time, User.Identity!.Name!, id, supplier, name ?? "", role, cancel),
            "The associated person is recorded."), cancel);

    public Task<IActionResult> OnPostReplaceAsync(int id, int supplier, string? name, string? replacement, string? reason, CancellationToken cancel) =>
        WriteAsync(id, async () => (await Exclusions.ReplaceAssociateAsync(db, time, User.Identity!.Name!, id, supplier, name ?? "", replacement ?? "", reason, cancel),
            "The associated person is replaced."), cancel);

    public Task<IActionResult> OnPostDecideAsync(int id, int supplier, string? outcome, string? reasons, CancellationToken cancel) =>
        WriteAsync(id, async () => (await Exclusions.DecideAsync(db, ExclusionGrounds.Shipped(knowledge.Folder), time, User.Identity!.Name!, id, supplier, outcome ?? "",
            reasons, cancel), "The decision is recorded."), cancel);

    public Task<IActionResult> OnPostAcceptAsync(int id, long scan, CancellationToken cancel) =>
        WriteAsync(id, async () =>
        {
            if (await Acceptances.FromScanAsync(db, scan, cancel) is not { } delivered)
            {
                return ($"scan: there is no scan {scan} in the register", "");
            }
            var (_, _, problem) = await Acceptances.RecordAsync(db, knowledge, time, User.Identity!.Name!, id, $"scan {scan}", delivered, cancel);
            return (problem, "The acceptance check is recorded.");
        }, cancel);

    /// <summary>Acceptance from the installer's list, read by the same parser and size cap as `sightline procurement accept --list`.</summary>
    public Task<IActionResult> OnPostAcceptListAsync(int id, IFormFile? file, CancellationToken cancel) =>
        WriteAsync(id, async () =>
        {
            if (file is null || file.Length == 0)
            {
                return ($"list: choose the installer's list, a CSV file with the columns {Acceptances.ListColumns}", "");
            }
            var name = Path.GetFileName(file.FileName);
            if (Acceptances.ListSizeProblem(name, file.Length) is { } tooLarge)
            {
                return (tooLarge, "");
            }
            await using var input = file.OpenReadStream();
            var (delivered, problems) = Acceptances.FromList(knowledge, input, name);
            if (problems.Count > 0)
            {
                // The first problems say what is wrong; hundreds would only bury them (and the message travels in a cookie).
                var shown = problems.Take(MaxProblemsShown).Append(problems.Count > MaxProblemsShown ? $"… and {problems.Count - MaxProblemsShown} more" : null);
                return (string.Join("\n", shown.OfType<string>()), "");
            }
            var (_, _, problem) = await Acceptances.RecordAsync(db, knowledge, time, User.Identity!.Name!, id, $"list {name}", delivered, cancel);
            return (problem, "The acceptance check is recorded.");
        }, cancel);

    private async Task<IActionResult> WriteAsync(int id, Func<Task<(string? Problem, string Done)>> write, CancellationToken cancel)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageProcurement)).Succeeded)
        {
            return Forbid();
        }
        var (problem, done) = await write();
        if (problem is null)
        {
            Message = done;
            return Redirect($"/Procurement/{ProcurementCases.Key(id)}");
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
        if (await ProcurementCases.ReadAsync(db, id, cancel) is not { } detail)
        {
            return false;
        }
        Detail = detail;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.ManageProcurement)).Succeeded;
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Grounds = ExclusionGrounds.Shipped(knowledge.Folder);
        Standings = await Exclusions.StandingsAsync(db, Grounds, id, Today, cancel);
        Suppliers = CanEdit ? await SupplierRecords.ListAsync(db, cancel) : [];
        return true;
    }
}
