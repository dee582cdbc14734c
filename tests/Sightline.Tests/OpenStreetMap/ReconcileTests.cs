using System.Text.Json;

namespace Sightline.Tests.OpenStreetMap;

/// <summary>
/// `sightline reconcile` against real OpenStreetMap cameras (tests/osm, ODbL: see its README) on SQLite and PostgreSQL:
/// matches one to one within the distance, cameras missing from either side, the same answer from the GeoJSON of the same
/// nodes, and bad files refused in one line naming where.
/// </summary>
public sealed class ReconcileTests
{
    // Placed a known number of metres from real nodes: SLC-1 5 m from 11582690539, SLC-2 10 m from 11582690540, SLC-3 12 m
    // from 11582760251, SLC-4 20 m from 12256241862, SLC-5 40 m from 11582782438; SLC-8 is 8 m from 11582690539 too, which
    // SLC-1 is closer to; SLC-6 is far from every node; SLC-7 stands on 11583261223 but is decommissioned.
    private const string Devices = Samples.Header + "\n" +
        "SLC-1,,,40.7693737,-111.8912654,,camera,Axis,P3245-LVE,,S1,,,,,,active,,\n" +
        "SLC-2,,,40.7713118,-111.8966340,,camera,Axis,P3245-LVE,,S2,,,,,,active,,\n" +
        "SLC-3,,,40.7760520,-111.8911525,,camera,Axis,P3245-LVE,,S3,,,,,,active,,\n" +
        "SLC-4,,,40.7697446,-111.8909765,,camera,Axis,P3245-LVE,,S4,,,,,,active,,\n" +
        "SLC-5,,,40.7798672,-111.8894189,,camera,Axis,P3245-LVE,,S5,,,,,,active,,\n" +
        "SLC-6,,,40.7500000,-111.8500000,,camera,Axis,P3245-LVE,,S6,,,,,,active,,\n" +
        "SLC-7,,,40.765137,-111.8909278,,camera,Axis,P3245-LVE,,S7,,,,,,decommissioned,,\n" +
        "SLC-8,,,40.7693467,-111.8912180,,camera,Axis,P3245-LVE,,S8,,,,,,active,,\n" +
        "NVR-1,,,,,,nvr,Axis,S3008,,S9,,,,,,active,,\n";

    private static readonly string Xml = Repository.Folder("tests", "osm", "salt-lake-city.osm");

