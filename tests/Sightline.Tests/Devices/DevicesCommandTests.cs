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
        Assert.Contains("1 device.", byBrand.Output);
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

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ControlAndBidiCharacters_FromADevice_AreEscapedInEveryOutput_AndDoNotMakeAWhiteLabel(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        // As a scan could store them: imports refuse control characters.
        await using (var db = await register.OpenAsync())
        {
            var device = new Device
            {
                Id = 1, AssetId = "A1", BrandAsSold = "HIKVISION\u001b[31m", Model = "DS-2CD2143G2-I", MacAddress = "44:19:B6:00:00:01",
                Firmware = "V5.7.3", Notes = "\u202Egpj.exe\u009b2J",
            };
            device.Attributes["owner"] = "x\u2066y\u001b]0;owned\u0007";
            db.Devices.Add(device);
            await db.SaveChangesAsync();
        }
        await Cli.RunAsync(register, "identify", "--register").Ok();

        var list = await Cli.RunAsync(register, "devices", "list").Ok();
        var show = await Cli.RunAsync(register, "devices", "show", "A1").Ok();
        var missing = await Cli.RunAsync(register, "devices", "show", "B\u001b[2J");

        foreach (var printed in new[] { list.Output, show.Output, missing.Error })
        {
            Assert.DoesNotContain(printed, c => c is < ' ' and not '\n' || c is >= '\u007f' and <= '\u009f' || c is '\u202E' or '\u2066');
        }
        Assert.Contains("HIKVISION\\u001B[31m", list.Output);
        Assert.True(list.Output.Contains("Hikvision (", StringComparison.Ordinal), list.Output);
        Assert.DoesNotContain("white label?", list.Output);
        Assert.Contains("HIKVISION\\u001B[31m", show.Output);
        Assert.Contains("\\u202Egpj.exe\\u009B2J", show.Output);
        Assert.Contains("x\\u2066y\\u001B]0;owned\\u0007", show.Output);
        Assert.Matches(@"brand as sold +Hikvision\n", show.Output);
        Assert.DoesNotContain("white label     suspected", show.Output);
        Assert.Contains("there is no device with ID or asset id 'B\\u001B[2J'", missing.Error);
    }
}
