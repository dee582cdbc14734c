using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using ScanRecord = Sightline.Data.Scanning.ScanRecord;
using Sightline.Knowledge;
using Sightline.Web.Accounts;
using Sightline.Web.Scans;

namespace Sightline.Web.Pages.Scans;

/// <summary>
/// Scans: a Manager starts one (the CLI's scope rules), it runs in the server's background, the page follows its
/// progress (site.js polls the Status handler), then shows what it found; every role sees the scans on the record.
/// </summary>
public sealed class IndexModel(ScanRunner runner, RegisterDb db, KnowledgeBase knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public WebScan? Current => runner.Current;

    public IReadOnlyList<PastScan> Past { get; private set; } = [];

    /// <summary>The scan whose findings to show (`?scan=N`), or with Address the host to register (Promote).</summary>
    [BindProperty(SupportsGet = true)] public long? Scan { get; set; }

    /// <summary>Only hosts that are not devices.</summary>
    [BindProperty(SupportsGet = true)] public bool Unregistered { get; set; }

    [BindProperty] public string? Address { get; set; }

    /// <summary>Why a host could not be registered.</summary>
    public string? PromoteProblem { get; private set; }

    /// <summary>The findings of the scan asked for with `?scan=N`, from the register.</summary>
    public IReadOnlyList<ScanFinding>? Shown { get; private set; }

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
        ViewData["Findings"] = await CurrentFindingsAsync(HttpContext.RequestAborted);
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

    /// <summary>A Manager registers a host the scan kept as a finding only, with its observations; on the record.</summary>
    public async Task<IActionResult> OnPostPromoteAsync(CancellationToken cancel)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }
        var address = System.Net.IPAddress.TryParse(Address, out var ip) ? ip.ToString() : null;
        var (device, error) = Scan is { } scan && address is not null
            ? await ScanRecord.PromoteAsync(db, knowledge, scan, address, null, time, User.Identity!.Name!, cancel)
            : (null, "name a scan and an address to register");
        if (device is null)
        {
            PromoteProblem = $"Nothing was registered: {error}";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancel);
            return Page();
        }
        return Redirect($"/Devices/{device.Id}");
    }

    /// <summary>The current scan's findings as the register now holds them (a host may have been registered since).</summary>
    private async Task<IReadOnlyList<ScanFinding>?> CurrentFindingsAsync(CancellationToken cancel) =>
        runner.Current?.Id is { } id ? await FindingsAsync(id, false, cancel) : null;

    private async Task<IReadOnlyList<ScanFinding>> FindingsAsync(long scan, bool unregistered, CancellationToken cancel)
    {
        var query = db.ScanFindings.AsNoTracking().Where(f => f.Scan == scan);
        if (unregistered)
        {
            query = query.Where(f => f.DeviceId == null);
        }
        return [.. (await query.ToListAsync(cancel)).Select(f => ScanFinding.Of(f, knowledge))
            .OrderBy(f => System.Net.IPAddress.Parse(f.Address).GetAddressBytes(), ScanRunner.AddressOrder.Instance)];
    }

    private async Task<bool> MayEditAsync() => (await authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded;

    private async Task LoadAsync(CancellationToken cancel)
    {
        CanEdit = await MayEditAsync();
        Past = await PastScan.LatestAsync(db, 50, cancel);
        ViewData["Findings"] = await CurrentFindingsAsync(cancel);
        if (Scan is { } scan)
        {
            Shown = await FindingsAsync(scan, Unregistered, cancel);
        }
    }
}
