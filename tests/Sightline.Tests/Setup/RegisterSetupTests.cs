using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Setup;

public sealed class RegisterSetupTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Init_NewThenAgain_CreatesOnceThenReportsUpToDate(string provider)
    {
        await using var register = await Registers.NewAsync(provider);

        var first = await Cli.RunAsync(register, "init", "--org", "Northmoor").Ok();
        var second = await Cli.RunAsync(register, "init").Ok();

        Assert.Contains("Created a register for Northmoor", first.Output);
        Assert.Contains("is up to date", second.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal("Northmoor", (await db.Organisations.SingleAsync()).Name);
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(("init", "tester", Cli.Start), (entry.Action, entry.Actor, entry.Time));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Commands_OnRegisterFromNewerSightline_RefuseClearly(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await using (var db = await register.OpenAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')");
        }

        var list = await Cli.RunAsync(register, "devices", "list");
        var init = await Cli.RunAsync(register, "init");

        Assert.Equal(2, list.ExitCode);
        Assert.Contains("has a newer schema (29990101000000_FromTheFuture) than this version of Sightline knows", list.Error);
        Assert.Equal(2, init.ExitCode);
        Assert.DoesNotContain("   at ", list.Error + init.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Commands_OnUninitialisedRegister_SayToRunInit(string provider)
    {
        await using var register = await Registers.NewAsync(provider);

        var run = await Cli.RunAsync(register, "devices", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(provider == Registers.Sqlite ? "there is no register at" : "is not a Sightline register", run.Error);
        Assert.Contains("sightline init", run.Error);
    }

    [Fact]
    public async Task Import_IntoReadOnlyRegister_FailsClearlyAndListStillWorks()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        var path = register.Options[1];
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var import = await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices));
        var list = await Cli.RunAsync(register, "devices", "list");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("is read-only", import.Error);
        Assert.Equal(0, list.ExitCode);
    }

    [Fact]
    public async Task Import_WhileAnotherProcessHoldsTheLock_FailsClearlyAfterWaiting()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        await using var holder = new SqliteConnection($"Data Source={register.Options[1]};Pooling=False");
        await holder.OpenAsync();
        await using var exclusive = holder.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        await exclusive.ExecuteNonQueryAsync();

        var run = await Cli.RunAsync([.. new[] { "import", "devices", register.File("a.csv", Samples.ThreeDevices) }, .. register.Options],
            register.Folder, new Dictionary<string, string> { ["SIGHTLINE_LOCK_TIMEOUT"] = "1" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is locked by another process (waited 1 s)", run.Error);
    }

    [Fact]
    public async Task Commands_OnAFileThatIsNotARegister_SaySo()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await File.WriteAllTextAsync(register.Options[1], "this is a spreadsheet, honest");

        var run = await Cli.RunAsync(register, "devices", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a Sightline register", run.Error);
    }

    [Fact]
    public async Task RegisterChoice_ComesFromEnvironmentThenConfigFile()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        var fromEnvironment = Path.Combine(register.Folder, "env.db");
        var fromConfig = Path.Combine(register.Folder, "config.db");
        await File.WriteAllTextAsync(Path.Combine(register.Folder, "sightline.json"), """{ "db": "config.db" }""");

        await Cli.RunAsync(["init"], register.Folder, new Dictionary<string, string> { ["SIGHTLINE_DB"] = fromEnvironment }).Ok();
        await Cli.RunAsync(["init"], register.Folder, new Dictionary<string, string>()).Ok();

        Assert.True(File.Exists(fromEnvironment));
        Assert.True(File.Exists(fromConfig));
    }
}
