using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

/// <summary>The device list for daily work in a real browser: the search box, sorting by a heading, paging, exporting the list.</summary>
public sealed class DeviceListBrowserTests
{
    [Fact]
    public async Task Viewer_SearchesFromAnotherPage_SortsByHeading_Pages_AndExportsTheList()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        var rows = Enumerable.Range(1, 60).Select(i => $"PARK-{i:D2},Parks,Bandstand,,,,camera,Axis,M-{(i * 37) % 61:D2},,,,,,,,active,,");
        await register.RunAsync("", "import", "devices", register.File("parks.csv", Estate.Header + "\n" + string.Join("\n", rows) + "\n"));
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        await BrowserTests.SignInAsync(page, "viewer");

        // From another page, a MAC typed with dashes and in lower case.
        await page.GotoAsync("/Systems");
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search devices" });
        await search.FillAsync("44-19-b6-00-00-02");
        await search.PressAsync("Enter");
        await page.WaitForURLAsync("**/Devices?q=44-19-b6-00-00-02");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "CAM-002", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "CAM-001", Exact = true })).ToBeHiddenAsync();
        await Assertions.Expect(search).ToHaveValueAsync("44-19-b6-00-00-02");

        // Sorting by a heading, then the other way; the model column is the fifth.
        await page.GotoAsync("/Devices?system=Parks");
        var firstModel = page.Locator("table.devices tbody tr").First.Locator("td").Nth(4);
        await page.GetByRole(AriaRole.Link, new() { Name = "Model", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToHaveTextAsync("Model");
        await Assertions.Expect(firstModel).ToHaveTextAsync("M-01");
        await page.GetByRole(AriaRole.Link, new() { Name = "Model", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=descending]")).ToHaveTextAsync("Model");
        await Assertions.Expect(firstModel).ToHaveTextAsync("M-60");
        await BrowserTests.ShotAsync(page, "devices-sorted");

        // Next and previous, with the position.
        await Assertions.Expect(page.GetByText("Devices 1–50 of 60.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Devices 51–60 of 60.")).ToBeVisibleAsync();
        await Assertions.Expect(firstModel).ToHaveTextAsync("M-10");
        await page.GetByRole(AriaRole.Link, new() { Name = "Previous page" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Devices 1–50 of 60.")).ToBeVisibleAsync();
        await Assertions.Expect(firstModel).ToHaveTextAsync("M-60");

        // The CSV of a filtered list holds exactly the devices listed.
        await page.GotoAsync("/Devices?q=market");
        var listed = await page.Locator("table.devices tbody tr td:nth-child(2)").AllTextContentsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(["CAM-001", "CAM-002"], listed);
        Assert.Equal("devices.csv", download.SuggestedFilename);
        Assert.Equal(listed, csv.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[1]));
    }

    [Fact]
    public async Task OnAPhone_TheSearchBoxAndTheListFitTheScreen()
    {
        const int width = 390;
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = width, Height = 844 }, IsMobile = true });
        await BrowserTests.SignInAsync(page, "viewer");

        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search devices" });
        await search.FillAsync("market");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Devices?q=market");
        await Assertions.Expect(page.GetByText("Devices 1–2 of 2.")).ToBeVisibleAsync();
        await BrowserTests.ShotAsync(page, "phone-search");

        var box = await search.BoundingBoxAsync();
        var button = await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.NotNull(button);
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"the search box spans {box.X}–{box.X + box.Width} px");
        Assert.True(button.X + button.Width <= width, $"the search button ends at {button.X + button.Width} px");
        Assert.True(box.Width >= 150, $"the search box is only {box.Width} px wide");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, "the list scrolls sideways");
    }
}
