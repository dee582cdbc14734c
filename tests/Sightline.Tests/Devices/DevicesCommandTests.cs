using Microsoft.EntityFrameworkCore;
using Sightline.Register;

namespace Sightline.Tests.Devices;

public sealed class DevicesCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task List_Filters_ShowOnlyMatchingDevices(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();

        var byBrand = await Cli.RunAsync(register, "devices", "list", "--brand", "hikvision").Ok();
        var byKind = await Cli.RunAsync(register, "devices", "list", "--kind", "nvr").Ok();
        var bySite = await Cli.RunAsync(register, "devices", "list", "--site", "Market Square", "--system", "Town Centre CCTV").Ok();
        var unknownSite = await Cli.RunAsync(register, "devices", "list", "--site", "Nowhere");

        Assert.Contains("CAM-001", byBrand.Output);
        Assert.DoesNotContain("CAM-002", byBrand.Output);
        Assert.Contains("1 devices.", byBrand.Output);
        Assert.Contains("NVR-001", byKind.Output);
        Assert.DoesNotContain("CAM-001", byKind.Output);
        Assert.Contains("2 devices.", bySite.Output);
        Assert.Equal(2, unknownSite.ExitCode);
        Assert.Contains("there is no site named 'Nowhere'", unknownSite.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Decommission_KeepsTheDeviceAndShowShowsItsHistory(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();

        await Cli.RunAsync(register, "devices", "decommission", "CAM-002", "--reason", "replaced by CAM-010").Ok();
        var again = await Cli.RunAsync(register, "devices", "decommission", "CAM-002", "--reason", "twice");
        var show = await Cli.RunAsync(register, "devices", "show", "CAM-002").Ok();
        var list = await Cli.RunAsync(register, "devices", "list", "--status", "decommissioned").Ok();

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already decommissioned", again.Error);
        Assert.Matches(@"\nstatus +decommissioned", show.Output);
        Assert.Contains("create", show.Output);
        Assert.Contains("decommission", show.Output);
        Assert.Contains("replaced by CAM-010", show.Output);
        Assert.Contains("CAM-002", list.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal(3, await db.Devices.CountAsync());
        Assert.Equal(DeviceStatus.Decommissioned, (await db.Devices.SingleAsync(d => d.AssetId == "CAM-002")).Status);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task HostileValues_ArePrintedAsText(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("h.csv", "asset_id,kind,brand\nA1,camera,[red]<script>alert(1)</script>[/]\n")).Ok();

        var list = await Cli.RunAsync(register, "devices", "list").Ok();
        var show = await Cli.RunAsync(register, "devices", "show", "A1").Ok();

        Assert.Contains("[red]<script>alert(1)</script>[/]", show.Output);
        Assert.Contains("[red]<script>", list.Output);
    }
}
