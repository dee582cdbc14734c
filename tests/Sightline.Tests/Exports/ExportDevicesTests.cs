using System.Text.Json;
using Sightline.Csv;
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
        var exported = (await Cli.RunAsync(first, "export", "devices", "--output", Path.Combine(first.Folder, "out.csv")).Ok());
        Assert.Equal("", exported.Output);
        var csv = await File.ReadAllTextAsync(Path.Combine(first.Folder, "out.csv"));

        await using var second = await Registers.NewAsync(provider);
        await Cli.RunAsync(second, "init").Ok();
        await Cli.RunAsync(second, "import", "devices", second.File("in.csv", RegisterColumnsOnly(csv))).Ok();
        var again = await Cli.RunAsync(second, "export", "devices").Ok();

        Assert.Equal(csv, again.Output);
        Assert.Contains("\n4,X-9,,,0,-0.5,359.5,other,\"Brand \"\"quoted\"\"\",,,,::1,,,,,decommissioned,\"two\nlines\",,unknown,0.00,no,,,,'=1+1\n", csv);
        var reimport = await Cli.RunAsync(first, "import", "devices", first.File("back.csv", RegisterColumnsOnly(csv))).Ok();
        Assert.Contains("Created 0 devices, updated 0, 4 unchanged", reimport.Output);
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

    /// <summary>
    /// The export without its read-only columns (id and verdict), which the import side of this branch does not yet
    /// know to ignore; what is tested here is that the register's own columns and attributes come back unchanged.
    /// </summary>
    private static string RegisterColumnsOnly(string csv)
    {
        var records = new CsvReader(new StringReader(csv)).ReadAll().ToList();
        var keep = records[0].Fields.Select((f, i) => (f.Value, i))
            .Where(c => c.Value != VerdictColumns.Id && !VerdictColumns.IsVerdict(c.Value)).Select(c => c.i).ToList();
        var output = new StringWriter();
        var writer = new CsvWriter(output);
        foreach (var record in records)
        {
            writer.WriteRecord(keep.Select(i => (string?)record.Fields[i].Value));
        }
        return output.ToString();
    }
}
