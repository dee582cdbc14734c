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
        await using (var db = await register.OpenAsync())
        {
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
        Assert.Contains("review was due on 2021-01-01; 1 review trigger open", due, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Car&lt;/b&gt; Park</a></td><td>no signed-off DPIA", due, StringComparison.Ordinal);
        Assert.DoesNotContain("Library CCTV", due, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Car</b>", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"/Compliance/(\\d+)/(\\d+)\" aria-label=\"Town Centre CCTV, principle \\d+ [^\"]*\">([a-z ]+)</a>")]
    private static partial Regex CellLink();
}
