using Microsoft.EntityFrameworkCore;
using Sightline.Data;

namespace Sightline.Tests.Setup;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_BuildsTheCouncilRegisterThroughImportAndSummarisesIt()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-demo-test-").FullName;
        try
        {
            var path = Path.Combine(folder, "demo.db");

            var run = await Cli.RunAsync(["demo", "--db", path], folder, new Dictionary<string, string>()).Ok();
            var again = await Cli.RunAsync(["demo", "--db", path], folder, new Dictionary<string, string>());

            // 150 devices imported from the council's lists, and the farm's surveillance devices found by the scan.
            Assert.Contains("sightline scan 127.77.0.0/24", run.Output);
            Assert.Contains("Scan complete: 60 hosts answered", run.Output);
            Assert.Contains("Town Centre CCTV", run.Output);
            Assert.Contains("By brand as sold", run.Output);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("already exists", again.Error);
            await using var db = await RegisterLocation.Sqlite(path).OpenAsync(create: false, CancellationToken.None);
            Assert.Equal(3, await db.Systems.CountAsync());
            Assert.Equal(9, await db.Sites.CountAsync());
            Assert.True(await db.Devices.Select(d => d.BrandAsSold).Distinct().CountAsync() >= 15);
            Assert.Equal(await db.Devices.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == "device"));
            Assert.True(await db.Devices.CountAsync() > 190);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "scan"));
            Assert.True(await db.Observations.AnyAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
