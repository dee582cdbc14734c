using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Register;

namespace Sightline.Tests.Exports;

public sealed class ExportDevicesTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ExportCsv_ImportedIntoNewRegister_RoundTripsLosslessly(string provider)
    {
        await using var first = await Registers.NewAsync(provider);
        await Cli.RunAsync(first, "init").Ok();
        var tricky = Samples.ThreeDevices +
            "X-9,,,0,-0.5,359.5,other,\"Brand \"\"quoted\"\"\",,,,::1,,,,,decommissioned,\"two\nlines\",'=1+1\n";
        await Cli.RunAsync(first, "import", "devices", first.File("a.csv", tricky)).Ok();
        await using (var db = await first.OpenAsync())
        {
            // A camera behind a router, as a scan registers it: an address and nothing to match it by but its id.
            db.Devices.Add(new Device { Id = 5, Kind = DeviceKind.Camera, IpAddress = "192.0.2.50", Model = "DS-2CD2043G2-I" });
            await db.SaveChangesAsync();
        }
        await Cli.RunAsync(first, "identify", "--register").Ok(); // as a scan would have: its verdict is stored
        var exported = (await Cli.RunAsync(first, "export", "devices", "--output", Path.Combine(first.Folder, "out.csv")).Ok());
        Assert.Equal("", exported.Output);
        var csv = await File.ReadAllTextAsync(Path.Combine(first.Folder, "out.csv"));

        await using var second = await Registers.NewAsync(provider);
        await Cli.RunAsync(second, "init").Ok();
        var loaded = await Cli.RunAsync(second, "import", "devices", second.File("in.csv", csv)).Ok();
        var again = await Cli.RunAsync(second, "export", "devices").Ok();

        Assert.Contains("left aside, read-only: maker, confidence, confidence_score, white_label, human_rights, security_trust, cyber_hygiene", loaded.Output);
        Assert.Equal(csv, again.Output);
        Assert.Contains("\n4,X-9,,,0,-0.5,359.5,other,\"Brand \"\"quoted\"\"\",,,,::1,,,,,decommissioned,\"two\nlines\",,unknown,0.00,no,,,,'=1+1\n", csv);
        Assert.Contains("\n5,,,,,,,camera,,DS-2CD2043G2-I,,,192.0.2.50,", csv);
        var reimport = await Cli.RunAsync(first, "import", "devices", first.File("back.csv", csv)).Ok();
        Assert.Contains("Created 0 devices, updated 0, 5 unchanged", reimport.Output);
        await using var stored = await first.OpenAsync();
        Assert.All(await stored.Devices.ToListAsync(), d => Assert.DoesNotContain(d.Attributes.Keys, k => VerdictColumns.IsVerdict(k) || k == "id"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_RowWithAnId_ChangesThatDevice_AndRefusesAnotherDevicesKeysOrABadId(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();

        var renamed = await Cli.RunAsync(register, "import", "devices", register.File("b.csv", "id,asset_id,firmware\n2,CAM-002B,V5.7.9\n")).Ok();
        var clash = await Cli.RunAsync(register, "import", "devices", register.File("c.csv", "id,mac,maker\n1,3C:EF:8C:00:00:03,Dahua\n"));
        var bad = await Cli.RunAsync(register, "import", "devices", register.File("d.csv", "id,asset_id\nseven,CAM-009\n"));

        Assert.Contains("Created 0 devices, updated 1, 0 unchanged", renamed.Output);
        await using var db = await register.OpenAsync();
        var second = await db.Devices.SingleAsync(d => d.Id == 2);
        Assert.Equal(("CAM-002B", "V5.7.9"), (second.AssetId, second.Firmware));
        Assert.NotEqual(0, clash.ExitCode);
        Assert.Contains("c.csv:2:1: id 1 is device 1 (asset CAM-001), but the row's asset id, serial or MAC is device 3's (asset NVR-001)", clash.Error);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("d.csv:2: id: 'seven' is not a device id (a whole number from an export)", bad.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ExportJsonAndGeoJson_DescribeTheDevices(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();

        var json = await Cli.RunAsync(register, "export", "devices", "--format", "json").Ok();
        var geo = await Cli.RunAsync(register, "export", "devices", "--format", "geojson").Ok();

        using var devices = JsonDocument.Parse(json.Output);
        Assert.Equal(3, devices.RootElement.GetArrayLength());
        var first = devices.RootElement[0];
        Assert.Equal("CAM-001", first.GetProperty("asset_id").GetString());
        Assert.Equal(53.381, first.GetProperty("latitude").GetDouble());
        Assert.Equal("CS-1", first.GetProperty("attributes").GetProperty("cost_centre").GetString());
        using var features = JsonDocument.Parse(geo.Output);
        Assert.Equal("FeatureCollection", features.RootElement.GetProperty("type").GetString());
        var located = features.RootElement.GetProperty("features");
        Assert.Equal(2, located.GetArrayLength());
        var point = located[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal([-1.47, 53.381], point.EnumerateArray().Select(c => c.GetDouble()));
        Assert.Contains("1 device without coordinates is not in the GeoJSON", geo.Error);
    }
}
