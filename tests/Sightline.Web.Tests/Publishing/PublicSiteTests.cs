using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Json.Schema;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests.Publishing;

/// <summary>
/// The public site and open data on a populated register: a crawl of every page and file that finds no address, MAC,
/// serial, firmware, installer or note; locations withheld, generalised and exact as the rules say; ETags and 304s; no
/// cookie; the files valid against their schemas; the site off until turned on; the rate limit.
/// </summary>
public sealed partial class PublicSiteTests
{
    // Beside Estate's three devices: one generalised to area, one left out altogether, one published exactly (the OSM node).
    private const string MoreDevices =
        Estate.Header + "\n" +
        "CAM-009,Town Centre CCTV,Market Square,53.384567,-1.476543,45,camera,Axis,P3245-LVE,10.12.1,AX999,10.0.0.19,AC:CC:8E:00:00:09,2022-05-05,Beta Installs,anpr,active,behind the bus shelter,CS-1\n" +
        "CAM-010,Town Centre CCTV,Market Square,53.386111,-1.477777,,camera,Secretbrand,SB-1,1.0.0,SB0001,10.0.0.20,00:11:22:33:44:55,2022-05-05,Gamma Ltd,,active,do not publish,CS-1\n" +
        "CAM-011,Car Parks,Level 2,53.391234,-1.481234,180,camera,Axis,M3106-L,9.80.3,AX1011,10.0.0.21,AC:CC:8E:00:00:11,2023-01-01,Beta Installs,ptz,active,,CS-3\n";

    private static readonly string[] Unpublished = ["53.382", "-1.471", "53.384567", "-1.476543", "53.385", "-1.477", "53.386111", "-1.477777", "Secretbrand"];

    private static readonly string[] Pages = ["/public", "/public/systems/1", "/public/systems/2", "/public/open-data/"];

    private static async Task<TestRegister> PublishedAsync(string provider)
    {
        var register = await Estate.NewAsync(provider);
        await register.RunAsync("", "import", "devices", register.File("more.csv", MoreDevices));
        await register.RunAsync("", "org", "set", "--contact-point", "cctv@northmoor.example");
        await register.RunAsync("", "publish", "site", "--enable");
        await register.RunAsync("", "publish", "set", "--system", "Town Centre CCTV", "--location", "street", "--withhold", "dpia",
            "--basis", "FOIA s.31(1)(a)", "--review", "2027-06-01");
        await register.RunAsync("", "publish", "set", "--device", "CAM-002", "--location", "hidden", "--basis", "FOIA s.24", "--review", "2027-01-01");
        await register.RunAsync("", "publish", "set", "--device", "CAM-009", "--location", "area", "--basis", "FOIA s.31", "--review", "2027-01-01");
        await register.RunAsync("", "publish", "set", "--device", "CAM-010", "--withhold", "device", "--basis", "FOIA s.24", "--review", "2027-01-01");
        return register;
    }

