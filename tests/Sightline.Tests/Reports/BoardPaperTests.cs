using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Remediation;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;
using Sightline.Tests.Remediation;

namespace Sightline.Tests.Reports;

/// <summary>
/// `sightline report remediation`: the board paper against its golden file (every value encoded, nothing fetched), its
/// numbers against the register on SQLite and PostgreSQL, and the PDF printed from it checked by its text and pages.
/// </summary>
public sealed class BoardPaperTests
{
    internal static async Task<TestRegister> PlannedAsync(string provider)
    {
        var register = await RemediationCommandTests.EstateAsync(provider);
        await RemediationCommandTests.At(register, "2026-10-01", "remediation", "add", "--site", "Market Square", "--disposition", "replace-at-end-of-life",
            "--owner", "Estates <team> & Co", "--target", "2027-03-31", "--cost", "1250").Ok();
        await RemediationCommandTests.At(register, "2026-10-01", "remediation", "add", "--device", "GOV-1", "--disposition", "remove-now",
            "--owner", "Estates", "--target", "2026-11-15", "--cost", "900").Ok();
        await RemediationCommandTests.At(register, "2026-10-01", "remediation", "add", "--device", "NVR-001", "--disposition", "accept",
            "--owner", "SRO", "--justification", "Recorder in a locked room, off the core network").Ok();
        await RemediationCommandTests.At(register, "2026-11-10", "remediation", "set", "CAM-001", "--status", "done").Ok();
        return register;
    }

    [Fact]
    public async Task Html_MatchesItsGoldenFile_WithEveryValueEncoded_AndNothingFetched()
    {
        await using var register = await PlannedAsync(Registers.Sqlite);
        var path = Path.Combine(register.Folder, "paper.html");
        var run = await RemediationCommandTests.At(register, "2026-12-01", "report", "remediation", "-o", path).Ok();
        Assert.Contains("Remediation board paper (4 devices planned) written to", run.Output, StringComparison.Ordinal);

        var html = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Estates &lt;team&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        // The white label is revealed under its platform maker, and the open blocker and the overdue line are shown.
        Assert.Contains("Lorex (1)", html, StringComparison.Ordinal);
        Assert.Contains("blocker open", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"overdue\">overdue</span>", html, StringComparison.Ordinal);
        Golden.Verify("remediation-board-paper.html", html);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Numbers_AreTheRegisters(string provider)
    {
        await using var register = await PlannedAsync(provider);
        await Cli.RunAsync(register, "devices", "decommission", "AX-1", "--reason", "Broken").Ok();
        var knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));
        await using var db = await register.OpenAsync();
        var paper = await BoardPaperRead.ReadAsync(db, knowledge, new DateOnly(2026, 12, 1), default);

