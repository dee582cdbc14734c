using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.CameraFarm;
using Sightline.Register;

namespace Sightline.Tests.Farming;

public sealed class ScanCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Scan_FindsIdentifiesAndRecords_TheFarm_AndMarksTheSilentMissing(string provider)
    {
        var net = provider == Registers.Sqlite ? 80 : 81;
        var count = Personas.Templates.Count;
        await using var farm = Farm.Start(Enumerable.Range(1, count).Select(i => IPAddress.Parse($"127.77.{net}.{i}")), count, seed: 4);
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        // A camera the register knows at an address in the scope where nothing answers.
        await Cli.RunAsync(register, "import", "devices", register.File("gone.csv", $"asset_id,ip,brand\nGONE-1,127.77.{net}.31,Axis\n")).Ok();

        var dryRun = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--dry-run").Ok();
        var connectionsAfterDryRun = farm.Connections;
        var scan = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--json").Ok();
        var again = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27").Ok();
        var publicSpace = await Cli.RunAsync(register, "scan", "8.8.8.0/24");

        Assert.Contains("Nothing was sent.", dryRun.Output);
        Assert.Equal(0, connectionsAfterDryRun);
        var results = scan.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var found = results.Select(r => r.GetProperty("address").GetString()).ToHashSet();
        var (cameras, right) = (0, 0);
        foreach (var (address, persona) in farm.Devices)
        {
            if (persona.Behaviour != Behaviour.Normal)
            {
                continue;
            }
            Assert.Contains(address.ToString(), found);
            var result = results.Single(r => r.GetProperty("address").GetString() == address.ToString());
            foreach (var field in (string[])["mac", "platform", "platformConfidence", "brand", "model", "firmware", "deviceClass", "whiteLabelSuspected"])
            {
                Assert.True(result.TryGetProperty(field, out _), $"{field} missing");
            }
            if (persona.Platform.Length > 0)
            {
                cameras++;
                right += result.GetProperty("platformId").GetString() == persona.Platform ? 1 : 0;
            }
        }
        Assert.True(right >= cameras * 0.95, $"platform right for {right} of {cameras}");
        Assert.Contains("0 created, 0 updated", again.Error);
        Assert.Equal(2, publicSpace.ExitCode);
        Assert.Contains("public address space", publicSpace.Error);

        await using var db = await register.OpenAsync();
        Assert.Equal(DeviceStatus.Missing, (await db.Devices.SingleAsync(d => d.AssetId == "GONE-1")).Status);
        var dahua = farm.Devices.First(d => d.Persona.Template == "lorex-on-dahua").Address.ToString();
        var lorex = await db.Devices.SingleAsync(d => d.IpAddress == dahua);
        Assert.Equal("dahua", (await db.Identities.SingleAsync(i => i.DeviceId == lorex.Id)).Platform);
        Assert.True(await db.Observations.CountAsync(o => o.DeviceId == lorex.Id) >= 2);
        var printer = farm.Devices.First(x => x.Persona.Template == "hp-printer").Address.ToString();
        Assert.False(await db.Devices.AnyAsync(d => d.IpAddress == printer));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "scan"));
        await Cli.RunAsync(register, "audit", "verify").Ok();
        var reidentified = await Cli.RunAsync(register, "identify", "--register").Ok();
        Assert.Contains("0 changed platform maker", reidentified.Output);
    }
}
