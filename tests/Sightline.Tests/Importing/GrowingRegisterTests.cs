using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Data;
using Sightline.Data.Import;
using Sightline.Knowledge;

namespace Sightline.Tests.Importing;

/// <summary>
/// Issue 12: an import into a register that holds only a few devices. PostgreSQL plans each identity's foreign-key
/// check once per connection; planned while the devices table was a page or two, the check read the whole table for
/// every identity, and an import of 50,000 rows ran into the command timeout. Here the file's first rows name new
/// places (each one writes the batch gathered so far, so the first batches are tiny, as in the issue), and the import
/// must store every row, with PostgreSQL reading the devices table by index rather than by whole-table scans.
/// </summary>
public sealed class GrowingRegisterTests
{
    private const int Rows = 5_000;

    private static readonly KnowledgeBase Knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task LargeImport_IntoRegisterOfAFewDevices_StoresEveryRowWithoutScanningDevicesPerRow(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("few.csv", Csv(1, 3))).Ok();
        var file = register.File("many.csv", Csv(4, Rows));

        ImportResult result;
        long scanned;
        await using (var db = await register.OpenAsync())
        {
            // One connection throughout, so that the server's counters can be read from the session that imported.
            await db.Database.OpenConnectionAsync();
            var before = await DevicesReadByScansAsync(db);
            await using (var input = File.OpenRead(file))
            {
                result = await new DeviceImport(db, new FakeTimeProvider(Cli.Start), "tester", Knowledge)
                    .RunAsync(input, file, dryRun: false, CancellationToken.None);
            }
            scanned = await DevicesReadByScansAsync(db) - before;
        }

        Assert.Equal((Rows - 3, 0, 0, true), (result.Created, result.Updated, result.ProblemCount, result.Committed));
        await using var check = await register.OpenAsync();
        var stored = await check.Devices.AsNoTracking()
            .Select(d => new
            {
                d.AssetId,
                d.Serial,
                d.MacAddress,
                Site = check.Sites.Where(s => s.Id == d.SiteId).Select(s => s.Name).FirstOrDefault(),
                Identified = check.Identities.Any(i => i.DeviceId == d.Id),
            })
            .ToListAsync();
        var expected = Enumerable.Range(1, Rows).Select(i => $"A{i} S{i} {Mac(i)} {Site(i)} identified");
        Assert.Equal(expected.Order(StringComparer.Ordinal),
            stored.Select(d => $"{d.AssetId} {d.Serial} {d.MacAddress} {d.Site} {(d.Identified ? "identified" : "not identified")}").Order(StringComparer.Ordinal));
        if (register.IsPostgres)
        {
            // Planned on the one-page table for the whole import, the checks read about Rows² / 2 = 12,500,000 rows; since
            // the fix, only the first 1,000 or so checks scan, while the table is small.
            Assert.InRange(scanned, 0, 2_000_000);
        }
    }

    // Rows of devices read by sequential scans of the devices table, as PostgreSQL counts them for the whole database
    // (the test's database is its own). pg_stat_force_next_flush makes this session publish its counts before the next
    // statement, so the figure includes everything this connection did.
    private static async Task<long> DevicesReadByScansAsync(RegisterDb db)
    {
        if (!db.IsPostgres)
        {
            return 0;
        }
        await db.Database.ExecuteSqlRawAsync("SELECT pg_stat_force_next_flush()");
        return await db.Database.SqlQueryRaw<long>(
            "SELECT coalesce(seq_tup_read, 0) AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'devices'").SingleAsync();
    }

    private static string Csv(int first, int last)
    {
        var csv = new StringBuilder("asset_id,system,site,kind,brand,serial,mac\n");
        for (var i = first; i <= last; i++)
        {
            csv.Append($"A{i},Town Centre CCTV,{Site(i)},camera,{(i % 3 == 0 ? "Dahua" : "Hikvision")},S{i},{Mac(i)}\n");
        }
        return csv.ToString();
    }

    // 250 sites, each first named within the file's first 250 rows.
    private static string Site(int i) => $"Site {i % 250}";

    private static string Mac(int i) => $"C0:56:E3:00:{i / 256:X2}:{i % 256:X2}";
}
