using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sightline.Web.Tests;

/// <summary>The device list's search, sorting, paging position and "export this list", through the real host.</summary>
public sealed partial class DeviceListTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Search_ListsWhatTheBoxFinds_AndKeepsItInTheFilterAndLinks(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        var byMac = await client.PageAsync("/Devices?q=44-19-b6-00-00-02");
        var byModel = await client.PageAsync("/Devices?q=nvr4208");
        var bySite = await client.PageAsync("/Devices?q=market&sort=-asset");
        var elsewhere = await client.PageAsync("/Systems");

        Assert.Equal(["CAM-002"], AssetIds(byMac));
        Assert.Equal(["NVR-001"], AssetIds(byModel));
        Assert.Equal(["CAM-002", "CAM-001"], AssetIds(bySite));
        Assert.Contains("<p class=\"position\">Devices 1–2 of 2.", WebUtility.HtmlDecode(bySite), StringComparison.Ordinal);
        // The filter form and the links carry the search; the search box shows it on the list, and is on every page.
        Assert.Contains("<input type=\"hidden\" name=\"q\" value=\"market\">", bySite, StringComparison.Ordinal);
        Assert.Contains("href=\"/exports/devices.csv?q=market\"", bySite, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" aria-sort=\"descending\"><a href=\"/Devices?q=market&amp;sort=asset\">Asset</a></th>", bySite, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\"><a href=\"/Devices?q=market&amp;sort=model\">Model</a></th>", bySite, StringComparison.Ordinal);
        Assert.Matches("id=\"search\" name=\"q\"[^>]*value=\"market\"", bySite);
        Assert.Matches("<form method=\"get\" action=\"/Devices\" role=\"search\"", elsewhere);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Pages_GoForwardAndBack_SortedByAColumn_WithTheirPosition(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        // 120 more, with models in an order unlike their IDs, some repeated, some missing.
        var rows = Enumerable.Range(1, 120).Select(i => $"BULK-{i:D3},Parks,,,,,camera,Axis,{(i % 7 == 0 ? "" : $"M-{(i * 37) % 50:D2}")},,,,,,,,active,,");
        await register.RunAsync("", "import", "devices", register.File("bulk.csv", Estate.Header + "\n" + string.Join("\n", rows) + "\n"));
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        var pages = new List<string>();
        for (var path = "/Devices?system=Parks&sort=model"; ;)
        {
            var page = await client.PageAsync(path);
            pages.Add(page);
            if (Link(page, "next") is not { } next)
            {
                break;
            }
            path = next;
        }
        var back = await client.PageAsync(Link(pages[2], "prev")!);
        var backAgain = await client.PageAsync(Link(back, "prev")!);

        var models = pages.SelectMany(Models).ToList();
        Assert.Equal(120, models.Count);
        Assert.Equal(models.Where(m => m.Length > 0).Order(StringComparer.Ordinal).Concat(models.Where(m => m.Length == 0)), models);
        Assert.Equal(120, pages.SelectMany(AssetIds).Distinct().Count());
        Assert.Contains("Devices 1–50 of 120.", WebUtility.HtmlDecode(pages[0]), StringComparison.Ordinal);
        Assert.Contains("Devices 51–100 of 120.", WebUtility.HtmlDecode(pages[1]), StringComparison.Ordinal);
        Assert.Contains("Devices 101–120 of 120.", WebUtility.HtmlDecode(pages[2]), StringComparison.Ordinal);
        Assert.Null(Link(pages[0], "prev"));
        Assert.Equal(AssetIds(pages[1]), AssetIds(back));
        Assert.Contains("Devices 51–100 of 120.", WebUtility.HtmlDecode(back), StringComparison.Ordinal);
        Assert.Equal(AssetIds(pages[0]), AssetIds(backAgain));
        Assert.Contains("Devices 1–50 of 120.", WebUtility.HtmlDecode(backAgain), StringComparison.Ordinal);
        Assert.Null(Link(backAgain, "prev"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Export_OfAList_HoldsExactlyItsDevices_AndABadFilterIsA400(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        var list = await client.PageAsync("/Devices?q=market&kind=camera");
        var csv = await client.PageAsync(WebUtility.HtmlDecode(Regex.Match(list, "href=\"(/exports/devices.csv[^\"]*)\"").Groups[1].Value));
        var json = await client.PageAsync(WebUtility.HtmlDecode(Regex.Match(list, "href=\"(/exports/devices.json[^\"]*)\"").Groups[1].Value));
        var everything = await client.PageAsync("/exports/devices.csv");
        var badSite = await client.GetAsync("/exports/devices.csv?site=Nowhere");
        var badKind = await client.GetAsync("/exports/devices.json?kind=drone");
        var badSort = await client.GetAsync("/Devices?sort=colour");

        Assert.Equal(["CAM-001", "CAM-002"], AssetIds(list));
        Assert.Equal(["CAM-001", "CAM-002"], csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[1])); // after the id
        using (var devices = JsonDocument.Parse(json))
        {
            Assert.Equal(["CAM-001", "CAM-002"], devices.RootElement.EnumerateArray().Select(d => d.GetProperty("asset_id").GetString()));
        }
        Assert.Equal(4, everything.Split('\n').Count(l => l.Length > 0));
        Assert.Equal(HttpStatusCode.BadRequest, badSite.StatusCode);
        Assert.Equal("there is no site named 'Nowhere'", await badSite.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.StartsWith("unknown kind 'drone'", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("unknown sort 'colour'", WebUtility.HtmlDecode(await badSort.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static List<string> AssetIds(string page) => RowCell(page, 1);

    private static List<string> Models(string page) => RowCell(page, 4);

    // The text of column INDEX (0 = ID) in each row of the list's table.
    private static List<string> RowCell(string page, int index) =>
        Row().Matches(page).Select(r => WebUtility.HtmlDecode(Cell().Matches(r.Value)[index].Groups[1].Value)).ToList();

    private static string? Link(string page, string rel) =>
        Regex.Match(page, $"href=\"([^\"]+)\" rel=\"{rel}\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<tr>\\s*<td><a href=\"/Devices/[0-9]+\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