    private static async Task<List<string>> AllPathsAsync(HttpClient client)
    {
        var paths = new List<string>(Pages);
        var index = await client.GetStringAsync(new Uri("/public/open-data/", UriKind.Relative));
        paths.AddRange(OpenDataLink().Matches(index).Select(m => m.Groups[1].Value).Distinct());
        return paths;
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Crawl_FindsNoAddressMacSerialFirmwareInstallerOrNote_AndSetsNoCookie(string provider)
    {
        await using var register = await PublishedAsync(provider);
        await using var app = new PublicApp(register);
        using var client = app.Anonymous();
        List<string> secrets;
        await using (var db = await register.OpenAsync())
        {
            var devices = await db.Devices.AsNoTracking().ToListAsync();
            secrets = [.. devices.SelectMany(d => new[] { d.IpAddress, d.MacAddress, d.MacAddress?.Replace(":", "", StringComparison.Ordinal), d.Serial, d.Firmware,
                d.Installer, d.Notes, d.Model }).OfType<string>().Where(s => s.Length > 0).Distinct()];
        }

        var paths = await AllPathsAsync(client);
        var found = new List<string>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie");
            Assert.NotNull(response.Headers.ETag);
            Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
            Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            found.AddRange(secrets.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{path}: {s}"));
        }

        Assert.Equal(11, paths.Count); // the four pages and the seven files of the index
        Assert.Contains(paths, p => p.EndsWith("devices.osm", StringComparison.Ordinal));
        Assert.Empty(found);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Locations_AreWithheldGeneralisedOrExact_AsTheRulesSay_InEveryFormat(string provider)
    {
        await using var register = await PublishedAsync(provider);
        await using var app = new PublicApp(register);
        using var client = app.Anonymous();

        var geojson = JsonDocument.Parse(await client.GetStringAsync(new Uri("/public/open-data/devices.geojson", UriKind.Relative))).RootElement;
        var csv = await client.GetStringAsync(new Uri("/public/open-data/devices.csv", UriKind.Relative));
        var osm = XDocument.Parse(await client.GetStringAsync(new Uri("/public/open-data/devices.osm", UriKind.Relative)));
        var html = string.Concat(await Task.WhenAll(Pages.Select(p => client.GetStringAsync(new Uri(p, UriKind.Relative)))));
        var everything = string.Join('\n', geojson.GetRawText(), csv, osm.ToString(), html);
        var features = geojson.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetInt32());
        string Point(int id) => features[id].GetProperty("geometry") is { ValueKind: JsonValueKind.Object } g
            ? string.Join(',', g.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble().ToString("R", CultureInfo.InvariantCulture)))
            : "none";
        string Precision(int id) => features[id].GetProperty("properties").GetProperty("location_precision").GetString()!;

        // Devices 1–3 are Estate's (CAM-001, CAM-002 hidden, NVR-001 without a location), 4 CAM-009, 5 CAM-010 withheld, 6 CAM-011.
        Assert.Equal([1, 2, 3, 4, 6], features.Keys.Order());
        Assert.Equal(("-1.47,53.381", "street"), (Point(1), Precision(1)));
        Assert.Equal(("none", "hidden"), (Point(2), Precision(2)));
        Assert.Equal(JsonValueKind.Null, features[2].GetProperty("properties").GetProperty("direction").ValueKind);
        Assert.Equal(("-1.48,53.38", "area"), (Point(4), Precision(4)));
        Assert.Equal(("-1.481234,53.391234", "exact"), (Point(6), Precision(6)));
        // CAM-002's and CAM-009's own coordinates, CAM-009's street rounding, and anything of CAM-010, appear nowhere.
        Assert.All(Unpublished, s => Assert.DoesNotContain(s, everything, StringComparison.Ordinal));
        Assert.Contains("2,1,Town Centre CCTV,camera,Hikvision,ANNKE,true,,,hidden,,\n", csv, StringComparison.Ordinal);
        Assert.Contains("4,1,Town Centre CCTV,camera,Axis,Axis,false,anpr,45,area,53.38,-1.48\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n5,", csv, StringComparison.Ordinal);
        // Only the camera published exactly is a node; its tags are OpenStreetMap's.
        var node = Assert.Single(osm.Root!.Elements("node"));
        var tags = node.Elements("tag").ToDictionary(t => (string)t.Attribute("k")!, t => (string)t.Attribute("v")!);
        Assert.Equal(("-1", "53.391234", "-1.481234"), ((string)node.Attribute("id")!, (string)node.Attribute("lat")!, (string)node.Attribute("lon")!));
        Assert.Equal("surveillance", tags["man_made"]);
        Assert.Equal("camera", tags["surveillance:type"]);
        Assert.Equal("panning", tags["camera:type"]);
        Assert.Equal("180", tags["camera:direction"]);
        Assert.Equal("Northmoor Borough Council", tags["operator"]);
        // The system page says what is withheld and why.
        Assert.Contains("published only to about 100 m", html, StringComparison.Ordinal);
        Assert.Contains("FOIA s.24 (national security)", html, StringComparison.Ordinal);
        Assert.Contains("FOIA s.31(1)(a) (law enforcement: the prevention or detection of crime)", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task EveryResponse_HasAnETag_A304ForIt_AndANewOneAfterAChange(string provider)
    {
        await using var register = await PublishedAsync(provider);
        await using var app = new PublicApp(register);
        using var client = app.Anonymous();

        var statuses = new List<HttpStatusCode>();
        foreach (var path in await AllPathsAsync(client))
        {
            using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
            using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            using var second = await client.SendAsync(again);
            statuses.Add(second.StatusCode);
            Assert.Equal(first.Headers.ETag, second.Headers.ETag);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }
        using var before = await client.GetAsync(new Uri("/public/systems/1", UriKind.Relative));
        await register.RunAsync("", "systems", "set", "Town Centre CCTV", "--lawful-basis", "UK GDPR Art. 6(1)(e)");
        using var after = await client.GetAsync(new Uri("/public/systems/1", UriKind.Relative));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotModified, s));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("UK GDPR Art. 6(1)(e)", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task OpenDataFiles_ValidateAgainstTheirSchemas(string provider)
    {
        await using var register = await PublishedAsync(provider);
        await using var app = new PublicApp(register);
        using var client = app.Anonymous();

        var results = new List<string>();
        foreach (var (file, schemaFile) in new[] { ("devices.geojson", "devices.schema.json"), ("systems.json", "systems.schema.json") })
        {
            var text = await client.GetStringAsync(new Uri($"/public/open-data/{schemaFile}", UriKind.Relative));
            var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                new Uri($"https://register.example/public/open-data/{schemaFile}"));
            using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/public/open-data/{file}", UriKind.Relative)));
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            results.Add(result.IsValid ? $"{file} valid" : $"{file}: {JsonSerializer.Serialize((result.Details ?? []).Where(d => d.Errors is not null).Select(d => new { d.InstanceLocation, d.Errors }))}");
        }
        // The shipped schema file is the one served.
        var shipped = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "src/Sightline.Web/Publishing/schemas/devices.schema.json"));

