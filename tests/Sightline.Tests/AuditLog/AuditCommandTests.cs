using Microsoft.EntityFrameworkCore;

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
