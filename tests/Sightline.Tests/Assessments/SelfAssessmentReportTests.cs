using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Sightline.Data.Assessments;

namespace Sightline.Tests.Assessments;

/// <summary>
/// `sightline report self-assessment`: the published page against its golden file (every value encoded), the PDF
/// printed from it by Debian's Chromium checked by its text and page count, and the refusals.
/// </summary>
public sealed class SelfAssessmentReportTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Html_OfAPublishedAssessment_MatchesItsGoldenFile_WithEveryValueEncoded(string provider)
    {
        await using var register = await PublishedAsync(provider);
        var time = new FakeTimeProvider(Cli.Start.AddDays(20));
        var path = Path.Combine(register.Folder, "report.html");
        await AssessTests.RunAsync(register, time, "report", "self-assessment", "--system", "Town Centre CCTV", "-o", path).Ok();
        var html = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Golden.Verify("self-assessment-report.html", html);
    }

    [Fact]
    public async Task Pdf_IsPrintedFromTheSamePageByChromium_AndHoldsItsTextOnSeveralPages()
    {
        await using var register = await PublishedAsync(Registers.Sqlite);
        var time = new FakeTimeProvider(Cli.Start.AddDays(20));
        var path = Path.Combine(register.Folder, "report.pdf");
        await AssessTests.RunAsync(register, time, "report", "self-assessment", "--system", "Town Centre CCTV", "--format", "pdf", "-o", path).Ok();

        var raw = await ToolAsync("pdftotext", path, "-");
        var text = string.Join(' ', raw.Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Northmoor Council: self-assessment against the Surveillance Camera Code of Practice", text, StringComparison.Ordinal);
        Assert.Contains("These questions are Sightline's own words", text, StringComparison.Ordinal);
        // A narrow table cell may break the text anywhere; the characters themselves come through as typed, not as markup.
        Assert.Contains("<script>alert(\"x\")</script>&more", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        for (var n = 1; n <= 12; n++)
        {
            Assert.Contains($"Principle {n}:", text, StringComparison.Ordinal);
        }
        Assert.Contains("Put up signs at the bus station", text, StringComparison.Ordinal);
        var pages = int.Parse((await ToolAsync("pdfinfo", path)).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        // Twelve principles with their tables fill several A4 pages, but far fewer than one a principle.
        Assert.InRange(pages, 3, 12);
        // The PDF counts its pages as pdfinfo does: one page object each.
        Assert.Equal(pages, raw.Split('\f').Count(page => page.Trim().Length > 0));
    }

    [Fact]
    public async Task Refusals_NoPublishedAssessment_AndNoChromium_SayWhatToDo()
    {
        await using var register = await AssessTests.RegisterWithSystemAsync(Registers.Sqlite);
        var time = new FakeTimeProvider(Cli.Start);
        await AssessTests.RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV").Ok();
        var none = await AssessTests.RunAsync(register, time, "report", "self-assessment", "--system", "Town Centre CCTV", "-o", "r.html");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("system 'Town Centre CCTV' has no published self-assessment; sign one off and publish it first", none.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(register.Folder, "r.html")));

        await AssessTests.AnswerAllAsync(register, time, 1);
        await AssessTests.RunAsync(register, time, "assess", "sign-off", "1", "--by", "A. Patel").Ok();
        await AssessTests.RunAsync(register, time, "assess", "publish", "1").Ok();
        var noChromium = await Cli.RunAsync(["report", "self-assessment", "--system", "Town Centre CCTV", "--format", "pdf", "-o", "r.pdf", .. register.Options],
            register.Folder, new Dictionary<string, string> { ["SIGHTLINE_CHROMIUM"] = "/nonexistent/chromium" }, time);
        Assert.Equal(2, noChromium.ExitCode);
        Assert.Contains("cannot make a PDF: Chromium is not installed at /nonexistent/chromium (on Debian: apt-get install chromium", noChromium.Error,
            StringComparison.Ordinal);
    }

    /// <summary>A register whose system has a published assessment with answers, evidence, a finding, actions (one overdue) and hostile text.</summary>
    private static async Task<TestRegister> PublishedAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        var time = new FakeTimeProvider(Cli.Start);
        await Cli.RunAsync(register, "init", "--org", "Northmoor Council").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();
        await AssessTests.RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV", "--title", "Town centre CCTV, 2026").Ok();
        await AssessTests.AnswerAllAsync(register, time, 1);
        await AssessTests.RunAsync(register, time, "assess", "answer", "1", "3.1", "--answer", "partly", "--text", "<script>alert(\"x\")</script> & more").Ok();
        await AssessTests.RunAsync(register, time, "assess", "answer", "1", "12.1", "--answer", "n/a", "--text", "No matching against lists").Ok();
        await AssessTests.RunAsync(register, time, "assess", "answer", "1", "6.2", "--answer", "no").Ok();
        await AssessTests.RunAsync(register, time, "assess", "evidence", "1", "--principle", "3", "--link", "https://example.org/cctv?a=1&b=<2>", "--title", "Our CCTV page").Ok();
        await AssessTests.RunAsync(register, time, "assess", "evidence", "1", "--principle", "3", "--file", register.File("signs.txt", "12 signs\n")).Ok();
        await AssessTests.RunAsync(register, time, "assess", "action", "add", "1", "--principle", "3", "--text", "Put up signs at the bus station",
            "--owner", "Estates", "--due", "2026-12-01").Ok();
        await AssessTests.RunAsync(register, time, "assess", "action", "add", "1", "--principle", "6", "--text", "Automatic deletion at 31 days",
            "--owner", "CCTV manager", "--due", "2027-03-31").Ok();
        await using (var db = await register.OpenAsync())
        {
            await SelfAssessments.DecideFindingAsync(db, time, "tester", 1, new FindingDecision(9, "3 devices identified; none made by a designated company",
                "met", 3, [1, 2, 3], "identities", Accepted: true, "Checked against the register"), default);
            await SelfAssessments.DecideFindingAsync(db, time, "tester", 1, new FindingDecision(4, "No SRO named for the system",
                "attention", 0, [], "systems", Accepted: false, "The organisation's SRO covers it"), default);
        }
        await AssessTests.RunAsync(register, time, "assess", "sign-off", "1", "--by", "A. Patel, Senior Responsible Officer").Ok();
        time.Advance(TimeSpan.FromDays(1));
        await AssessTests.RunAsync(register, time, "assess", "publish", "1").Ok();
        return register;
    }

    private static async Task<string> ToolAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
