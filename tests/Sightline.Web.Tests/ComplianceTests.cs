using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Register;

namespace Sightline.Web.Tests;

public sealed partial class ComplianceTests
{
    private static readonly string[] Words = ["met", "attention", "not evidenced"];

    // The web app runs on the system clock here (its sign-in cookies must not look expired); the dates below are far from it.
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    private static readonly string[] Roles = ["admin", "manager", "compliance", "assessor", "viewer"];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Page_EveryRoleReadsTheGrid_InWords_WithACellPerPrinciple(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);

        foreach (var role in Roles)
        {
            using var client = await app.SignedInAsync(role);
            var page = await client.PageAsync("/Compliance");

            var cells = CellLink().Matches(page).Select(m => (Principle: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Word: m.Groups[3].Value)).ToList();
            Assert.Equal(Enumerable.Range(1, 12), cells.Select(c => c.Principle));
            Assert.All(cells, c => Assert.Contains(c.Word, Words));
            // P9: the NVR is missing since the last scan; P5 has no finding in the register.
            Assert.Equal("attention", cells[8].Word);
            Assert.Equal("not evidenced", cells[4].Word);
            Assert.Contains("<th scope=\"row\">Town Centre CCTV</th>", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Cell_ShowsThePrinciplesFindings_WithLinksToTheirDevices_AndSources(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        int system, nvr;
        await using (var db = await register.OpenAsync())
        {
            system = await db.Systems.Where(s => s.Name == "Town Centre CCTV").Select(s => s.Id).SingleAsync();
            nvr = await db.Devices.Where(d => d.AssetId == "NVR-001").Select(d => d.Id).SingleAsync();
        }
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");

        var page = await viewer.PageAsync($"/Compliance/{system}/9");
        var missingPrinciple = await viewer.GetAsync($"/Compliance/{system}/13");
        var missingSystem = await viewer.GetAsync("/Compliance/99999/1");

        Assert.Contains("Town Centre CCTV: principle 9", page, StringComparison.Ordinal);
        Assert.Contains("1 device missing since the last scan of their scope", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Devices/{nvr}\">{nvr}</a>", page, StringComparison.Ordinal);
        Assert.Contains("Source: Code of Practice principle 9; register: device status set by scans", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missingPrinciple.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingSystem.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task DpiaReviewsDue_ListOverdueReviewsOpenTriggersAndSystemsWithout(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        // The estate's own triggers (a new system, its devices added) are read and cleared first: the test's are put in.
        await register.RunAsync("", "dpia", "list");
        await using (var db = await register.OpenAsync())
        {
            await db.DpiaTriggers.ExecuteUpdateAsync(t => t.SetProperty(x => x.Cleared, DateTimeOffset.UnixEpoch));
            var town = await db.Systems.SingleAsync(s => s.Name == "Town Centre CCTV");
            db.Systems.AddRange(new SurveillanceSystem { Name = "<b>Car</b> Park" }, new SurveillanceSystem { Name = "Library CCTV" });
            await db.SaveChangesAsync();
            var library = await db.Systems.SingleAsync(s => s.Name == "Library CCTV");
            db.Dpias.Add(new Dpia { SystemId = town.Id, SignedOff = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), SignedOffBy = "DPO", ReviewDue = new DateOnly(2021, 1, 1) });
            db.DpiaTriggers.Add(new DpiaTrigger { SystemId = town.Id, Kind = "devices-added", Detail = "3 devices added", Raised = DateTimeOffset.UnixEpoch });
            db.Dpias.Add(new Dpia { SystemId = library.Id, SignedOff = Now.AddDays(-1), SignedOffBy = "DPO", ReviewDue = new DateOnly(2028, 1, 1) });
            await db.SaveChangesAsync();
        }
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");

        var page = await viewer.PageAsync("/Compliance");

        var due = page[page.IndexOf("<h2>DPIA reviews due</h2>", StringComparison.Ordinal)..];
        // The page reads the audit log first: a year since the 2020 sign-off is the second trigger.
        Assert.Contains("review was due on 2021-01-01; 2 review triggers open", due, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Car&lt;/b&gt; Park</a></td><td>no signed-off DPIA", due, StringComparison.Ordinal);
        Assert.DoesNotContain("Library CCTV", due, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Car</b>", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task OverdueActionsAndExpiringCertifications_ListOnlyThoseDue_InWords(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await register.RunAsync("", "systems", "add", "Car <Park>");
        await register.RunAsync("", "assess", "start", "--system", "Town Centre CCTV", "--system", "Car <Park>", "--title", "Town & car parks");
        await register.RunAsync("", "assess", "action", "add", "1", "--principle", "3", "--text", "Signs at <the> bus station", "--owner", "Estates", "--due", Day(-10));
        await register.RunAsync("", "assess", "action", "add", "1", "--principle", "9", "--text", "Patch the recorders", "--owner", "IT", "--due", Day(-3));
        await register.RunAsync("", "assess", "action", "add", "1", "--principle", "5", "--text", "Train the operators", "--owner", "Supervisor", "--due", Day(20));
        await register.RunAsync("", "assess", "action", "add", "1", "--principle", "6", "--text", "Already done", "--owner", "DPO", "--due", Day(-30));
        await register.RunAsync("", "assess", "action", "status", "1", "4", "done");
        // Desktop certificates run a year less a day from issue: these expire 5 days ago, in 20, 60 and 200 days.
        foreach (var (reference, expires) in new[] { ("NSI-OLD", -5), ("NSI-<SOON>", 20), ("SSAIB-60", 60), ("NSI-LATER", 200) })
        {
            await register.RunAsync("", "certifications", "add", "--body", reference.StartsWith("SSAIB", StringComparison.Ordinal) ? "ssaib" : "nsi",
                "--step", "desktop", "--issued", Day(expires - 364), "--reference", reference, "--system", "Town Centre CCTV");
        }
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");

        var page = await viewer.PageAsync("/Compliance");

        var overdue = Rows(Section(page, "Overdue actions"));
        Assert.Equal(
        [
            ["Car &lt;Park&gt;, Town Centre CCTV", "3", "Signs at &lt;the&gt; bus station", "Estates", $"{Day(-10)}: overdue by 10 days", "<a href=\"/Assessments/1\">Town &amp; car parks</a>"],
            ["Car &lt;Park&gt;, Town Centre CCTV", "9", "Patch the recorders", "IT", $"{Day(-3)}: overdue by 3 days", "<a href=\"/Assessments/1\">Town &amp; car parks</a>"],
        ], overdue);
        var certifications = Rows(Section(page, "Certifications expiring"));
        Assert.Equal(
        [
            ["nsi", "desktop", "NSI-OLD", "Town Centre CCTV", Day(-5), "expired 5 days ago"],
            ["nsi", "desktop", "NSI-&lt;SOON&gt;", "Town Centre CCTV", Day(20), "expires within 30 days (20 days left)"],
            ["ssaib", "desktop", "SSAIB-60", "Town Centre CCTV", Day(60), "expires within 90 days (60 days left)"],
        ], certifications);
        Assert.DoesNotContain("<SOON>", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task OverdueActionsAndExpiringCertifications_SayWhenThereAreNone(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");

        var page = await viewer.PageAsync("/Compliance");

        Assert.Contains("No action of a self-assessment's plan is past its due date.", WebUtility.HtmlDecode(Section(page, "Overdue actions")), StringComparison.Ordinal);
        Assert.Contains("No certification expires in the next 90 days, and none has expired.", Section(page, "Certifications expiring"), StringComparison.Ordinal);
    }

    // The part of the page from the heading to the next heading (or the end of the main content).
    private static string Section(string page, string heading)
    {
        var start = page.IndexOf($"<h2>{heading}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        var end = page.IndexOf("<h2>", start + 4, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.IndexOf("</main>", start, StringComparison.Ordinal) : end)];
    }

    private static List<string[]> Rows(string section) =>
        [.. BodyRow().Matches(section).Select(r => Cell().Matches(r.Groups[1].Value).Select(c => Regex.Replace(c.Groups[1].Value.Trim(), "\\s+", " ")).ToArray())];

    [GeneratedRegex("<tr>((?:(?!</tr>).)*<td(?:(?!</tr>).)*)</tr>", RegexOptions.Singleline)]
    private static partial Regex BodyRow();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<a href=\"/Compliance/(\\d+)/(\\d+)\" aria-label=\"Town Centre CCTV, principle \\d+ [^\"]*\">([a-z ]+)</a>")]
    private static partial Regex CellLink();
}
