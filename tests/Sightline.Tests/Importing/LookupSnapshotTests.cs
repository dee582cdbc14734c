using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Importing;

/// <summary>
/// Issue 12: on PostgreSQL an import looks up a chunk of rows in a snapshot of the register as it was when the import
/// began, while its own connection writes the batch before (StoredDeviceLookup). The snapshot does not see what the
/// import itself has written, so a later chunk whose keys an earlier row gave to a device, or took from one, must be
/// looked up on the import's own connection. Each case puts the second row a few chunks after the first.
/// </summary>
public sealed class LookupSnapshotTests
{
    // More rows than a chunk holds on a small register (500), so the two rows fall in different chunks.
    private const int Filler = 1_200;

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task LaterRow_WithTheSerialAnEarlierRowGaveADevice_MatchesThatDevice(string provider)
    {
        await using var register = await StoredAsync(provider);

        var run = await Cli.RunAsync(register, "import", "devices", register.File("b.csv", File(
            "A1,S9,first: takes serial S9",
            "B1,S9,second: its serial is A1's now")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"b.csv:{Filler + 3}:1: ", run.Error);
        Assert.Contains("which line 2 already matched", run.Error);
        await using var db = await register.OpenAsync();
        Assert.Equal(3, await db.Devices.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task LaterRow_WithTheSerialAnEarlierRowTookFromADevice_IsANewDevice(string provider)
    {
        await using var register = await StoredAsync(provider);

        var run = await Cli.RunAsync(register, "import", "devices", register.File("b.csv", File(
            "A1,S9,first: gives up serial S1",
            "B2,S1,second: S1 belongs to no device now"))).Ok();

        Assert.Contains($"Created {Filler + 1} devices, updated 1", run.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal("S9", await db.Devices.Where(d => d.AssetId == "A1").Select(d => d.Serial).SingleAsync());
        Assert.Equal("S1", await db.Devices.Where(d => d.AssetId == "B2").Select(d => d.Serial).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task LaterRows_ForDevicesNoEarlierRowTouched_UpdateThem(string provider)
    {
        await using var register = await StoredAsync(provider);

        var run = await Cli.RunAsync(register, "import", "devices", register.File("b.csv", File(
            "A1,S1,first",
            "A2,S2,second",
            "A3,S3,third"))).Ok();

        Assert.Contains($"Created {2 * Filler} devices, updated 3", run.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal(["first", "second", "third"],
            await db.Devices.Where(d => d.Id <= 3).OrderBy(d => d.Id).Select(d => d.Notes!).ToListAsync());
    }

    // A register of three devices: A1/S1, A2/S2, A3/S3.
    private static async Task<TestRegister> StoredAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", "asset_id,serial,notes\nA1,S1,\nA2,S2,\nA3,S3,\n")).Ok();
        return register;
    }

    // The given rows, with Filler new devices after each but the last.
    private static string File(params string[] rows)
    {
        var csv = new StringBuilder("asset_id,serial,notes\n");
        var filler = 0;
        foreach (var row in rows)
        {
            csv.Append(row).Append('\n');
            if (row != rows[^1])
            {
                for (var i = 0; i < Filler; i++, filler++)
                {
                    csv.Append($"N{filler},NS{filler},\n");
                }
            }
        }
        return csv.ToString();
    }
}
