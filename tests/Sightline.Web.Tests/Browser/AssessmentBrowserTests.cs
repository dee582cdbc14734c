using System.Diagnostics;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sightline.Assessments;

namespace Sightline.Web.Tests.Browser;

/// <summary>A self-assessment taken from start to a published PDF in a real browser (Chromium), as the compliance lead.</summary>
public sealed class AssessmentBrowserTests
{
    [Fact]
    public async Task Compliance_StartsAnswersSignsOffAndPublishes_ThenDownloadsThePdf()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        await BrowserTests.SignInAsync(page, "compliance");

        await page.GetByRole(AriaRole.Link, new() { Name = "Self-assessments" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Sightline's own words", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByLabel("Title").FillAsync("Town centre CCTV 2026");
        await page.GetByLabel("Town Centre CCTV").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Self-assessment 1: Town centre CCTV 2026" })).ToBeVisibleAsync();
        var problems = BrowserTests.Describe("/Assessments/1 (draft)", await page.RunAxe());

        var set = QuestionSet.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "knowledge", QuestionSet.ShippedFile)), "questions");
        foreach (var principle in set.Principles)
        {
            foreach (var question in principle.Questions)
            {
                await page.Locator($"[id='answer-{question.Id}']").SelectOptionAsync(question.Id == "6.2" ? "partly" : "yes");
            }
            if (principle.Number == 6)
            {
                await page.Locator("[id='text-6.2']").FillAsync("Deletion is manual at two sites");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = $"Save principle {principle.Number} answers" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Principle {principle.Number}: {Words(principle.Questions.Count)} saved.");
        }
        await page.GetByLabel("Action", new() { Exact = true }).Nth(5).FillAsync("Automatic deletion at 31 days");
        await page.GetByLabel("Owner").Nth(5).FillAsync("CCTV manager");
        await page.GetByLabel("Due").Nth(5).FillAsync("2027-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).Nth(5).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Action added.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off as complete" }).ClickAsync(); // the name is required: the browser stops it
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("draft");
        await page.GetByLabel("Signed off by (name and role)").FillAsync("A. Patel, Senior Responsible Officer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off as complete" }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToContainTextAsync("complete, signed off by A. Patel, Senior Responsible Officer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToContainTextAsync("published");
        problems.AddRange(BrowserTests.Describe("/Assessments/1 (published)", await page.RunAxe()));

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the published report (PDF)" }).ClickAsync(), new() { Timeout = 120_000 });
        Assert.Equal("self-assessment-1.pdf", download.SuggestedFilename);
        var pdf = Path.Combine(register.Folder, "downloaded.pdf");
        await download.SaveAsAsync(pdf);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(pdf))[..4]);
        var text = string.Join(' ', (await PdfTextAsync(pdf)).Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Northmoor Borough Council: self-assessment against the Surveillance Camera Code of Practice", text, StringComparison.Ordinal);
        Assert.Contains("A. Patel, Senior Responsible Officer", text, StringComparison.Ordinal);
        Assert.Contains("Deletion is manual at two sites", text, StringComparison.Ordinal);
        Assert.Contains("Automatic deletion at 31 days", text, StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Words(int count) => count == 1 ? "1 answer" : $"{count} answers";

    internal static async Task<string> PdfTextAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
