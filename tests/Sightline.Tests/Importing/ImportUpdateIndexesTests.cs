using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Importing;

// Updates that leave a device's keys and places alone skip the indexes on SQLite (BulkWriter.UpdateAsync with
// indexedUnchanged); those that change them must still leave every index true.
public sealed class ImportUpdateIndexesTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Update_ChangingKeysAndPlacesBesideOtherValues_LeavesEveryIndexTrue(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();
        var changes = """
            asset_id,site,serial,mac,notes
            CAM-001,Market Square,HK123,44:19:B6:00:00:01,re-surveyed
            CAM-002,Bus Station,LT999,44:19:B6:00:00:99,moved
            NVR-001,Control Room,DH789,3C:EF:8C:00:00:03,
            """;

        var run = await Cli.RunAsync(register, "import", "devices", register.File("b.csv", changes)).Ok();

        Assert.Contains("Created 0 devices, updated 2, 1 unchanged", run.Output);
        await using var db = await register.OpenAsync();
        // Each look-up below goes through the index on its column.
        Assert.Equal("re-surveyed", (await db.Devices.SingleAsync(d => d.Serial == "HK123")).Notes);
        Assert.Equal("CAM-002", (await db.Devices.SingleAsync(d => d.Serial == "LT999")).AssetId);
        Assert.Equal("CAM-002", (await db.Devices.SingleAsync(d => d.MacAddress == "44:19:B6:00:00:99")).AssetId);
        Assert.False(await db.Devices.AnyAsync(d => d.Serial == "LT456" || d.MacAddress == "44:19:B6:00:00:02"));
        var busStation = await db.Sites.SingleAsync(s => s.Name == "Bus Station");
        Assert.Equal("CAM-002", (await db.Devices.SingleAsync(d => d.SiteId == busStation.Id)).AssetId);
        Assert.Equal("CAM-001", (await db.Devices.SingleAsync(d => d.AssetId == "CAM-001" && d.Notes == "re-surveyed")).AssetId);
        if (provider == Registers.Sqlite)
        {
            Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check()").ToListAsync());
        }
    }
}
