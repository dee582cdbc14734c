using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Csv;
using Sightline.Data.Export;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Tests.Exports;

public sealed class ExportVerdictTests
{
    // WL-1: sold as LTS, a Hikvision model with a Hikvision MAC: made by Hikvision, a suspected white label, its firmware in
    // CVE-2017-7921's affected range. OWN-1: Hikvision's own brand, firmware past every known fix. OVR-1: like WL-1, but a
    // person decides Dahua made it. UNK-1: nothing to go on.
    private const string Estate =
        Samples.Header + "\n" +
        "WL-1,Town Centre CCTV,Market Square,,,,camera,LTS,DS-2CD2032F-I,V5.3.0 build 151016,,,BC:AD:28:00:00:01,,,,active,,CS-1\n" +
        "OWN-1,Town Centre CCTV,Market Square,,,,camera,Hikvision,DS-2CD2143G2-I,V5.7.3 build 220112,,,BC:AD:28:00:00:02,,,,active,,\n" +
        "OVR-1,Town Centre CCTV,Market Square,,,,camera,LTS,DS-2CD2032F-I,V5.3.0 build 151016,,,BC:AD:28:00:00:03,,,,active,,\n" +
        "UNK-1,Town Centre CCTV,Market Square,,,,camera,Nobody Special,X-1,,,,,,,,active,,\n";