        Assert.Equal(["devices.geojson valid", "systems.json valid"], results);
        Assert.Equal(shipped, await client.GetStringAsync(new Uri("/public/open-data/devices.schema.json", UriKind.Relative)));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Site_IsOffUntilTurnedOn_AndSystemsPageSetsWhatIsPublished(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new PublicApp(register);
        using var anonymous = app.Anonymous();
        await using var signedIn = new WebApp(register);
        using var manager = await signedIn.SignedInAsync("manager");
        using var viewer = await signedIn.SignedInAsync("viewer");

        using var off = await anonymous.GetAsync(new Uri("/public", UriKind.Relative));
        await register.RunAsync("", "publish", "site", "--enable");
        using var on = await anonymous.GetAsync(new Uri("/public", UriKind.Relative));
        var refused = await viewer.PostFormAsync("/Systems/1", "/Systems/1?handler=Publication", ("location", "area"), ("basis", "FOIA s.31"), ("review", "2027-01-01"));
        var incomplete = await manager.PostFormAsync("/Systems/1", "/Systems/1?handler=Publication", ("location", "area"));
        var saved = await manager.PostFormAsync("/Systems/1", "/Systems/1?handler=Publication", ("location", "area"), ("withheld", "makers"),
            ("basis", "FOIA s.31(1)(a)"), ("review", "2027-01-01"));
        var page = await anonymous.GetStringAsync(new Uri("/public/systems/1", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (off.StatusCode, on.StatusCode));
        Assert.Contains("/Account/Denied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("needs the exemption relied on and a review date", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The makers and brands of the cameras are withheld.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ANNKE", page, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(["manager set publication system:1"],
            await db.AuditEntries.Where(a => a.EntityType == "publication").Select(a => a.Actor + " " + a.Action + " " + a.EntityType + " " + a.EntityId).ToListAsync());
    }

    [Fact]
    public async Task RateLimit_RefusesAClientPastItsRequestsAMinute()
    {
        await using var register = await Estate.NewAsync("sqlite");
        await register.RunAsync("", "publish", "site", "--enable");
        await using var app = new PublicApp(register, requestsPerMinute: 3);
        using var client = app.Anonymous();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/public", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [GeneratedRegex("href=\"(/public/open-data/[^\"]+)\"")]
    private static partial Regex OpenDataLink();
}
