using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sightline.Cli;
using Sightline.Data;

namespace Sightline.Web.Tests.Browser;

/// <summary>
/// The README's Code of Practice screenshots, taken from the register `sightline demo` builds (the demo makes SQLite
/// only): the Compliance page with its overdue actions and expiring certification, the published self-assessment, the
/// maker's supplier page with its refusal on record, and the remediation board paper.
/// </summary>
public sealed class DemoBrowserTests
{
    [Fact]
    public async Task Demo_CompliancePage_ShowsOverdueActionsAndTheExpiringCertification_AndThePublishedAssessmentReads()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-demo-browser-").FullName;
        try
        {
            var path = Path.Combine(folder, "demo.db");
            Assert.Equal(0, await RunAsync(folder, "", "demo", "--db", path, "--no-serve", "--farm-network", "127.77.240.0/24"));
            Assert.Equal(0, await RunAsync(folder, WebApp.Password + "\n", "users", "add", "viewer", "--role", "Viewer", "--password-stdin", "--db", path));
            Assert.Equal(0, await RunAsync(folder, WebApp.Password + "\n", "users", "add", "procurement", "--role", "Procurement", "--password-stdin", "--db", path));
            await using var server = await LiveServer.StartAsync(RegisterLocation.Sqlite(path));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserTests.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = 1280, Height = 900 } });
            await BrowserTests.SignInAsync(page, "viewer");

            await page.GotoAsync("/Compliance");
            var overdue = page.Locator("table.overdue-actions tbody tr");
            await Assertions.Expect(overdue).ToHaveCountAsync(2);
            await Assertions.Expect(overdue.Nth(0)).ToContainTextAsync("Put up ANPR signs at each entrance of Leisure Centre Car Park");
            await Assertions.Expect(overdue.Nth(0)).ToContainTextAsync("overdue by 40 days");
            await Assertions.Expect(overdue.Nth(1)).ToContainTextAsync("Write and sign off a DPIA for Car Park ANPR");
            await Assertions.Expect(overdue.Nth(1).GetByRole(AriaRole.Link)).ToHaveTextAsync($"Car Park ANPR self-assessment {TimeProvider.System.GetUtcNow().Year}");
            var expiring = page.Locator("table.certifications-expiring tbody tr");
            await Assertions.Expect(expiring).ToHaveCountAsync(1);
            await Assertions.Expect(expiring).ToContainTextAsync("NSI-SCC-0427");
            await Assertions.Expect(expiring).ToContainTextAsync("expires within 90 days");
            var problems = BrowserTests.Describe("/Compliance", await page.RunAxe());
            // Wide enough for the whole grid of 12 principles (narrower, it scrolls sideways), tall enough for every section.
            await page.SetViewportSizeAsync(1600, 1150);
            await BrowserTests.ShotAsync(page, "compliance");

            await page.GotoAsync("/Assessments/1");
            await Assertions.Expect(page.GetByText("Dana Whitfield, Head of Community Safety (SRO)").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Prevention and detection of crime, and public safety").First).ToBeVisibleAsync();
            problems.AddRange(BrowserTests.Describe("/Assessments/1", await page.RunAxe()));
            // The head of the assessment and its first principle, down to that principle's evidence.
            await page.SetViewportSizeAsync(1280, 1085);
            await BrowserTests.ShotAsync(page, "self-assessment");

            // The procurement officer's view: the maker that declined the questionnaire, then the board paper.
            var officer = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = 1280, Height = 900 } });
            await BrowserTests.SignInAsync(officer, "procurement");
            await officer.GotoAsync("/Suppliers");
            await officer.GetByRole(AriaRole.Link, new() { Name = "Hangzhou Hikvision Digital Technology Co., Ltd.", Exact = true }).ClickAsync();
            var findings = officer.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Due-diligence findings" });
            await Assertions.Expect(findings).ToContainTextAsync("declined to answer");
            problems.AddRange(BrowserTests.Describe(officer.Url, await officer.RunAxe()));
            await BrowserTests.ShotAsync(officer, "supplier-refusal");

            // The paper is a download; shown as the page it is, it reads as the board will read it.
            var paper = await officer.APIRequest.GetAsync("/Remediation?handler=Paper&format=html");
            Assert.Equal(200, paper.Status);
            await officer.SetContentAsync(await paper.TextAsync());
            await Assertions.Expect(officer.GetByText("Suppliers' due diligence").First).ToBeVisibleAsync();
            await Assertions.Expect(officer.GetByText("declined to answer").First).ToBeVisibleAsync();
            await BrowserTests.ShotAsync(officer, "board-paper");

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<int> RunAsync(string folder, string input, params string[] args) =>
        SightlineCli.RunAsync(args, new CliContext(new StringReader(input), TextWriter.Null, new StringWriter(), TimeProvider.System,
            new Dictionary<string, string>(), folder, Interactive: false));
}
