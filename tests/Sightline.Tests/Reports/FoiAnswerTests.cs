using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Foi;
using Sightline.Tests.Remediation;

namespace Sightline.Tests.Reports;

/// <summary>
/// `sightline report foi`: its counts equal `devices list --maker` on SQLite and PostgreSQL (white labels in), the
/// exemption and its reason in the answer and on the audit log, the refusals, and the HTML against its golden file.
/// </summary>
public sealed partial class FoiAnswerTests
{
    [GeneratedRegex(@"^(\d+) devices?\.$", RegexOptions.Multiline)]
    private static partial Regex ListedCount();

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Counts_EqualDevicesListByMaker_WhiteLabelsIncluded_AndTheAnswerIsAudited(string provider)
    {
        await using var register = await BoardPaperTests.PlannedAsync(provider);
        await Cli.RunAsync(register, "devices", "decommission", "CAM-002", "--reason", "Removed").Ok();

        foreach (var maker in new[] { "hikvision", "Dahua", "axis" })
        {
            var listed = long.Parse(ListedCount().Match((await Cli.RunAsync(register, "devices", "list", "--maker", maker)).Ok().Output).Groups[1].Value);
            var csv = (await Cli.RunAsync(register, "report", "foi", "--maker", maker, "--detail", "devices")).Ok().Output.Split('\n');
            var total = long.Parse(csv.Single(l => l.StartsWith("maker,", StringComparison.Ordinal)).Split(',')[2]);
            Assert.Equal(listed, total);
            Assert.Equal(listed, csv.Count(l => l.StartsWith("device,", StringComparison.Ordinal)));
            Assert.Equal(listed, csv.Where(l => l.StartsWith("status,", StringComparison.Ordinal)).Sum(l => long.Parse(l.Split(',')[2])));
        }
        var hikvision = (await Cli.RunAsync(register, "report", "foi", "--maker", "hikvision", "--detail", "sites", "--exempt", "s31",
            "--reason", "Locations would help those planning to avoid or damage cameras; the public interest favours withholding")).Ok().Output;
        Assert.Contains("maker,Hikvision,3\n", hikvision, StringComparison.Ordinal);
        // LTS's devices count by their Hikvision platform, whether or not the verdict calls them white labels.
        Assert.Contains("brand,LTS,1\n", hikvision, StringComparison.Ordinal);
        Assert.Contains("status,decommissioned,1\n", hikvision, StringComparison.Ordinal);
        Assert.Contains("replacement,replace-at-end-of-life by 2027-03-31,2\n", hikvision, StringComparison.Ordinal);
        Assert.Contains("site,Market Square,2\n", hikvision, StringComparison.Ordinal);
        Assert.DoesNotContain("device,", hikvision, StringComparison.Ordinal);
        Assert.Contains("exemption,Freedom of Information Act 2000 s.31(1)(a)", hikvision, StringComparison.Ordinal);

        var dahua = (await Cli.RunAsync(register, "report", "foi", "--maker", "dahua")).Ok().Output;
        Assert.Contains("brand (white label),Lorex,1\n", dahua, StringComparison.Ordinal);

        await using var db = await register.OpenAsync();
        var entry = await db.AuditEntries.Where(a => a.EntityType == FoiRead.AuditEntity && a.After!.Contains("\"exemption\":\"s31\"")).SingleAsync();
        Assert.Equal((FoiRead.AuditAction, "hikvision"), (entry.Action, entry.EntityId));
        Assert.Contains("\"exemption\":\"s31\"", entry.After!, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"Locations would help", entry.After!, StringComparison.Ordinal);
        Assert.Contains("\"devices\":\"3\"", entry.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Csv_GuardsNamesASpreadsheetWouldRun(string provider)
    {
        await using var register = await BoardPaperTests.PlannedAsync(provider);
        await using (var db = await register.OpenAsync())
        {
            await db.Sites.Where(s => s.Name == "Market Square").ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "=1+2 Market Square"));
        }

        var csv = (await Cli.RunAsync(register, "report", "foi", "--maker", "hikvision", "--detail", "devices")).Ok().Output;

        Assert.Contains("site,'=1+2 Market Square,2\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=1+2", csv, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Refusals_SayWhatIsWrong(string provider)
    {
        await using var register = await RemediationCommandTests.EstateAsync(provider);
        foreach (var (args, message) in new (string[], string)[]
        {
            (["--maker", "hikvision", "--exempt", "s31"], "--reason: an exemption needs its reason"),
            (["--maker", "hikvision", "--exempt", "s40", "--reason", "x"], "--exempt: 's40' is not one of s31, s24"),
            (["--maker", "hikvision", "--reason", "x"], "--reason is given only with --exempt"),
            (["--maker", "acme-cams"], "'acme-cams' is not a maker Sightline knows"),
        })
        {
            var run = await Cli.RunAsync(register, ["report", "foi", .. args]);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(message, run.Error, StringComparison.Ordinal);
        }
        await using var db = await register.OpenAsync();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityType == FoiRead.AuditEntity));
    }

    [Fact]
    public async Task Html_MatchesItsGoldenFile()
    {
        await using var register = await BoardPaperTests.PlannedAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "dpia", "edit", "Town Centre CCTV", "--regime", "uk-gdpr").Ok();
        await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre CCTV", "--by", "Jo Smith <SRO>", "--review-due", "2027-06-30").Ok();
        var path = Path.Combine(register.Folder, "foi.html");
        await RemediationCommandTests.At(register, "2026-12-01", "report", "foi", "--maker", "hikvision", "--format", "html", "--detail", "devices",
            "--exempt", "s24", "--reason", "Sites include a civic building <restricted>", "-o", path).Ok();
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("Jo Smith &lt;SRO&gt;", html, StringComparison.Ordinal);
        Assert.Contains("civic building &lt;restricted&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Golden.Verify("foi-answer.html", html);
    }
}
