using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Data.Import;

namespace Sightline.Tests.Importing;

/// <summary>
/// Duplicate asset ids are caught by a fixed-size filter and confirmed by a second read of the file. A tiny filter
/// makes nearly every row a suspect, which exercises the confirmation path that a full-size filter rarely takes.
/// </summary>
public sealed class DuplicateAssetIdTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task TinyFilter_SuspectsAreConfirmedOrImported(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var csv = new StringBuilder("asset_id,serial,kind\n");
        for (var i = 1; i <= 300; i++)
        {
            csv.Append($"A{i},S{i},camera\n");
        }
        var clean = register.File("clean.csv", csv.ToString());
        var dirty = register.File("dirty.csv", csv.ToString() + "A7,S-other,camera\nB1,S-b,camera\nA300,S-last,nvr\n");

        ImportResult failed;
        ImportResult imported;
        await using (var db = await register.OpenAsync())
        {
            failed = await new DeviceImport(db, new FakeTimeProvider(Cli.Start), "tester") { AssetIds = new KeyFilter(6) }
                .RunAsync(File.OpenRead(dirty), dirty, dryRun: false, CancellationToken.None);
        }
        await using (var db = await register.OpenAsync())
        {
            imported = await new DeviceImport(db, new FakeTimeProvider(Cli.Start), "tester") { AssetIds = new KeyFilter(6) }
                .RunAsync(File.OpenRead(clean), clean, dryRun: false, CancellationToken.None);
        }

        Assert.Equal(["302: asset_id: asset id 'A7' is already used on line 8", "304: asset_id: asset id 'A300' is already used on line 301"],
            failed.Problems.Select(p => p.ToString()));
        Assert.False(failed.Committed);
        Assert.Equal((300, 0), (imported.Created, imported.ProblemCount));
        await using var check = await register.OpenAsync();
        Assert.Equal(300, await check.Devices.CountAsync());
        Assert.Equal(300, await check.Devices.Select(d => d.AssetId).Distinct().CountAsync());
        Assert.Equal("S300", (await check.Devices.SingleAsync(d => d.AssetId == "A300")).Serial);
    }
}