    private static readonly string[] Dimensions = ["human_rights", "security_trust", "cyber_hygiene"];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Csv_CarriesIdFirstThenColumnsThenTheVerdictThenAttributes(string provider)
    {
        await using var register = await EstateAsync(provider);

        var csv = await Cli.RunAsync(register, "export", "devices").Ok();

        var rows = Rows(csv.Output);
        string[] header = [VerdictColumns.Id, .. DeviceColumns.Names, .. VerdictColumns.Names, "cost_centre"];
        Assert.Equal(string.Join(',', header), csv.Output[..csv.Output.IndexOf('\n', StringComparison.Ordinal)]);
        Assert.Equal(
            "id,asset_id,system,site,latitude,longitude,direction,kind,brand,model,firmware,serial,ip,mac,installed_on,installer,capabilities,status,notes," +
            "maker,confidence,confidence_score,white_label,human_rights,security_trust,cyber_hygiene,cost_centre",
            csv.Output[..csv.Output.IndexOf('\n', StringComparison.Ordinal)]);
        Assert.Equal(4, rows.Count);

        var whiteLabel = rows.Single(r => r["asset_id"] == "WL-1");
        Assert.Equal("Hikvision", whiteLabel["maker"]);
        Assert.Equal("yes", whiteLabel["white_label"]);
        Assert.Equal("confirmed", whiteLabel["confidence"]);
        Assert.Matches(@"^(0\.9\d|1\.00)$", whiteLabel["confidence_score"]);
        Assert.Equal("human rights and ethics", whiteLabel["human_rights"]);
        Assert.Equal("security and trust", whiteLabel["security_trust"]);
        Assert.Equal("cyber hygiene", whiteLabel["cyber_hygiene"]);

        var own = rows.Single(r => r["asset_id"] == "OWN-1");
        Assert.Equal("Hikvision", own["maker"]);
        Assert.Equal("no", own["white_label"]);
        Assert.Equal("", own["cyber_hygiene"]);

        var overridden = rows.Single(r => r["asset_id"] == "OVR-1");
        Assert.Equal("Dahua", overridden["maker"]);
        Assert.Equal("no", overridden["white_label"]);
        Assert.Equal("confirmed", overridden["confidence"]);
        Assert.Equal("1.00", overridden["confidence_score"]);

        var unknown = rows.Single(r => r["asset_id"] == "UNK-1");
        Assert.Equal("", unknown["maker"]);
        Assert.Equal("unknown", unknown["confidence"]);
        Assert.Equal("0.00", unknown["confidence_score"]);
        Assert.Equal("no", unknown["white_label"]);
        Assert.All(Dimensions, d => Assert.Equal("", unknown[d]));

        // The export says what every list and filter says: the identity stored in the register, the person's decision applied.
        await using var db = await register.OpenAsync();
        var stored = await db.Identities.AsNoTracking().ToDictionaryAsync(i => i.DeviceId);
        foreach (var row in rows)
        {
            var identity = stored[int.Parse(row["id"], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(identity.WhiteLabel ? "yes" : "no", row["white_label"]);
            Assert.Equal(identity.Flags.HasFlag(RiskDimension.HumanRights), row["human_rights"].Length > 0);
            Assert.Equal(identity.Flags.HasFlag(RiskDimension.SecurityTrust), row["security_trust"].Length > 0);
            Assert.Equal(identity.Flags.HasFlag(RiskDimension.CyberHygiene), row["cyber_hygiene"].Length > 0);
        }
        var listed = await Cli.RunAsync(register, "devices", "list", "--white-label").Ok();
        Assert.Contains("WL-1", listed.Output);
        Assert.DoesNotContain("OVR-1", listed.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task JsonAndGeoJson_CarryTheVerdictObject(string provider)
    {
        await using var register = await EstateAsync(provider);
        await using (var db = await register.OpenAsync())
        {
            await db.Devices.Where(d => d.AssetId == "WL-1").ExecuteUpdateAsync(s => s.SetProperty(d => d.Latitude, 53.4).SetProperty(d => d.Longitude, -1.5));
        }

        var json = await Cli.RunAsync(register, "export", "devices", "--format", "json").Ok();
        var geo = await Cli.RunAsync(register, "export", "devices", "--format", "geojson").Ok();

        using var devices = JsonDocument.Parse(json.Output);
        var byAsset = devices.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("asset_id").GetString()!);
        var whiteLabel = byAsset["WL-1"].GetProperty("verdict");
        Assert.Equal(VerdictColumns.Names, whiteLabel.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Hikvision", whiteLabel.GetProperty("maker").GetString());
        Assert.Equal("confirmed", whiteLabel.GetProperty("confidence").GetString());
        Assert.InRange(whiteLabel.GetProperty("confidence_score").GetDouble(), 0.9, 1);
        Assert.True(whiteLabel.GetProperty("white_label").GetBoolean());
        Assert.Equal("security and trust", whiteLabel.GetProperty("security_trust").GetString());
        Assert.Equal("cyber hygiene", whiteLabel.GetProperty("cyber_hygiene").GetString());
        var overridden = byAsset["OVR-1"].GetProperty("verdict");
        Assert.Equal("Dahua", overridden.GetProperty("maker").GetString());
        Assert.False(overridden.GetProperty("white_label").GetBoolean());
        Assert.Equal(1, overridden.GetProperty("confidence_score").GetDouble());
        var unknown = byAsset["UNK-1"].GetProperty("verdict");
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("maker").ValueKind);
        Assert.Equal("unknown", unknown.GetProperty("confidence").GetString());
        Assert.False(unknown.GetProperty("white_label").GetBoolean());
        Assert.All(Dimensions, d => Assert.Equal(JsonValueKind.Null, unknown.GetProperty(d).ValueKind));
        Assert.Equal(byAsset["WL-1"].GetProperty("id").GetInt32(), byAsset.Values.Min(d => d.GetProperty("id").GetInt32()));

        using var features = JsonDocument.Parse(geo.Output);
        var feature = Assert.Single(features.RootElement.GetProperty("features").EnumerateArray());
        var properties = feature.GetProperty("properties");
        Assert.Equal("WL-1", properties.GetProperty("asset_id").GetString());
        Assert.True(properties.GetProperty("verdict").GetProperty("white_label").GetBoolean());
        Assert.Equal("Hikvision", properties.GetProperty("verdict").GetProperty("maker").GetString());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Csv_DeviceWithoutAStoredVerdict_HasEmptyVerdictCells(string provider)
    {
        await using var register = await EstateAsync(provider);
        await using (var db = await register.OpenAsync())
        {
            await db.Identities.Where(i => db.Devices.Any(d => d.Id == i.DeviceId && d.AssetId == "WL-1")).ExecuteDeleteAsync();
        }

        var csv = await Cli.RunAsync(register, "export", "devices").Ok();

        var row = Rows(csv.Output).Single(r => r["asset_id"] == "WL-1");
        Assert.All(VerdictColumns.Names, name => Assert.Equal("", row[name]));
        Assert.NotEqual("", row["id"]);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Export_OfVerdictsStoredWithOtherKnowledge_SaysSo(string provider)
    {
        await using var register = await EstateAsync(provider);
        var current = await Cli.RunAsync(register, "export", "devices").Ok();
        await using (var db = await register.OpenAsync())
        {
            await db.Identities.Where(i => db.Devices.Any(d => d.Id == i.DeviceId && d.AssetId == "WL-1")).ExecuteUpdateAsync(s => s.SetProperty(i => i.Knowledge, "older"));
        }

        var stale = await Cli.RunAsync(register, "export", "devices").Ok();

        Assert.DoesNotContain("note:", current.Error, StringComparison.Ordinal);
        Assert.Contains("note: the verdicts of 1 device were worked out with other knowledge than ", stale.Error, StringComparison.Ordinal);
        Assert.Contains("`sightline identify --register` renews them", stale.Error, StringComparison.Ordinal);
        Assert.Equal(current.Output, stale.Output);
    }

    [Fact]
    public void VerdictCells_AreGuardedAgainstSpreadsheetFormulas()
    {
        var verdict = new ExportedVerdict("=HYPERLINK(\"http://127.0.0.1/\")", "probable", "0.75", true, RiskDimension.SecurityTrust);
        var cells = new string?[1 + VerdictColumns.Names.Count];

        ExportedVerdict.WriteCells(verdict, cells, 1);

        Assert.Equal(["'=HYPERLINK(\"http://127.0.0.1/\")", "probable", "0.75", "yes", null, "security and trust", null], cells[1..]);
        Assert.Null(cells[0]);
    }

    private static async Task<TestRegister> EstateAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "systems", register.File("systems.csv",
            "name,type,purposes,sensitive_site\nTown Centre CCTV,cctv,prevention and detection of crime;public safety,no\n")).Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("estate.csv", Estate)).Ok();
        await Cli.RunAsync(register, "devices", "override", "OVR-1", "--maker", "dahua", "--reason", "Dahua board seen when opened").Ok();
        return register;
    }

    /// <summary>The CSV's records after the header, each as column name → cell.</summary>
    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var records = new CsvReader(new StringReader(csv)).ReadAll().ToList();
        var names = records[0].Fields.Select(f => f.Value).ToList();
        return records.Skip(1).Select(r => names.Zip(r.Fields, (n, f) => (n, f.Value)).ToDictionary(p => p.n, p => p.Value)).ToList();
    }
}
