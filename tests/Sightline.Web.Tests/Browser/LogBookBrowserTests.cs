using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

/// <summary>
/// A subject access request in a real browser, from receipt to closure: a compliance officer records it from the log book,
/// is shown what is missing beside the field when answering too early, records each step and closes it, and sees its hold released;
/// a Manager's log book, with its form to read the recorders, is accessible too.
/// </summary>
public sealed class LogBookBrowserTests
{
    [Fact]
    public async Task ASubjectAccessRequest_FromReceiptToClosure_ReleasesItsHold()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address });
        await BrowserTests.SignInAsync(page, "compliance");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await page.GetByRole(AriaRole.Link, new() { Name = "Log book", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a subject access request" }).ClickAsync();
        await page.Locator("#channel").FillAsync("email");
        await page.Locator("#requester").FillAsync("Jane Doe");
        await page.Locator("#description").FillAsync("Red coat, Market Square, about 14:00");
        await page.Locator("#systems").FillAsync("Town Centre CCTV");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Subject access request 1 recorded");
        await Assertions.Expect(page.GetByText("Hold 1 in force")).ToBeVisibleAsync();

        await page.Locator("#supplied").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#supplied-problem")).ToContainTextAsync("Supplied: verify the requester's identity first");
        var problems = BrowserTests.Describe("/LogBook/Sars/1 (refused)", await page.RunAxe());

        await page.Locator("#identity-verified").FillAsync(today);
        await page.Locator("#searched").FillAsync(today);
        await page.Locator("#outcome").SelectOptionAsync("copy-supplied");
        await page.Locator("#redaction").SelectOptionAsync("blur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved, on the record.");
        await page.Locator("#closed").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("closed");
        await Assertions.Expect(page.GetByText($"Hold 1 released {today} (subject access request 1 closed).")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The log book" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subject access requests (0 open)" })).ToBeVisibleAsync();
        problems.AddRange(BrowserTests.Describe("/LogBook", await page.RunAxe()));
        // A Manager's log book also has the form that reads the recorders.
        var manager = await browser.NewPageAsync(new() { BaseURL = server.Address });
        await BrowserTests.SignInAsync(manager, "manager");
        await manager.GotoAsync("/LogBook");
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Read the recorders" })).ToBeVisibleAsync();
        problems.AddRange(BrowserTests.Describe("/LogBook (manager)", await manager.RunAxe()));

        Assert.Empty(problems);
    }
}
