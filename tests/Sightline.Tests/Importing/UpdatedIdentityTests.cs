using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Importing;

/// <summary>
/// Issue 12: an update that leaves what identification reads as it was (brand, model, firmware, serial, MAC, system)
/// keeps the device's stored identity instead of deleting and writing it again, but only while every stored identity
/// comes from the knowledge in use. A marker put into stored identities shows which were rewritten.
/// </summary>
public sealed class UpdatedIdentityTests
{
    private const double Marker = 0.123;

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Update_KeepsTheIdentity_OnlyWhenNothingIdentificationReadsChanged(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("first.csv", Samples.ThreeDevices)).Ok();
        await MarkAsync(register, "CAM-001", "CAM-002");

        // CAM-001: a new note only. CAM-002: new firmware.
        var update = Samples.ThreeDevices
            .Replace("\"corner of Market St, facing north\"", "re-surveyed", StringComparison.Ordinal)
            .Replace("V5.5.3", "V5.5.9", StringComparison.Ordinal);
        await Cli.RunAsync(register, "import", "devices", register.File("update.csv", update)).Ok();

        Assert.Equal(Marker, await ConfidenceAsync(register, "CAM-001"));
        Assert.NotEqual(Marker, await ConfidenceAsync(register, "CAM-002"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Update_RewritesTheIdentity_WhenAnyStoredIdentityIsFromOtherKnowledge(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("first.csv", Samples.ThreeDevices)).Ok();
        await MarkAsync(register, "CAM-001");
        await using (var db = await register.OpenAsync())
        {
            var nvr = await db.Devices.Where(d => d.AssetId == "NVR-001").Select(d => d.Id).SingleAsync();
            await db.Identities.Where(i => i.DeviceId == nvr).ExecuteUpdateAsync(s => s.SetProperty(i => i.Knowledge, "older"));
        }

        var update = Samples.ThreeDevices.Replace("\"corner of Market St, facing north\"", "re-surveyed", StringComparison.Ordinal);
        await Cli.RunAsync(register, "import", "devices", register.File("update.csv", update)).Ok();

        Assert.NotEqual(Marker, await ConfidenceAsync(register, "CAM-001"));
    }

    private static async Task MarkAsync(TestRegister register, params string[] assets)
    {
        await using var db = await register.OpenAsync();
        var ids = await db.Devices.Where(d => assets.Contains(d.AssetId!)).Select(d => d.Id).ToListAsync();
        Assert.Equal(assets.Length, await db.Identities.Where(i => ids.Contains(i.DeviceId)).ExecuteUpdateAsync(s => s.SetProperty(i => i.Confidence, Marker)));
    }

    private static async Task<double> ConfidenceAsync(TestRegister register, string asset)
    {
        await using var db = await register.OpenAsync();
        return await db.Identities.Where(i => db.Devices.Any(d => d.Id == i.DeviceId && d.AssetId == asset)).Select(i => i.Confidence).SingleAsync();
    }
}
