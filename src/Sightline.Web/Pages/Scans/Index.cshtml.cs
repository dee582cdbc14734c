using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Sightline.Data;
using Sightline.Web.Accounts;
using Sightline.Web.Scans;

namespace Sightline.Web.Pages.Scans;

/// <summary>
/// Scans: a Manager starts one (the CLI's scope rules), it runs in the server's background, the page follows its
/// progress (site.js polls the Status handler), then shows what it found; every role sees the scans on the record.
/// </summary>
public sealed class IndexModel(ScanRunner runner, RegisterDb db, IAuthorizationService authorization) : PageModel
{
    public WebScan? Current => runner.Current;

    public IReadOnlyList<PastScan> Past { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty] public string? Targets { get; set; }

    [BindProperty] public string? Exclusions { get; set; }

    [BindProperty] public bool AllowPublic { get; set; }

    [BindProperty] public bool Large { get; set; }

    /// <summary>Device logins for this scan; never written back into the page.</summary>
    [BindProperty] public string? Logins { get; set; }

    [BindProperty] public int Rate { get; set; } = 500;

    [BindProperty] public double ReadTimeout { get; set; } = 3;

    [BindProperty] public bool Multicast { get; set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    /// <summary>The status and, once ended, the findings of the current scan: the part of the page that site.js refreshes.</summary>
    public async Task<IActionResult> OnGetStatusAsync()
    {
        // Partial() would start from empty view data; this keeps CanEdit (whether to offer the stop button).
        ViewData["CanEdit"] = await MayEditAsync();
        return new PartialViewResult { ViewName = "_Status", ViewData = new ViewDataDictionary<WebScan?>(ViewData, runner.Current) };
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancel)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }
        var (scan, problems, _) = runner.Start(new ScanRequest(Targets, Exclusions, AllowPublic, Large, Logins, Rate, ReadTimeout, Multicast), User.Identity!.Name!);
        if (scan is null)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancel);
            return Page();
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStopAsync()
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }
        runner.Current?.Stop();
        return RedirectToPage();
    }

    private async Task<bool> MayEditAsync() => (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;

    private async Task LoadAsync(CancellationToken cancel)
    {
        CanEdit = await MayEditAsync();
        Past = await PastScan.LatestAsync(db, 50, cancel);
    }
}