    private static async Task<TestRegister> RegisterAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init", "--org", "Northmoor Council").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Devices)).Ok();
        return register;
    }

    private static async Task<JsonElement> ReconcileAsync(TestRegister register, params string[] args) =>
        JsonDocument.Parse((await Cli.RunAsync(register, ["reconcile", .. args, "--json"])).Ok().Output).RootElement.Clone();

    private static (string Asset, string Node, double Metres)[] Matched(JsonElement result) =>
        [.. result.GetProperty("matched").EnumerateArray().Select(m => (m.GetProperty("assetId").GetString()!, m.GetProperty("mapped").GetProperty("id").GetString()!,
            m.GetProperty("metres").GetDouble()))];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task RealMappedCameras_AreMatchedOneToOne_WithinTheDistance(string provider)
    {
        await using var register = await RegisterAsync(provider);
        var result = await ReconcileAsync(register, "--osm", Xml);

        Assert.Equal(25, result.GetProperty("within").GetDouble());
        var matched = Matched(result);
        Assert.Equal(["SLC-1", "SLC-2", "SLC-3", "SLC-4"], matched.Select(m => m.Asset));
        Assert.Equal(["node/11582690539", "node/11582690540", "node/11582760251", "node/12256241862"], matched.Select(m => m.Node));
        Assert.All(matched.Zip((double[])[5, 10, 12, 20]), p => Assert.Equal(p.Second, p.First.Metres, 0.15));
        var first = result.GetProperty("matched")[0].GetProperty("mapped");
        Assert.Equal("UDOT", first.GetProperty("tags").GetProperty("operator").GetString());
        Assert.Equal(["SLC-5", "SLC-6", "SLC-8"], result.GetProperty("notMapped").EnumerateArray().Select(c => c.GetProperty("assetId").GetString()));
        var unknown = result.GetProperty("notRegistered").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(8, unknown.Count);
        // The decommissioned camera on 11583261223 is not the register's any more, so the node is unknown to it.
        Assert.Contains("node/11583261223", unknown);

        var wider = await ReconcileAsync(register, "--osm", Xml, "--within", "50");
        Assert.Equal(["SLC-1", "SLC-2", "SLC-3", "SLC-4", "SLC-5"], Matched(wider).Select(m => m.Asset));
        // SLC-8's nearest nodes are taken by cameras closer to them.
        Assert.Equal(["SLC-6", "SLC-8"], wider.GetProperty("notMapped").EnumerateArray().Select(c => c.GetProperty("assetId").GetString()));
    }

    [Fact]
    public async Task TheGeoJsonOfTheSameNodes_GivesTheSameAnswer_AndTheTextNamesEachList()
    {
        await using var register = await RegisterAsync(Registers.Sqlite);
        var fromXml = await ReconcileAsync(register, "--osm", Xml);
        var fromGeoJson = await ReconcileAsync(register, "--osm", Repository.Folder("tests", "osm", "salt-lake-city.geojson"));
        Assert.Equal(Matched(fromXml), Matched(fromGeoJson));
        Assert.Equal(fromXml.GetProperty("notRegistered").EnumerateArray().Select(c => c.GetProperty("id").GetString()),
            fromGeoJson.GetProperty("notRegistered").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        var text = (await Cli.RunAsync(register, "reconcile", "--osm", Xml)).Ok().Output;
        Assert.StartsWith("7 registered cameras with a location, 12 cameras on the map; taken for one another within 25.0 m.\n", text, StringComparison.Ordinal);
        Assert.Contains("Matched (4):", text, StringComparison.Ordinal);
        Assert.Contains("In the register, not on the map (3):", text, StringComparison.Ordinal);
        Assert.Contains("On the map, not in the register (8):", text, StringComparison.Ordinal);
        Assert.Matches(@"\n\d+ +SLC-1 +node/11582690539 +5\.0 +UDOT\n", text);
    }

    [Theory]
    [InlineData("dtd.osm", "<?xml version=\"1.0\"?>\n<!DOCTYPE osm [<!ENTITY x \"surveillance\">]>\n<osm></osm>\n",
        "dtd.osm:2:1: declares a DTD (<!DOCTYPE>), which a map file may not: nothing in it is fetched or expanded")]
    [InlineData("broken.osm", "<osm version=\"0.6\">\n  <node id=\"1\" lat=\"1\" lon=\"2\">\n    <tag k=\"man_made\" v=\"surveillance\">\n  </node>\n</osm>\n",
        "broken.osm:4:5: The 'tag' start tag on line 3 position 6 does not match the end tag of 'node'")]
    [InlineData("place.osm", "<osm>\n <node id=\"7\" lat=\"north\" lon=\"2\"><tag k=\"man_made\" v=\"surveillance\"/></node>\n</osm>\n",
        "place.osm:2:3: node 7 has no usable lat and lon ('north', '2')")]
    [InlineData("other.xml", "<gpx></gpx>", "other.xml:1:2: is not OSM XML: its root element is not <osm>")]
    [InlineData("bad.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [,]}", "bad.geojson:2:15: not valid JSON: ',' is an invalid start of a value")]
    [InlineData("list.geojson", "{\"type\": \"Feature\"}", "list.geojson: is not a GeoJSON FeatureCollection with a \"features\" array")]
    [InlineData("text.txt", "node,lat,lon", "text.txt: is neither OSM XML (starting '<') nor GeoJSON (starting '{')")]
    public async Task ABadFile_IsRefusedInOneLine_NamingWhere(string name, string content, string error)
    {
        await using var register = await RegisterAsync(Registers.Sqlite);
        var path = register.File(name, content);
        var run = await Cli.RunAsync(register, "reconcile", "--osm", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {Path.Combine(register.Folder, error)}\n", run.Error);
    }

    [Fact]
    public async Task OnlySurveillanceNodes_AreCameras_AndABadDistanceIsRefused()
    {
        await using var register = await RegisterAsync(Registers.Sqlite);
        var path = register.File("mixed.osm", "<osm>\n<node id=\"1\" lat=\"40.7693467\" lon=\"-111.8913129\"><tag k=\"amenity\" v=\"cafe\"/></node>\n"
            + "<node id=\"2\" lat=\"40.7713658\" lon=\"-111.896729\"><tag k=\"man_made\" v=\"surveillance\"/><tag k=\"camera:direction\" v=\"NE\"/></node>\n"
            + "<way id=\"3\"><nd ref=\"1\"/><tag k=\"man_made\" v=\"surveillance\"/></way>\n</osm>\n");
        var result = await ReconcileAsync(register, "--osm", path);
        var match = Assert.Single(result.GetProperty("matched").EnumerateArray());
        Assert.Equal("node/2", match.GetProperty("mapped").GetProperty("id").GetString());
        Assert.Equal(45, match.GetProperty("mapped").GetProperty("direction").GetDouble());
        Assert.Empty(result.GetProperty("notRegistered").EnumerateArray());

        var zero = await Cli.RunAsync(register, "reconcile", "--osm", path, "--within", "0");
        Assert.Equal("error: --within must be more than 0 and at most 1000 metres, not 0\n", zero.Error);
        var missing = await Cli.RunAsync(register, "reconcile", "--osm", Path.Combine(register.Folder, "none.osm"));
        Assert.StartsWith($"error: {Path.Combine(register.Folder, "none.osm")}: cannot read it: ", missing.Error, StringComparison.Ordinal);
    }
}
