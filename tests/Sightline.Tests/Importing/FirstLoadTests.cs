using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Audit;
using Sightline.Data.Import;
using Sightline.Knowledge;

namespace Sightline.Tests.Importing;

/// <summary>
/// A first load into an empty register builds its indexes at the end and looks nothing up: a row whose serial or MAC
/// may have been seen is held back and matched once the indexes exist. A tiny key filter holds back nearly every row,
/// and a small limit makes the import build the indexes part-way through and go on with look-ups; either way the
/// register must hold exactly what an ordinary first load stores, and a row repeating an earlier row's serial or MAC
/// must be refused on its own line.
/// </summary>
public sealed class FirstLoadTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));

    public static TheoryData<string, int> ProvidersAndLimits =>
        new() { { Registers.Sqlite, 10_000 }, { Registers.Sqlite, 20 }, { Registers.Postgres, 10_000 }, { Registers.Postgres, 20 } };

    [Theory]
    [MemberData(nameof(ProvidersAndLimits))]
    public async Task HeldBackRows_AreStoredAsAnOrdinaryFirstLoadStoresThem(string provider, int heldBackLimit)
    {
        var csv = Rows(300);
        var expected = await LoadAsync(provider, csv, new DeviceImportOptions());

        var held = await LoadAsync(provider, csv, new DeviceImportOptions(new KeyFilter(6), heldBackLimit));

        Assert.Equal((300, 0), (held.Result.Created, held.Result.ProblemCount));
        Assert.Equal(300, expected.Devices.Count);
        Assert.Equal(200, expected.Devices.Count(d => d.Contains(" hikvision ", StringComparison.Ordinal))); // those sold as Hikvision
        Assert.Equal(expected.Devices, held.Devices);
        Assert.Equal(expected.Schema, held.Schema);
        Assert.Contains("ix_devices_serial", held.Schema);
        Assert.Null(held.AuditBreak);
        Assert.Equal(1 + 300 + 2 + 2 + 1, held.AuditEntries); // init, the devices, two systems, two sites, the file
    }

    [Theory]
    [MemberData(nameof(ProvidersAndLimits))]
    public async Task LaterRowRepeatingASerialOrMac_IsAProblemOnItsOwnLine(string provider, int heldBackLimit)
    {
        var csv = Rows(300)
            + "B1,Town Centre CCTV,Market Square,camera,Hikvision,S7,\n"
            + $"B2,Town Centre CCTV,Market Square,camera,Hikvision,S-new,{Mac(9)}\n";

        var run = await LoadAsync(provider, csv, new DeviceImportOptions(new KeyFilter(6), heldBackLimit));

        Assert.False(run.Result.Committed);
        Assert.Equal(2, run.Result.ProblemCount);
        Assert.StartsWith("302:1: row matches device ", run.Result.Problems[0].ToString());
        Assert.EndsWith(" (asset A7), which an earlier row of this file created", run.Result.Problems[0].ToString());
        Assert.StartsWith("303:1: row matches device ", run.Result.Problems[1].ToString());
        Assert.EndsWith(" (asset A9), which an earlier row of this file created", run.Result.Problems[1].ToString());
        Assert.Empty(run.Devices);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task RowHeldBackByAFalsePositive_StillComesBeforeALaterRowSharingItsSerial(string provider)
    {
        // Row 5's MAC "may have been seen" (a false positive, planted), so it is held back; row 301 repeats its serial.
        var keys = new KeyFilter();
        keys.Add(Mac(5));
        var csv = Rows(300) + "B1,Town Centre CCTV,Market Square,camera,Hikvision,S5,\n";

        var run = await LoadAsync(provider, csv, new DeviceImportOptions(keys));

        Assert.Equal(1, run.Result.ProblemCount);
        Assert.StartsWith("302:1: row matches device ", run.Result.Problems[0].ToString());
        Assert.EndsWith(" (asset A5), which an earlier row of this file created", run.Result.Problems[0].ToString());
    }

    private static string Rows(int count)
    {
        var csv = new StringBuilder("asset_id,system,site,kind,brand,serial,mac\n");
        for (var i = 1; i <= count; i++)
        {
            var (system, site) = i % 2 == 0 ? ("Town Centre CCTV", "Market Square") : ("Car Parks ANPR", "Level 2");
            csv.Append($"A{i},{system},{site},camera,{(i % 3 == 0 ? "Dahua" : "Hikvision")},S{i},{Mac(i)}\n");
        }
        return csv.ToString();
    }

    private static string Mac(int i) => $"C0:56:E3:00:{i / 256:X2}:{i % 256:X2}";

    private sealed record DeviceImportOptions(KeyFilter? KnownKeys = null, int HeldBackLimit = 10_000);

    private sealed record Loaded(ImportResult Result, List<string> Devices, List<string> Schema, AuditBreak? AuditBreak, long AuditEntries);

    // Imports into a new register; returns each device with its places and identity, in asset-id order.
    private static async Task<Loaded> LoadAsync(string provider, string csv, DeviceImportOptions options)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var file = register.File("devices.csv", csv);
        ImportResult result;
        await using (var db = await register.OpenAsync())
        {
            var import = new DeviceImport(db, new FakeTimeProvider(Cli.Start), "tester", Knowledge)
            {
                KnownKeys = options.KnownKeys ?? new KeyFilter(),
                HeldBackLimit = options.HeldBackLimit,
            };
            await using var input = File.OpenRead(file);
            result = await import.RunAsync(input, file, dryRun: false, CancellationToken.None);
        }
        await using var check = await register.OpenAsync();
        var devices = await check.Devices.AsNoTracking()
            .Select(d => new
            {
                d.AssetId,
                d.Serial,
                d.MacAddress,
                d.BrandAsSold,
                System = check.Systems.Where(s => s.Id == d.SystemId).Select(s => s.Name).FirstOrDefault(),
                Site = check.Sites.Where(s => s.Id == d.SiteId).Select(s => s.Name).FirstOrDefault(),
                Identity = check.Identities.Where(i => i.DeviceId == d.Id).Select(i => new { i.Platform, i.Flags, i.WhiteLabel }).FirstOrDefault(),
            })
            .ToListAsync();
        var audit = await Sightline.Data.Audit.AuditLog.VerifyAsync(check, CancellationToken.None);
        return new Loaded(result,
            devices.Select(d => $"{d.AssetId} {d.Serial} {d.MacAddress} {d.BrandAsSold} {d.System} {d.Site} " +
                $"{d.Identity?.Platform} {d.Identity?.Flags} {d.Identity?.WhiteLabel}").Order(StringComparer.Ordinal).ToList(),
            await ImportDevicesTests.SchemaObjectsAsync(register), audit.Broken, audit.Count);
    }
}
