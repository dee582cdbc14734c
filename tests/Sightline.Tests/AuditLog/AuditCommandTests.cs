using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sightline.Audit;

namespace Sightline.Tests.AuditLog;

public sealed class AuditCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Verify_IntactLog_Passes(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();

        var verify = await Cli.RunAsync(register, "audit", "verify").Ok();
        var list = await Cli.RunAsync(register, "audit", "--entity", "device:1").Ok();

        Assert.Contains("audit log intact: 8 entries", verify.Output);
        Assert.Contains("create", list.Output);
        Assert.Contains("device:1", list.Output);
        Assert.DoesNotContain("device:2", list.Output);
    }

    [Theory]
    [MemberData(nameof(AuditFilterCases.Both), MemberType = typeof(AuditFilterCases))]
    public async Task List_EachFilter_GivesItsEntries(string provider, string filter, string expected)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var sequences = await AuditFilterCases.WriteAsync(register);
        var options = AuditFilterCases.Pairs(filter, sequences).SelectMany(p => new[] { p.Name == "actor" ? "--by" : $"--{p.Name}", p.Value });

        var list = await Cli.RunAsync(register, ["audit", .. options, "--last", "1000"]).Ok();

        Assert.Equal(expected, AuditFilterCases.Found(list.Output));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task List_DateThatIsNotADate_SaysWhich(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();

        var list = await Cli.RunAsync(register, "audit", "--to", "3/1/2027");

        Assert.Equal(2, list.ExitCode);
        Assert.Contains("--to: '3/1/2027' is not a date; write it as YYYY-MM-DD", list.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Verify_RegisterFromBeforeCheckpoints_UpgradesAndStillVerifies(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        // Back to the schema before checkpoints, then entries stored as that build stored them: the time bound by the
        // ADO.NET provider itself (Microsoft.Data.Sqlite's text, or timestamptz), hashed by the same chain.
        await using (var db = await register.OpenAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[^2]);
            var head = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            DateTimeOffset[] times = [new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero).AddTicks(1234560)];
            foreach (var time in times)
            {
                var entry = AuditChain.Next(head.Sequence + 1, head.Hash, time, "old build", "update", "device", "7", null, "{}");
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO audit_entries (sequence, time, actor, action, entity_type, entity_id, before, after, previous_hash, hash) " +
                    "VALUES (@sequence, @time, @actor, @action, @type, @id, NULL, @after, @previous, @hash)";
                foreach (var (name, value) in new (string, object)[] { ("sequence", entry.Sequence), ("time", entry.Time), ("actor", entry.Actor),
                    ("action", entry.Action), ("type", entry.EntityType), ("id", entry.EntityId), ("after", entry.After!), ("previous", entry.PreviousHash), ("hash", entry.Hash) })
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value;
                    insert.Parameters.Add(parameter);
                }
                await insert.ExecuteNonQueryAsync();
                head = entry;
            }
        }

        var upgrade = await Cli.RunAsync(register, "init").Ok();
        var verify = await Cli.RunAsync(register, "audit", "verify").Ok();
        var list = await Cli.RunAsync(register, "audit", "--from", "2026-11-30", "--to", "2026-11-30").Ok();

        Assert.Contains("Upgraded the register", upgrade.Output);
        Assert.Contains("audit log intact: 4 entries", verify.Output);
        Assert.Equal(2, list.Output.Split('\n').Count(line => line.Contains("old build", StringComparison.Ordinal)));
    }

    private const string Edit = "UPDATE audit_entries SET after = replace(after, 'Hikvision', 'Axis') WHERE sequence = 4";
    private const string Remove = "DELETE FROM audit_entries WHERE sequence = 5";
    private const string Reorder =
        "UPDATE audit_entries SET sequence = -5 WHERE sequence = 5; UPDATE audit_entries SET sequence = 5 WHERE sequence = 6; " +
        "UPDATE audit_entries SET sequence = 6 WHERE sequence = -5";

    public static TheoryData<string, string, string> Tampering => new()
    {
        { Registers.Sqlite, Edit, "BROKEN at entry 4: entry 4 was edited" },
        { Registers.Postgres, Edit, "BROKEN at entry 4: entry 4 was edited" },
        { Registers.Sqlite, Remove, "BROKEN at entry 6: entry 5 is missing" },
        { Registers.Postgres, Remove, "BROKEN at entry 6: entry 5 is missing" },
        { Registers.Sqlite, Reorder, "BROKEN at entry 5: entry 5 does not follow entry 4" },
        { Registers.Postgres, Reorder, "BROKEN at entry 5: entry 5 does not follow entry 4" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Verify_TamperedLog_NamesTheEntry(string provider, string sql, string expected)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();
        await using (var db = await register.OpenAsync())
        {
            foreach (var statement in sql.Split("; "))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        var verify = await Cli.RunAsync(register, "audit", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(expected, verify.Error);
    }
}
