using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Importing;

public sealed class ImportDevicesTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_NewFile_CreatesDevicesSitesSystemsAndAuditEntries(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init", "--org", "Test Council").Ok();

        var run = await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Samples.ThreeDevices)).Ok();

        Assert.Contains("Created 3 devices, updated 0, 0 unchanged (3 rows).", run.Output);
        await using var db = await register.OpenAsync();
        var cam = await db.Devices.SingleAsync(d => d.AssetId == "CAM-001");
        Assert.Equal("Hikvision", cam.BrandAsSold);
        Assert.Equal("44:19:B6:00:00:01", cam.MacAddress);
        Assert.Equal(new DateOnly(2021, 3, 4), cam.InstalledOn);
        Assert.Equal(Register.Capabilities.Ptz | Register.Capabilities.Audio, cam.Capabilities);
        Assert.Equal("corner of Market St, facing north", cam.Notes);
        Assert.Equal("CS-1", cam.Attributes["cost_centre"]);
        Assert.Equal(2, await db.Sites.CountAsync());
        Assert.Equal(1, await db.Systems.CountAsync());
        var actions = await db.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Action + ":" + a.EntityType).ToListAsync();
        Assert.Equal(["init:register", "create:system", "create:site", "create:device", "create:device", "create:site", "create:device", "import:file"], actions);
        Assert.All(await db.AuditEntries.Where(a => a.Sequence > 1).ToListAsync(), a => Assert.Equal("tester", a.Actor));
    }

    // PostgreSQL only: SQLite plans without sampled statistics, so there is nothing to refresh.
    [Fact]
    public async Task Import_OfManyDevices_OnPostgres_LeavesThePlannerStatisticsOfWhatItWrote()
    {
        await using var register = await Registers.NewAsync(Registers.Postgres);
        await Cli.RunAsync(register, "init").Ok();
        var rows = Enumerable.Range(1, Data.Import.DeviceImport.AnalyzeAfter).Select(i => $"BULK-{i},Town Centre CCTV,Market Square,,,,camera,Dahua,IPC-HFW2431S,,,,,,,,active,,");
        var small = register.File("small.csv", Samples.ThreeDevices);
        var large = register.File("large.csv", Samples.Header + "\n" + string.Join("\n", rows) + "\n");

        await Cli.RunAsync(register, "import", "devices", small).Ok();
        var afterSmall = await AnalysedAsync();
        await Cli.RunAsync(register, "import", "devices", large).Ok();
        var afterLarge = await AnalysedAsync();

        Assert.Equal(0, afterSmall);
        Assert.Equal(2, afterLarge);

        // Tables of the register that PostgreSQL has statistics for, among devices and identities.
        async Task<int> AnalysedAsync()
        {
            await using var db = await register.OpenAsync();
            return await db.Database.SqlQueryRaw<int>(
                "SELECT count(DISTINCT tablename)::int AS \"Value\" FROM pg_stats WHERE schemaname = current_schema() AND tablename IN ('devices', 'identities')").SingleAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_SameFileTwice_ChangesNothing(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var file = register.File("devices.csv", Samples.ThreeDevices);
        await Cli.RunAsync(register, "import", "devices", file).Ok();
        await using var before = await register.OpenAsync();
        var entries = await before.AuditEntries.CountAsync();

        var run = await Cli.RunAsync(register, "import", "devices", file).Ok();

        Assert.Contains("Created 0 devices, updated 0, 3 unchanged (3 rows).", run.Output);
        await using var after = await register.OpenAsync();
        Assert.Equal(entries, await after.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_ChangedRows_UpdateMatchedByAssetIdThenSerialThenMac(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();
        var changes = """
            asset_id,serial,mac,firmware,notes
            CAM-001,,,V5.8.0,
            ,LT456,,V5.6.0,found by serial
            ,,3c-ef-8c-00-00-03,V4.002,found by MAC
            """;

        var run = await Cli.RunAsync(register, "import", "devices", register.File("b.csv", changes)).Ok();

        Assert.Contains("Created 0 devices, updated 3", run.Output);
        await using var db = await register.OpenAsync();
        var devices = await db.Devices.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(3, devices.Count);
        Assert.Equal(["V5.8.0", "V5.6.0", "V4.002"], devices.Select(d => d.Firmware));
        // Columns the file lacks keep their values; columns it has replace them, blanks included.
        Assert.Equal("Hikvision", devices[0].BrandAsSold);
        Assert.Null(devices[0].Notes);
        Assert.Equal("found by MAC", devices[2].Notes);
        var update = await db.AuditEntries.Where(a => a.Action == "update" && a.EntityId == devices[0].Id.ToString()).SingleAsync();
        Assert.Equal("""{"firmware":"V5.7.3","notes":"corner of Market St, facing north"}""", update.Before);
        Assert.Equal("""{"firmware":"V5.8.0","notes":null}""", update.After);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_DryRun_ReportsChangesAndWritesNothing(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();

        var run = await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices), "--dry-run").Ok();

        Assert.Contains("Dry run, nothing written: would create 3 devices", run.Output);
        Assert.Contains("line 2: create CAM-001", run.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal(0, await db.Devices.CountAsync());
        Assert.Equal(0, await db.Sites.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_MalformedFile_ListsEveryProblemOfEveryRowWithItsColumnAndWritesNothing(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        // Line 8 repeats the asset id of line 3 (which has a problem of its own) and gives a latitude without a longitude,
        // besides two bad cells: each is reported.
        var bad = """
            asset_id,latitude,longitude,kind,ip,mac,installed_on,serial
            A1,53.1,-1.2,camera,10.0.0.1,00:11:22:33:44:55,2020-01-01,S1
            A2,95,-1.2,camera,10.0.0.2,,2020-01-01,S2
            A3,53.1,-1.2,toaster,10.0.0.300,00:11:22:33:44,2023-02-30,S3
            A1,53.1,-1.2,camera,,,,S4
            A5,53.1,-1.2,camera,10.1,,,"S5"x
            A6,53.1,,camera,,,,S6
            A2,91,,camera,,zz,,S8
            """;
        var file = register.File("bad.csv", bad);

        var run = await Cli.RunAsync(register, "import", "devices", file);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"{file}:3: latitude: latitude 95 is outside -90 to 90",
            $"{file}:4: kind: unknown kind 'toaster'; use one of camera, nvr, dvr, encoder, other",
            $"{file}:4: ip: '10.0.0.300' is not an IPv4 (a.b.c.d) or IPv6 address",
            $"{file}:4: mac: '00:11:22:33:44' is not a MAC address (six hex pairs such as 00:11:22:AA:BB:CC)",
            $"{file}:4: installed_on: '2023-02-30' is not a real date in the form YYYY-MM-DD (or DD/MM/YYYY)",
            $"{file}:5: asset_id: asset id 'A1' is already used on line 2",
            $"{file}:6:32: text after a closing quote; double a quote inside a quoted cell",
            $"{file}:7: longitude: longitude is missing; give both latitude and longitude, or neither",
            $"{file}:8: asset_id: asset id 'A2' is already used on line 3",
            $"{file}:8: latitude: latitude 91 is outside -90 to 90",
            $"{file}:8: longitude: longitude is missing; give both latitude and longitude, or neither",
            $"{file}:8: mac: 'zz' is not a MAC address (six hex pairs such as 00:11:22:AA:BB:CC)",
            $"{file}: 12 problems; nothing was imported.",
        ], lines);
        await using var db = await register.OpenAsync();
        Assert.Equal(0, await db.Devices.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_SemicolonDelimitedFile_SaysSo(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var file = register.File("semi.csv", "asset_id;kind;brand\nA1;camera;Axis\n");

        var run = await Cli.RunAsync(register, "import", "devices", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:1:1: the header is one column and looks semicolon-delimited", run.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_FormulaCells_AreStoredAsTextAndNeutralisedOnExport(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var file = register.File("f.csv", "asset_id,kind,brand,notes,extra\nA1,camera,\"=HYPERLINK(\"\"http://x\"\")\",@SUM(A1),+1\n");

        await Cli.RunAsync(register, "import", "devices", file).Ok();
        var export = await Cli.RunAsync(register, "export", "devices").Ok();

        await using var db = await register.OpenAsync();
        var device = await db.Devices.SingleAsync();
        Assert.Equal("=HYPERLINK(\"http://x\")", device.BrandAsSold);
        Assert.Equal("@SUM(A1)", device.Notes);
        Assert.Contains("A1,,,,,,camera,\"'=HYPERLINK(\"\"http://x\"\")\",", export.Output);
        Assert.Contains(",'@SUM(A1),", export.Output); // notes, then the verdict's columns
        Assert.Contains(",'+1\n", export.Output); // the attribute column comes last
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_TwoRowsForOneNewDevice_IsAProblem(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var file = register.File("twice.csv", "asset_id,serial,kind\nA1,S-1,camera\nA2,S-1,camera\n");

        var run = await Cli.RunAsync(register, "import", "devices", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:3:1: row matches device 1 (asset A1), which an earlier row of this file created", run.Error);
        await using var db = await register.OpenAsync();
        Assert.Equal(0, await db.Devices.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_FirstLoad_RebuildsEveryIndexAndForeignKey(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var before = await SchemaObjectsAsync(register);
        await Cli.RunAsync(register, "import", "devices", register.File("bad.csv", "asset_id,kind\nA1,toaster\n"));
        var afterFailure = await SchemaObjectsAsync(register);

        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();

        Assert.Contains("ix_audit_entries_entity_type_entity_id", before);
        Assert.Contains(register.IsPostgres ? "ix_devices_site_id_id" : "ix_devices_site_id", before);
        Assert.Equal(before, afterFailure);
        Assert.Equal(before, await SchemaObjectsAsync(register));
    }

    // Index names, and on PostgreSQL foreign-key constraint names, of the register's tables.
    internal static async Task<List<string>> SchemaObjectsAsync(TestRegister register)
    {
        await using var db = await register.OpenAsync();
        var sql = register.IsPostgres
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = 'public' UNION ALL " +
              "SELECT conname FROM pg_constraint WHERE contype = 'f'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index'";
        return (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    }
}
