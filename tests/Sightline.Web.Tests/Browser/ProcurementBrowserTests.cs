using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

/// <summary>
/// Ethical procurement in a real browser, from a questionnaire sent to a board paper printed: a procurement officer
/// records a supplier's refusal through the supplier's forms, sees it on the supplier and on a device it supplied,
/// plans that device's removal, and prints the board paper, which carries both.
/// </summary>
public sealed class ProcurementBrowserTests
{
    private const string Refusal = "We do not answer questions about our supply chain";

    [Fact]
    public async Task ARefusalRecordedOnTheWeb_ReachesTheDevice_AndThePrintedBoardPaper_WithThePlan()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        // The installer of the estate's three devices, by the name their installer field gives.
        await register.RunAsync("", "suppliers", "add", "--legal-name", "Acme Security", "--country", "GB", "--roles", "installer");
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, AcceptDownloads = true });
        await BrowserTests.SignInAsync(page, "procurement");

        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Acme Security", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("No due-diligence finding.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it as sent" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Questionnaire 1 (")).ToBeVisibleAsync();
        await page.GetByLabel("Reply", new() { Exact = true }).SelectOptionAsync("decline");
        await page.GetByLabel("The supplier's words").FillAsync(Refusal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the reply" }).ClickAsync();

        var findings = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Due-diligence findings" });
        await Assertions.Expect(findings).ToContainTextAsync("declined to answer");
        await Assertions.Expect(findings).ToContainTextAsync(Refusal);
        await page.GetByRole(AriaRole.Link, new() { Name = "CAM-002", Exact = true }).ClickAsync();
        var suppliers = page.Locator("section[aria-labelledby=suppliers]");
        await Assertions.Expect(suppliers).ToContainTextAsync("Acme Security");
        await Assertions.Expect(suppliers).ToContainTextAsync("Due-diligence finding");
        await Assertions.Expect(suppliers).ToContainTextAsync(Refusal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Remediation", Exact = true }).ClickAsync();
        await page.GetByLabel("For", new() { Exact = true }).SelectOptionAsync("device");
        await page.GetByLabel("Device (ID or asset id), site, system or model").FillAsync("CAM-002");
        await page.Locator("#disposition").SelectOptionAsync("remove-now");
        await page.GetByLabel("Owner", new() { Exact = true }).FillAsync("Estates & Facilities");
        await page.GetByLabel("Target date (YYYY-MM-DD)").FillAsync("2027-01-29");
        await page.GetByLabel("Estimated cost per device (£)").FillAsync("1,340");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 added to the plan.");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF", Exact = true }).ClickAsync());
        var pdf = Path.Combine(register.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(pdf);
        var text = string.Join(' ', (await AssessmentBrowserTests.PdfTextAsync(pdf)).Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));

        Assert.StartsWith("remediation-board-paper-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("Suppliers' due diligence", text, StringComparison.Ordinal);
        Assert.Contains("Acme Security declined to answer the whole questionnaire", text, StringComparison.Ordinal);
        Assert.Contains(Refusal, text, StringComparison.Ordinal);
        Assert.Contains("The plan covers 1 device at an estimated £1,340.00", text, StringComparison.Ordinal);
        // The plan's line for the device, and the supplier's devices in the plan. Table cells wrap, and pdftotext drops spaces
        // and the hyphen at a wrap, so both are ignored.
        var packed = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        Assert.Contains("CAM002HikvisionTownCentreCCTV,MarketSquareremovenowEstates&Facilities29January2027£1,340.00planned", packed, StringComparison.Ordinal);
        Assert.Contains("DevicessuppliedIntheplan3CAM002", packed, StringComparison.Ordinal);
    }
}
