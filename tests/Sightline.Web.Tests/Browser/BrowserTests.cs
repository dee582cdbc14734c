using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

/// <summary>
/// The web application in a real browser: Debian's Chromium, driven by Playwright (never `playwright install`), on a
/// live loopback server over an SQLite register (the providers are covered by the in-memory tests). Screenshots are
/// taken and checked on every run, and kept only where SIGHTLINE_SCREENSHOTS names a folder (scripts/screenshots
/// sets it to docs/screenshots/): a test run writes nothing into the working tree.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    [Fact]
    public async Task Manager_SignsIn_Imports_ReadsEvidence_Overrides_AndFindsItInTheAuditLog()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = 1280, Height = 900 } });

        await SignInAsync(page, "manager");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Northmoor Borough Council" })).ToBeVisibleAsync();
        await ShotAsync(page, "dashboard");

        // The filter form refreshes the list in place (site.js) when a field changes.
        await page.GotoAsync("/Devices");
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("nvr");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "CAM-001", Exact = true })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "NVR-001", Exact = true })).ToBeVisibleAsync();
        Assert.Contains("kind=nvr", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/Import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "more.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("asset_id,system,site,kind,brand,model,mac\nCAM-050,Town Centre CCTV,Bus Station,camera,ANNKE,I91BN,44:19:B6:00:00:50\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file (dry run)" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Would create 1 device,")).ToBeVisibleAsync();
        await ShotAsync(page, "import-dry-run");
        await page.GetByRole(AriaRole.Button, new() { Name = "Commit this import" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Created 1 device,")).ToBeVisibleAsync();

        await page.GotoAsync("/Devices?sort=-id");
        await page.GetByRole(AriaRole.Link, new() { Name = "4", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Evidence: every claim")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "oui:4419B6", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Platform maker").SelectOptionAsync("dahua");
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("installer's delivery note says Dahua OEM");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Platform maker set to Dahua, on the record.")).ToBeVisibleAsync();
        await ShotAsync(page, "device");

        await page.GotoAsync("/Audit?actor=manager");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "override", Exact = true })).ToBeVisibleAsync();
        await ShotAsync(page, "audit");
    }

    [Fact]
    public async Task Manager_ScansTheFarm_WatchesItFinish_AndOpensAFoundDevicesEvidence()
    {
        await using var farm = Sightline.CameraFarm.Farm.OfEveryPersona(132, seed: 8);
        var lorex = farm.Devices.First(d => d.Persona.Template == "lorex-on-dahua").Address.ToString();
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = 1280, Height = 900 } });
        await SignInAsync(page, "manager");

        await page.GotoAsync("/Scans");
        await page.GetByLabel("Targets").FillAsync("127.77.132.0/27");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the scan" }).ClickAsync();
        // The status part is refreshed in place by site.js while the scan runs; no reload.
        await Assertions.Expect(page.GetByText("Scan complete")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".state")).ToHaveTextAsync("complete");
        await ShotAsync(page, "scans");
        await page.GetByRole(AriaRole.Link, new() { Name = lorex, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Evidence: every claim")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "dahua.", Exact = false }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MainPages_HaveNoAccessibilityViolations()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address });
        await page.GotoAsync("/Account/Login");
        var problems = Describe("/Account/Login", await page.RunAxe());
        await SignInAsync(page, "admin");

        foreach (var path in new[] { "/", "/Devices", "/Devices/2", "/Systems", "/Sites", "/Scans", "/Knowledge", "/Knowledge?table=concerns", "/Audit", "/Exports", "/Reference", "/Account/Tokens", "/Admin/Users" })
        {
            await page.GotoAsync(path);
            problems.AddRange(Describe(path, await page.RunAxe()));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    internal static List<string> Describe(string path, Deque.AxeCore.Commons.AxeResult result) =>
        result.Violations.Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();

    internal static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });

    /// <summary>
    /// The longest any browser step may wait (Playwright's own default is 30 s). A bound, not a pause: on a machine loaded
    /// by other builds a first page of the demo register took longer than 30 s to arrive.
    /// </summary>
    internal const float StepTimeout = 120_000;

    internal static async Task SignInAsync(IPage page, string name)
    {
        page.SetDefaultTimeout(StepTimeout);
        page.SetDefaultNavigationTimeout(StepTimeout);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Account name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(WebApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");
    }

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    internal static async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("SIGHTLINE_SCREENSHOTS");
        var png = await page.ScreenshotAsync(new()
        {
            Path = string.IsNullOrEmpty(folder) ? null : Path.Combine(Directory.CreateDirectory(folder).FullName, $"{name}.png"),
            FullPage = false,
        });
        Assert.True(png.AsSpan().StartsWith(PngSignature), $"the {name} screenshot is not a PNG");
    }
}
