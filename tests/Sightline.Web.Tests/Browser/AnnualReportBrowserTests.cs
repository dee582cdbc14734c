using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

public sealed class AnnualReportBrowserTests
{
    [Fact]
    public async Task Viewer_DownloadsTheReportFromCompliance_AndItFitsAPhoneWithItsOwnStyle()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, AcceptDownloads = true });
        await BrowserTests.SignInAsync(page, "viewer");

        await page.GotoAsync("/Compliance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Annual report", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annual report" })).ToBeVisibleAsync();
        var problems = BrowserTests.Describe("/Compliance/Annual", await page.RunAxe());
        await page.GetByLabel("Calendar year (YYYY)").FillAsync("2026");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download the report (HTML)" }).ClickAsync());
        Assert.Equal("annual-report-2026-01-01-to-2026-12-31.html", download.SuggestedFilename);
        var file = Path.Combine(register.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(file);

        // Opened as the public would, from the file: its inline style applies, nothing sticks out at a phone's width.
        var phone = await browser.NewPageAsync(new() { ViewportSize = new() { Width = PhoneLayoutTests.Width, Height = 844 }, IsMobile = true });
        await phone.GotoAsync(new Uri(file).AbsoluteUri);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Town Centre CCTV" })).ToBeVisibleAsync();
        Assert.Equal("collapse", await phone.EvaluateAsync<string>("getComputedStyle(document.querySelector('table')).borderCollapse"));
        var tooWide = (await PhoneLayoutTests.TooWideAsync(phone, file)).ToList();
        problems.AddRange(BrowserTests.Describe(file, await phone.RunAxe()));

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
