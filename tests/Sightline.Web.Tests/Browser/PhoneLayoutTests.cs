using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

/// <summary>Every page at a phone's width (390 px, as an iPhone 12–15): nothing wider than the screen.</summary>
public sealed class PhoneLayoutTests
{
    internal const int Width = 390;

    [Fact]
    public async Task EveryPage_FitsAPhonesWidth()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = Width, Height = 844 }, IsMobile = true });
        var tooWide = new List<string>();
        await page.GotoAsync("/Account/Login");
        tooWide.AddRange(await TooWideAsync(page, "/Account/Login"));
        await BrowserTests.SignInAsync(page, "admin");

        // Every page the navigation links to, and the pages a row opens.
        var paths = (await page.Locator("header nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();
        Assert.Contains("/Devices", paths);
        paths.AddRange(["/Devices/2", "/Knowledge?table=rules", "/Knowledge?table=concerns", "/Account/Tokens", "/Import"]);
        foreach (var path in paths.Distinct())
        {
            await page.GotoAsync(path);
            tooWide.AddRange(await TooWideAsync(page, path));
            if (path == "/Devices")
            {
                await page.Locator("table").First.ScrollIntoViewIfNeededAsync();
                await BrowserTests.ShotAsync(page, "phone-devices");
            }
        }

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
    }

    /// <summary>The page if it scrolls sideways, with the elements that stick out past the screen's edge.</summary>
    internal static async Task<IEnumerable<string>> TooWideAsync(IPage page, string path)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (width <= Width)
        {
            return [];
        }
        var culprits = await page.EvaluateAsync<string[]>(
            @"w => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > w + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
                .slice(0, 5).map(e => e.outerHTML.slice(0, 120))", Width);
        return [$"{path}: {width} px wide: {string.Join(" | ", culprits)}"];
    }
}
