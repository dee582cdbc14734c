using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

/// <summary>
/// The maps in a real browser: the register's cameras clustered, turned to the way they face, filtered like the device
/// list; an OpenStreetMap file (real nodes, tests/osm) compared on the signed-in map; the public map without signing in;
/// nothing refused by the Content-Security-Policy on any of them, and no axe accessibility violations.
/// </summary>
public sealed class MapBrowserTests
{
    // Thirty cameras within 20 m of one another in the Peace Gardens (so they cluster), and the Salt Lake City cameras
    // 5 m and 10 m from two real OSM nodes.
    private static string Devices() =>
        Estate.Header + "\n" +
        string.Concat(Enumerable.Range(1, 30).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"PG-{i:D2},Parks,Peace Gardens,{53.3790 + (i % 6) * 0.00003:0.000000},{-1.4700 + (i / 6) * 0.00004:0.000000},{i * 12 % 360},camera,Axis,P3245-LVE,,,,,,,,active,,\n"))) +
        "SLC-1,Salt Lake,Downtown,40.7693737,-111.8912654,,camera,Axis,P3245-LVE,,,,,,,,active,,\n" +
        "SLC-2,Salt Lake,Downtown,40.7713118,-111.8966340,,camera,Axis,P3245-LVE,,,,,,,,active,,\n" +
        "SLC-6,Salt Lake,Downtown,40.7500000,-111.8500000,,camera,Axis,P3245-LVE,,,,,,,,active,,\n";

    [Fact]
    public async Task TheMaps_ClusterTheCameras_ShowTheirDirection_AndCompareWithOpenStreetMap_WithNothingBlocked()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await register.RunAsync("", "import", "devices", register.File("more.csv", Devices()));
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = 1280, Height = 900 } });
        var blocked = new List<string>();
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("Failed to load resource", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        page.PageError += (_, error) => blocked.Add(error);
        await BrowserTests.SignInAsync(page, "viewer");

        // The whole register: 2 Market Square cameras and the 33 above have a location.
        await page.GotoAsync("/Map");
        var map = page.Locator("#map[data-ready=true]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cameras", "35");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("35 cameras on the map.");
        await Assertions.Expect(page.Locator(".marker-cluster").First).ToBeVisibleAsync();
        var clusters = (await page.Locator(".marker-cluster").AllTextContentsAsync()).Select(t => int.Parse(t.Trim(), CultureInfo.InvariantCulture)).ToList();
        Assert.All(clusters, n => Assert.InRange(n, 2, 35));

        // Filtered like the device list: Market Square's two cameras, apart; CAM-001 faces east.
        await page.GotoAsync("/Map?site=Market+Square");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cameras", "2");
        await Assertions.Expect(page.Locator(".cam-icon")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".cam-direction")).ToHaveCountAsync(1);
        Assert.Equal("rotate(90deg)", await page.Locator(".cam-direction").EvaluateAsync<string>("e => e.style.transform"));
        await page.GetByRole(AriaRole.Button, new() { Name = "CAM-001" }).ClickAsync();
        await Assertions.Expect(page.Locator(".leaflet-popup-content a")).ToHaveAttributeAsync("href", "/Devices/1");
        await BrowserTests.ShotAsync(page, "map-filtered");

        // Compared with OpenStreetMap: two of the Salt Lake City cameras are on the map, one is not, ten nodes are unknown.
        await page.GotoAsync("/Map?system=Salt+Lake");
        await page.GetByLabel("OpenStreetMap file").SetInputFilesAsync(Sightline.Tests.Repository.Folder("tests", "osm", "salt-lake-city.osm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matched (2)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In the register, not on the map (1)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "On the map, not in the register (10)" })).ToBeVisibleAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cameras", "3");
        await Assertions.Expect(page.Locator("path.osm-match")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("path.osm-unknown")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("path.osm-unmapped")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "node/11582690539" })).ToHaveAttributeAsync("href", "https://www.openstreetmap.org/node/11582690539");
        await BrowserTests.ShotAsync(page, "map-reconciled");
        var problems = BrowserTests.Describe("/Map (compared)", await page.RunAxe());

        // The public map reads the open data: every published point, the thirty Peace Gardens and three Salt Lake cameras among them.
        await register.RunAsync("", "publish", "site", "--enable");
        var openData = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/public/open-data/devices.geojson")).TextAsync());
        var points = openData.RootElement.GetProperty("features").EnumerateArray()
            .Count(f => f.GetProperty("geometry") is { ValueKind: JsonValueKind.Object } g && g.GetProperty("type").GetString() == "Point");
        Assert.True(points >= 33, $"{points} published points");
        await page.GotoAsync("/public/map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cameras", points.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator(".marker-cluster").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".map.plain")).ToHaveCountAsync(1);
        problems.AddRange(BrowserTests.Describe("/public/map", await page.RunAxe()));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        Assert.True(blocked.Count == 0, string.Join("\n", blocked));

        // Nobody signed in: the public map is there (its data is another page's to serve), the register's map is not.
        var anonymous = await browser.NewPageAsync(new() { BaseURL = server.Address });
        var response = await anonymous.GotoAsync("/public/map");
        Assert.Equal(200, response!.Status);
        Assert.EndsWith("/public/map", anonymous.Url, StringComparison.Ordinal);
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Map of cameras" })).ToBeVisibleAsync();
        await anonymous.GotoAsync("/Map");
        Assert.Contains("/Account/Login", anonymous.Url, StringComparison.Ordinal);
    }
}
