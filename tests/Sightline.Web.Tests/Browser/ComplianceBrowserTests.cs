using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

public sealed class ComplianceBrowserTests
{
    [Fact]
    public async Task Viewer_OpensACell_ThenADevice_WithNoAccessibilityViolations()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address });
        await BrowserTests.SignInAsync(page, "viewer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Compliance", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compliance with the Surveillance Camera Code of Practice" })).ToBeVisibleAsync();
        var problems = BrowserTests.Describe("/Compliance", await page.RunAxe());
        await page.GetByRole(AriaRole.Link, new() { Name = "Town Centre CCTV, principle 9 (Security of images, information and equipment): attention" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Town Centre CCTV: principle 9" })).ToBeVisibleAsync();
        problems.AddRange(BrowserTests.Describe(page.Url, await page.RunAxe()));
        await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "missing since the last scan" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByText("NVR-001").First).ToBeVisibleAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
