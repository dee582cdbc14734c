namespace Sightline.Tests;

/// <summary>What users see and what files they get, pinned as golden files; the same on both databases.</summary>
public sealed class GoldenOutputTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task DevicesList_RendersTheTable(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();

        var list = await Cli.RunAsync(register, "devices", "list").Ok();

        Golden.Verify("devices-list", list.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Exports_WriteTheSameFilesOnEitherDatabase(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();

        var csv = await Cli.RunAsync(register, "export", "devices", "--format", "csv").Ok();
        var json = await Cli.RunAsync(register, "export", "devices", "--format", "json").Ok();
        var geojson = await Cli.RunAsync(register, "export", "devices", "--format", "geojson").Ok();

        Golden.Verify("export.csv", csv.Output);
        Golden.Verify("export.json", json.Output);
        Golden.Verify("export.geojson", geojson.Output);
    }
}
