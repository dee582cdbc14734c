using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests;

public sealed class DeviceTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task List_Filters_AndPagesByKeyset(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        var byKind = await client.PageAsync("/Devices?kind=nvr");
        var byMaker = await client.PageAsync("/Devices?maker=hikvision");
        var missing = await client.PageAsync("/Devices?status=missing");
        var second = await client.PageAsync("/Devices?after=1");
        var unknown = await client.GetAsync("/Devices?site=Nowhere");
        // The count with a maker alone reads the identities only; with a device column too, it joins them.
        var makerAndKind = await client.PageAsync("/Devices?maker=hikvision&kind=camera");
        var makerAndStatus = await client.PageAsync("/Devices?maker=dahua&status=active");

        Assert.Contains("NVR-001", byKind, StringComparison.Ordinal);
        Assert.DoesNotContain("CAM-001", byKind, StringComparison.Ordinal);
        Assert.Contains("CAM-001", byMaker, StringComparison.Ordinal);
        Assert.Contains("CAM-002", byMaker, StringComparison.Ordinal); // ANNKE, made on Hikvision's platform
        Assert.DoesNotContain("NVR-001", byMaker, StringComparison.Ordinal);
        Assert.Contains("Devices 1–2 of 2.", WebUtility.HtmlDecode(byMaker), StringComparison.Ordinal);
        Assert.Contains("Devices 1–2 of 2.", WebUtility.HtmlDecode(makerAndKind), StringComparison.Ordinal);
        Assert.Contains("No devices match.", makerAndStatus, StringComparison.Ordinal);
        Assert.Contains("NVR-001", missing, StringComparison.Ordinal);
        Assert.DoesNotContain(">CAM-001<", second, StringComparison.Ordinal);
        Assert.Contains("CAM-002", second, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("there is no site named", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task List_CountsToItsLimitUnlessAskedForAll_AndEveryPageFollowsTheLast(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        var rows = Enumerable.Range(1, 1_100).Select(i => $"BULK-{i:D4},Town Centre CCTV,Market Square,,,,camera,Dahua,IPC-HFW2431S,,,,,,,,active,,");
        await register.RunAsync("", "import", "devices", register.File("bulk.csv", Estate.Header + "\n" + string.Join("\n", rows) + "\n"));
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        var first = await client.PageAsync("/Devices?maker=dahua");
        var counted = await client.PageAsync("/Devices?maker=dahua&countAll=true");
        var seen = new List<string>();
        for (var path = "/Devices?maker=dahua&sort=-id"; ;)
        {
            var page = await client.PageAsync(path);
            seen.AddRange(System.Text.RegularExpressions.Regex.Matches(page, ">(BULK-[0-9]+|NVR-001)<").Select(m => m.Groups[1].Value));
            var next = System.Text.RegularExpressions.Regex.Match(page, "href=\"([^\"]+)\" rel=\"next\"");
            if (!next.Success)
            {
                break;
            }
            path = WebUtility.HtmlDecode(next.Groups[1].Value);
        }

        Assert.Contains("Devices 1–50 of more than 1,000.", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Contains("href=\"/Devices?maker=dahua&amp;countAll=true\"", first, StringComparison.Ordinal);
        Assert.Contains("Devices 1–50 of 1,101.", WebUtility.HtmlDecode(counted), StringComparison.Ordinal); // and NVR-001
        Assert.Equal(1_101, seen.Count);
        Assert.Equal(1_101, seen.Distinct().Count());
        Assert.Equal("BULK-1100", seen[0]); // newest first
        Assert.Equal("NVR-001", seen[^1]);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Show_GivesTheVerdictWithEvidence_RisksWithSources_AndHistory(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var assessor = await app.SignedInAsync("assessor");
        using var viewer = await app.SignedInAsync("viewer");

        var page = await assessor.PageAsync("/Devices/2");
        var viewed = await viewer.PageAsync("/Devices/2");

        Assert.Contains("Hikvision (", page, StringComparison.Ordinal);
        Assert.Contains("suspected: sold as ANNKE, made on Hikvision&#x27;s platform", page, StringComparison.Ordinal);
        Assert.Contains("Evidence: every claim", page, StringComparison.Ordinal);
        Assert.Contains("human rights and ethics", page, StringComparison.Ordinal);
        Assert.Contains("checked 20", page, StringComparison.Ordinal);
        Assert.Contains("<td>tester</td><td>create</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Record the decision", page, StringComparison.Ordinal);
        Assert.Contains("Your role does not include the audit log", viewed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/Devices/99")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Override_ByAManager_IsRecordedWithTheUserAsActor(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");

        var decided = await manager.PostFormAsync("/Devices/1", "/Devices/1?handler=Override", ("maker", "dahua"), ("reason", "label swapped on site"));
        var page = await manager.PageAsync("/Devices/1");
        var noReason = await manager.PostFormAsync("/Devices/1", "/Devices/1?handler=Override", ("maker", "dahua"), ("reason", " "));
        var withdrawn = await manager.PostFormAsync("/Devices/1", "/Devices/1?handler=Withdraw", ("reason", "survey showed Hikvision after all"));

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("Platform maker set to Dahua, on the record.", page, StringComparison.Ordinal);
        Assert.Contains("Decided by manager", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give a reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        await using var db = await register.OpenAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == "device" && a.EntityId == "1" && a.Action.StartsWith("override"))
            .OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["override", "override-withdrawn"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("manager", e.Actor));
        Assert.Contains("label swapped on site", entries[0].After, StringComparison.Ordinal);
        Assert.False(await db.Overrides.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Override_ByRolesThatMayNotEdit_IsRefused(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);

        foreach (var name in new[] { "viewer", "assessor", "admin" })
        {
            using var client = await app.SignedInAsync(name);
            var response = await client.PostFormAsync("/Devices/1", "/Devices/1?handler=Override", ("maker", "dahua"), ("reason", "no right"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        await using var db = await register.OpenAsync();
        Assert.False(await db.Overrides.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task HostileDeviceText_IsShownAsText(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        const string Hostile = "<script>alert(1)</script>";
        await register.RunAsync("", "import", "devices", register.File("hostile.csv",
            Estate.Header + "\n" + $"\"{Hostile}\",\"{Hostile}\",\"{Hostile}\",,,,camera,\"{Hostile}\",\"<img src=x onerror=alert(2)>\",,,,,,,,active,\"{Hostile}\",\"{Hostile}\"\n"));
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("assessor");

        foreach (var path in new[] { "/Devices", "/Devices/4", "/", "/Systems", "/Sites", "/Audit" })
        {
            var page = await client.PageAsync(path);
            Assert.DoesNotContain(Hostile, page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        }
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", await client.PageAsync("/Devices/4"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Dashboard_ShowsMakersBesideBrands_WhiteLabels_Flags_Missing(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("assessor");

        var page = await client.PageAsync("/");

        Assert.Contains("Northmoor Borough Council", page, StringComparison.Ordinal);
        Assert.Contains("By platform maker", page, StringComparison.Ordinal);
        Assert.Contains("By brand as sold", page, StringComparison.Ordinal);
        Assert.Contains("ANNKE on Hikvision", page, StringComparison.Ordinal);
        Assert.Contains("security and trust", page, StringComparison.Ordinal);
        Assert.Contains("Devices missing (1)", page, StringComparison.Ordinal);
        Assert.Contains("3 devices (2 active) in 1 systems.", page, StringComparison.Ordinal);
        // All three are made by Hikvision or Dahua, whose designations and concerns flag both dimensions.
        Assert.Matches("flagged=human-rights\">human rights and ethics</a>\\s*</th>\\s*<td class=\"number\">3<", page);
        Assert.Matches("flagged=security\">security and trust</a>\\s*</th>\\s*<td class=\"number\">3<", page);
        Assert.Contains("Recent changes", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Recent changes", await (await app.SignedInAsync("viewer")).PageAsync("/"), StringComparison.Ordinal);
    }
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Dashboard_MakerBars_CountExactlyWhatTheirLinksList_GroupAndUnknownIncluded(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        // An EZVIZ camera (a company Hikvision owns) and one whose label and model no evidence explains.
        await register.RunAsync("", "import", "devices", register.File("more.csv", Estate.Header + "\n" +
            "CAM-010,Town Centre CCTV,Market Square,,,,camera,EZVIZ,,,,,,,,,active,,\n" +
            "CAM-011,Town Centre CCTV,Market Square,,,,camera,Nobody Cameras,X-1,,,,,,,,active,,\n"));
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        var page = await client.PageAsync("/");
        var bars = System.Text.RegularExpressions.Regex.Matches(page, "<a href=\"(/Devices\\?maker=[^\"]+)\">([^<]+)</a>\\s*</th>\\s*<td class=\"number\">(\\d+)<");

        Assert.Contains(bars, b => b.Groups[2].Value == "Hikvision (with its group)" && b.Groups[3].Value == "3");
        Assert.Contains(bars, b => b.Groups[2].Value == "unknown maker" && b.Groups[3].Value == "1");
        Assert.DoesNotContain(bars, b => b.Groups[2].Value == "EZVIZ");
        foreach (System.Text.RegularExpressions.Match bar in bars)
        {
            var list = await client.PageAsync(System.Net.WebUtility.HtmlDecode(bar.Groups[1].Value));
            Assert.Contains($"Devices 1–{bar.Groups[3].Value} of {bar.Groups[3].Value}.", System.Net.WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        }
        Assert.Contains("CAM-011", await client.PageAsync("/Devices?maker=unknown"), StringComparison.Ordinal);
    }
}
