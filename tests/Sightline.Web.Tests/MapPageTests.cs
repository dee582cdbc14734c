using System.Net;
using Sightline.Web.Maps;
using Sightline.Web.Security;

namespace Sightline.Web.Tests;

/// <summary>
/// The map pages through the host: the tiles' host allowed as an image source on the map pages only, the public map open
/// to everyone, a bad filter said, and an OpenStreetMap file compared or refused naming where, on SQLite and PostgreSQL.
/// </summary>
public sealed class MapPageTests
{
    private static readonly MapTiles Tiles = MapTiles.Parse("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "© Example <tiles> & OpenStreetMap contributors").Tiles!;

    [Fact]
    public async Task TheTilesHost_IsAllowedOnTheMapPagesOnly_AndThePublicMapNeedsNoSignIn()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var app = new WebApp(register, settings: s => s with { MapTiles = Tiles });
        using var viewer = await app.SignedInAsync("viewer");

        using var map = await viewer.GetAsync("/Map?system=Town+Centre+CCTV");
        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        Assert.Contains("img-src 'self' data: https://*.tiles.example.org;", map.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await map.Content.ReadAsStringAsync();
        Assert.Contains("data-geojson=\"/exports/devices.geojson?system=Town%20Centre%20CCTV\"", html, StringComparison.Ordinal);
        Assert.Contains("data-tiles=\"https://{s}.tiles.example.org/{z}/{x}/{y}.png\"", html, StringComparison.Ordinal);
        Assert.Contains("data-attribution=\"&#xA9; Example &lt;tiles&gt; &amp; OpenStreetMap contributors\"", html, StringComparison.Ordinal);
        using var devices = await viewer.GetAsync("/Devices");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, devices.Headers.GetValues("Content-Security-Policy").Single());

        using var anonymous = app.Client();
        // Like the rest of the public site, the public map is there only while the organisation publishes. (Enabled before
        // the first public request: the public cache notices a change made by another process only when it next reads.)
        await register.RunAsync("", "publish", "site", "--enable");
        using var publicMap = await anonymous.GetAsync("/public/map");
        Assert.Equal(HttpStatusCode.OK, publicMap.StatusCode);
        Assert.Contains("data-geojson=\"/public/open-data/devices.geojson\"", await publicMap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("https://*.tiles.example.org", publicMap.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Map")).StatusCode);

        var bad = await viewer.GetAsync("/Map?kind=robot");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("unknown kind &#x27;robot&#x27;", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AnOsmFile_IsComparedWithTheFilteredDevices_OrRefusedNamingWhere(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");
        // One node 5 m from CAM-001 (53.381, -1.470), one far from everything.
        const string Osm = "<osm>\n<node id=\"10\" lat=\"53.381045\" lon=\"-1.470\"><tag k=\"man_made\" v=\"surveillance\"/><tag k=\"operator\" v=\"Northmoor &lt;Council&gt;\"/></node>\n"
            + "<node id=\"11\" lat=\"53.5\" lon=\"-1.2\"><tag k=\"man_made\" v=\"surveillance\"/></node>\n</osm>\n";

        using var compared = await viewer.UploadAsync("/Map?site=Market+Square", "/Map?site=Market%20Square&handler=Reconcile", "area.osm", Osm, ("within", "10"));
        Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        var html = await compared.Content.ReadAsStringAsync();
        Assert.Contains("<h3>Matched (1)</h3>", html, StringComparison.Ordinal);
        Assert.Matches("<a href=\"https://www.openstreetmap.org/node/10\">node/10</a>\\s*</td><td>5.0</td><td>Northmoor &lt;Council&gt;</td>", html);
        Assert.Contains("<h3>In the register, not on the map (1)</h3>", html, StringComparison.Ordinal);
        Assert.Contains(">CAM-002</a>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>On the map, not in the register (1)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("data-reconciliation=\"{", html, StringComparison.Ordinal);

        using var broken = await viewer.UploadAsync("/Map", "/Map?handler=Reconcile", "broken.osm", "<osm>\n<node id=\"1\" lat=\"1\" lon=\"1\">\n</osm>\n");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("broken.osm:3:3: The &#x27;node&#x27; start tag on line 2 position 2 does not match the end tag of &#x27;osm&#x27;",
            await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var far = await viewer.UploadAsync("/Map", "/Map?handler=Reconcile", "area.osm", Osm, ("within", "5000"));
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains("the distance must be more than 0 and at most 1000 metres, not &#x27;5000&#x27;", await far.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