        var devices = await db.Devices.AsNoTracking().Where(d => d.Status != DeviceStatus.Decommissioned).ToListAsync();
        var identities = await db.Identities.AsNoTracking().ToDictionaryAsync(i => i.DeviceId);
        Assert.Equal(devices.Count, paper.Devices);
        Assert.Equal(devices.Count, paper.ByMaker.Sum(m => m.Count));
        foreach (var dimension in RiskAssessor.Dimensions)
        {
            Assert.Equal(devices.Count(d => identities.TryGetValue(d.Id, out var i) && i.Flags.HasFlag(dimension)), paper.Flagged[dimension]);
        }
        Assert.True(paper.Flagged[RiskDimension.SecurityTrust] > 0, "the estate must flag some device, or the comparison proves nothing");
        var hikvision = paper.ByMaker.Single(m => m.Maker == "Hikvision");
        Assert.Equal(devices.Count(d => identities.GetValueOrDefault(d.Id)?.Platform == "hikvision"), hikvision.Count);
        Assert.Equal([("Lorex", 1L)], paper.ByMaker.Single(m => m.Maker == "Dahua").WhiteLabels);
        // Every dimension with flagged devices says why, with a source.
        Assert.All(RiskAssessor.Dimensions.Where(d => paper.Flagged[d] > 0), d => Assert.Contains(paper.Reasons, r => r.Dimension == d));
        Assert.All(paper.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.Contains(paper.Reasons, r => r.Title.Contains("sensitive", StringComparison.OrdinalIgnoreCase) && r.Devices == 1);
        Assert.Equal(4, paper.Plan.Count);
        Assert.Equal(1250m + 1250m + 900m, paper.Plan.Sum(p => p.Item.Cost ?? 0));
        Assert.Equal(["GOV-1"], paper.Plan.Where(p => p.Overdue).Select(p => p.Device));
        Assert.Equal([new(new DateOnly(2026, 10, 31), 0, 0), new(new DateOnly(2026, 11, 30), 1, 1), new ProgressPoint(new DateOnly(2026, 12, 31), 1, 1),
            new(new DateOnly(2027, 1, 31), 1, 1), new(new DateOnly(2027, 2, 28), 1, 1), new(new DateOnly(2027, 3, 31), 3, 1)], paper.Progress);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ASuppliersRefusal_IsOnThePaper_WithTheDevicesItSuppliedInThePlan(string provider)
    {
        await using var register = await PlannedAsync(provider);
        await RemediationCommandTests.At(register, "2026-10-01", "suppliers", "add", "--legal-name", "Fenwick <Security> Ltd", "--country", "GB",
            "--roles", "installer").Ok();
        await RemediationCommandTests.At(register, "2026-10-01", "suppliers", "link-device", "1", "GOV-1").Ok();
        await RemediationCommandTests.At(register, "2026-10-01", "suppliers", "link-device", "1", "AX-1").Ok();
        var knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));
        await using (var db = await register.OpenAsync())
        {
            Assert.Empty((await BoardPaperRead.ReadAsync(db, knowledge, new DateOnly(2026, 12, 1), default)).Suppliers);
        }
        await RemediationCommandTests.At(register, "2026-10-02", "suppliers", "questionnaire", "send", "1").Ok();
        await RemediationCommandTests.At(register, "2026-10-20", "suppliers", "questionnaire", "decline", "1", "--said", "We do not share supply-chain details").Ok();

        await using var read = await register.OpenAsync();
        var paper = await BoardPaperRead.ReadAsync(read, knowledge, new DateOnly(2026, 12, 1), default);
        var concern = Assert.Single(paper.Suppliers);
        Assert.Equal("Fenwick <Security> Ltd", concern.Supplier);
        Assert.Equal(2, concern.Supplied);
        Assert.Equal(["GOV-1"], concern.Planned);
        var finding = Assert.Single(concern.Findings);
        Assert.Equal(new DateOnly(2026, 10, 20), finding.Day);
        Assert.Contains("We do not share supply-chain details", finding.Text, StringComparison.Ordinal);
        var html = Sightline.Web.Reports.BoardPaperHtml.Html(paper);
        Assert.Contains("<h2>Suppliers' due diligence</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Fenwick &lt;Security&gt; Ltd</th>", html, StringComparison.Ordinal);
        Assert.Contains("We do not share supply-chain details", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_IsPrintedFromTheSamePageByChromium_AndHoldsItsText()
    {
        await using var register = await PlannedAsync(Registers.Sqlite);
        var path = Path.Combine(register.Folder, "paper.pdf");
        await RemediationCommandTests.At(register, "2026-12-01", "report", "remediation", "--format", "pdf", "-o", path).Ok();

        var raw = await ToolAsync("pdftotext", path, "-");
        var text = string.Join(' ', raw.Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Northmoor Council: surveillance equipment remediation, board paper of 1 December 2026", text, StringComparison.Ordinal);
        Assert.Contains("The estate by platform maker", text, StringComparison.Ordinal);
        Assert.Contains("What is flagged, and why", text, StringComparison.Ordinal);
        Assert.Contains("Progress against the plan", text, StringComparison.Ordinal);
        Assert.Contains("Estates<team>&Co", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var pages = int.Parse((await ToolAsync("pdfinfo", path)).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
            CultureInfo.InvariantCulture);
        Assert.InRange(pages, 2, 12);
    }

    internal static async Task<string> ToolAsync(string program, params string[] args)
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
