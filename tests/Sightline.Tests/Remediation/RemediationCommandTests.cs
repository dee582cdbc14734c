using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Data.Remediation;
using Sightline.Knowledge;

namespace Sightline.Tests.Remediation;

/// <summary>
/// The remediation plan on the command line, on SQLite and PostgreSQL: groups expanding to their flagged devices, the
/// fields of `list --json`, accept needing a justification, the UK sensitive-site blocker and its exception, overdue
/// lines and progress, refusals naming the field, and the audit entries.
/// </summary>
public sealed class RemediationCommandTests
{
    private const string Systems =
        "name,type,purposes,lawful_basis,public_space,sensitive_site,retention_days,controller\n" +
        "Town Centre CCTV,cctv,prevention and detection of crime,UK GDPR Art. 6(1)(e),yes,no,31,Northmoor Council\n" +
        "Civic Offices CCTV,cctv,security of premises,UK GDPR Art. 6(1)(e),no,yes,31,Northmoor Council\n";

    // GOV-1 (Hikvision) is at a sensitive site; AX-1 (Axis) is flagged in no dimension; CAM-L is a Dahua platform sold as Lorex.
    private const string More =
        "CAM-L,Town Centre CCTV,Bus Station,,,,camera,Lorex,E841CA,V2.800.00LR004.0.R,LO1,,3C:EF:8C:00:00:11,2024-02-01,Acme Security,,active,,CS-1\n" +
        "GOV-1,Civic Offices CCTV,Civic Offices,,,,camera,Hikvision,DS-2CD2143G2-I,V5.7.3,HK900,10.0.1.11,44:19:B6:00:00:09,2022-05-01,Acme Security,,active,,CS-3\n" +
        "AX-1,Civic Offices CCTV,Civic Offices,,,,camera,Axis,P3245-LVE,10.12.1,AX100,10.0.1.12,AC:CC:8E:00:00:10,2023-01-01,Acme Security,,active,,CS-3\n";

    internal static async Task<TestRegister> EstateAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init", "--org", "Northmoor Council").Ok();
        await Cli.RunAsync(register, "import", "systems", register.File("systems.csv", Systems)).Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Samples.ThreeDevices + More)).Ok();
        return register;
    }

    internal static Task<CliRun> At(TestRegister register, string day, params string[] args) =>
        Cli.RunAsync([.. args, .. register.Options], register.Folder, new Dictionary<string, string>(),
            new FakeTimeProvider(DateTimeOffset.Parse(day + "T12:00:00Z", CultureInfo.InvariantCulture)));

    private static async Task<Dictionary<string, JsonElement>> PlanAsync(TestRegister register, string day = "2026-12-01") =>
        JsonDocument.Parse((await At(register, day, "remediation", "list", "--json")).Ok().Output).RootElement.EnumerateArray()
            .ToDictionary(e => e.GetProperty("device").GetString()!, e => e.Clone());

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AGroup_ExpandsToItsFlaggedDevices_AndListJson_HasOneObjectPerPlannedDevice(string provider)
    {
        await using var register = await EstateAsync(provider);

        var site = await At(register, "2026-12-01", "remediation", "add", "--site", "Market Square", "--disposition", "replace-at-end-of-life",
            "--owner", "CCTV manager", "--target", "2027-03-31", "--cost", "£1,250.50").Ok();
        // GOV-1 is flagged, AX-1 is not: the system brings one device.
        var system = await At(register, "2026-12-01", "remediation", "add", "--system", "Civic Offices CCTV", "--disposition", "remove-now",
            "--owner", "Estates", "--target", "2027-01-15", "--cost", "900").Ok();
        var again = await At(register, "2026-12-01", "remediation", "add", "--model", "DS-2CD2143G2-I", "--disposition", "isolate",
            "--owner", "IT", "--target", "2027-01-01").Ok();

        Assert.Equal("2 devices added to the plan.\n", site.Output);
        Assert.Equal("1 device added to the plan.\n", system.Output);
        Assert.Equal("0 devices added to the plan; 2 already in it, left as they were.\n", again.Output);
        var plan = await PlanAsync(register);
        Assert.Equal(["CAM-001", "CAM-002", "GOV-1"], plan.Keys.Order(StringComparer.Ordinal));
        var cam = plan["CAM-002"];
        Assert.Equal("replace-at-end-of-life", cam.GetProperty("disposition").GetString());
        Assert.Equal("2027-03-31", cam.GetProperty("targetDate").GetString());
        Assert.Equal(1250.50m, cam.GetProperty("cost").GetDecimal());
        Assert.Equal("planned", cam.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, cam.GetProperty("blocker").ValueKind);
        Assert.Equal("site: Market Square", cam.GetProperty("group").GetString());
        Assert.Equal("open", plan["GOV-1"].GetProperty("blocker").GetString());
        Assert.Equal(900m, plan["GOV-1"].GetProperty("cost").GetDecimal());

        await using var db = await register.OpenAsync();
        var ids = await db.Devices.Where(d => d.AssetId == "CAM-001" || d.AssetId == "CAM-002" || d.AssetId == "GOV-1").Select(d => d.Id.ToString()).ToListAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == RemediationAudit.Entity).ToListAsync();
        Assert.Equal(ids.Order(), entries.Select(e => e.EntityId).Order());
        Assert.All(entries, e => Assert.Equal(RemediationAudit.Plan, e.Action));
        Assert.Equal(2, entries.Count(e => e.After!.Contains("\"cost\":\"1250.50\"", StringComparison.Ordinal)
            && e.After.Contains("\"group\":\"site: Market Square\"", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Accept_NeedsAJustification_AndBadValues_AreRefusedNamingTheField(string provider)
    {
        await using var register = await EstateAsync(provider);

        foreach (var (args, message) in new (string[], string)[]
        {
            (["--device", "CAM-001", "--disposition", "accept", "--owner", "SRO"], "justification: accepting a flagged device needs a justification"),
            (["--device", "CAM-001", "--disposition", "burn", "--owner", "SRO"], "disposition: 'burn' is not one of remove-now, isolate, replace-at-end-of-life, accept"),
            (["--device", "CAM-001", "--disposition", "isolate", "--owner", "IT"], "target: isolate needs a target date (YYYY-MM-DD)"),
            (["--device", "CAM-001", "--disposition", "isolate", "--target", "2027-01-01"], "owner: say who is responsible for this line"),
            (["--device", "CAM-001", "--disposition", "isolate", "--owner", "IT", "--target", "31/01/2027"], "target: '31/01/2027' is not a date written YYYY-MM-DD"),
            (["--device", "CAM-001", "--disposition", "isolate", "--owner", "IT", "--target", "2027-01-01", "--cost", "lots"], "cost: 'lots' is not an amount in pounds"),
            (["--device", "CAM-001", "--disposition", "isolate", "--owner", "IT", "--target", "2027-01-01", "--cost", "-5"], "cost: '-5' is not an amount in pounds"),
            (["--device", "CAM-001", "--disposition", "isolate", "--owner", "IT", "--target", "2027-01-01", "--status", "finished"], "status: 'finished' is not one of planned, in-progress, done"),
            (["--device", "NOPE", "--disposition", "isolate", "--owner", "IT", "--target", "2027-01-01"], "there is no device with ID or asset id 'NOPE'"),
            (["--site", "Atlantis", "--disposition", "isolate", "--owner", "IT", "--target", "2027-01-01"], "there is no site named 'Atlantis'"),
            (["--model", "P3245-LVE", "--disposition", "isolate", "--owner", "IT", "--target", "2027-01-01"], "model 'P3245-LVE' has no flagged device in service"),
            (["--site", "Market Square", "--device", "CAM-001", "--disposition", "isolate"], "name exactly one of --device, --site, --system or --model"),
        })
        {
            var run = await At(register, "2026-12-01", ["remediation", "add", .. args]);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(message, run.Error, StringComparison.Ordinal);
        }

        await At(register, "2026-12-01", "remediation", "add", "--device", "CAM-001", "--disposition", "accept", "--owner", "SRO",
            "--justification", "Internal view only; replaced in the 2028 programme").Ok();
        var clear = await At(register, "2026-12-01", "remediation", "set", "CAM-001", "--justification", "");
        Assert.Equal(2, clear.ExitCode);
        Assert.Contains("justification: accepting a flagged device needs a justification", clear.Error, StringComparison.Ordinal);
        var twice = await At(register, "2026-12-01", "remediation", "add", "--device", "CAM-001", "--disposition", "isolate", "--owner", "IT", "--target", "2027-01-01");
        Assert.Contains("device CAM-001 is already in the plan", twice.Error, StringComparison.Ordinal);

        var plan = await PlanAsync(register);
        Assert.Equal("accept", Assert.Single(plan).Value.GetProperty("disposition").GetString());
        Assert.Equal(JsonValueKind.Null, plan["CAM-001"].GetProperty("targetDate").ValueKind);
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.RemediationItems.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == RemediationAudit.Entity));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SensitiveSite_Blocker_AcceptIsRefused_UntilAnExceptionIsRecorded(string provider)
    {
        await using var register = await EstateAsync(provider);

        // The P9 finding and the blocker read the same rule: the compliance command names GOV-1's system.
        var compliance = (await At(register, "2026-12-01", "compliance", "--system", "Civic Offices CCTV")).Ok().Output;
        Assert.Contains("1 device at a sensitive site made by a company subject to the PRC National Intelligence Law", compliance, StringComparison.Ordinal);

        var refused = await At(register, "2026-12-01", "remediation", "add", "--device", "GOV-1", "--disposition", "accept", "--owner", "SRO",
            "--justification", "Covers the car park only");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("accept cannot clear the UK sensitive-site rule", refused.Error, StringComparison.Ordinal);

        await At(register, "2026-12-01", "remediation", "add", "--device", "GOV-1", "--disposition", "replace-at-end-of-life", "--owner", "Estates",
            "--target", "2027-06-30").Ok();
        Assert.Equal("open", (await PlanAsync(register))["GOV-1"].GetProperty("blocker").GetString());
        var stillRefused = await At(register, "2026-12-01", "remediation", "set", "GOV-1", "--disposition", "accept", "--justification", "Car park only");
        Assert.Contains("without a recorded exception", stillRefused.Error, StringComparison.Ordinal);
        var half = await At(register, "2026-12-01", "remediation", "exception", "GOV-1", "--by", "", "--reason", "x");
        Assert.Contains("exception: an exception needs who granted it (exception-by) and why (exception-reason)", half.Error, StringComparison.Ordinal);
        var future = await At(register, "2026-12-01", "remediation", "exception", "GOV-1", "--by", "Permanent Secretary", "--reason", "x", "--date", "2026-12-25");
        Assert.Contains("exception-date: 2026-12-25 is after today (2026-12-01)", future.Error, StringComparison.Ordinal);

        await At(register, "2026-12-01", "remediation", "exception", "GOV-1", "--by", "Permanent Secretary", "--reason", "Camera faces the public car park; off core network",
            "--date", "2026-11-30").Ok();
        await At(register, "2026-12-01", "remediation", "set", "GOV-1", "--disposition", "accept", "--justification", "Car park only").Ok();

        var line = (await PlanAsync(register))["GOV-1"];
        Assert.Equal("excepted", line.GetProperty("blocker").GetString());
        Assert.Equal("accept", line.GetProperty("disposition").GetString());
        Assert.Equal("Permanent Secretary", line.GetProperty("exception").GetProperty("by").GetString());
        Assert.Equal("2026-11-30", line.GetProperty("exception").GetProperty("date").GetString());
        await using var db = await register.OpenAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == RemediationAudit.Entity).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        Assert.Equal([RemediationAudit.Plan, RemediationAudit.Exception, RemediationAudit.Update], actions);
        var exception = await db.AuditEntries.Where(a => a.Action == RemediationAudit.Exception).SingleAsync();
        Assert.Contains("\"exception-by\":\"Permanent Secretary\"", exception.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Overdue_IsAPassedTargetNotDone_AndProgressCountsDueAndDoneByMonth(string provider)
    {
        await using var register = await EstateAsync(provider);
        await At(register, "2026-12-01", "remediation", "add", "--device", "CAM-001", "--disposition", "remove-now", "--owner", "Estates", "--target", "2026-12-20").Ok();
        await At(register, "2026-12-01", "remediation", "add", "--device", "GOV-1", "--disposition", "remove-now", "--owner", "Estates", "--target", "2027-01-31").Ok();

        Assert.False((await PlanAsync(register, "2026-12-20"))["CAM-001"].GetProperty("overdue").GetBoolean());
        Assert.True((await PlanAsync(register, "2026-12-21"))["CAM-001"].GetProperty("overdue").GetBoolean());
        var overdue = (await At(register, "2026-12-21", "remediation", "list", "--overdue")).Ok().Output;
        Assert.Contains("CAM-001", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("GOV-1", overdue, StringComparison.Ordinal);
        Assert.Contains("1 device planned, estimated £0.00; 1 overdue, 0 with an open sensitive-site blocker.", overdue, StringComparison.Ordinal);

        await At(register, "2026-12-22", "remediation", "set", "CAM-001", "--status", "in-progress").Ok();
        Assert.True((await PlanAsync(register, "2026-12-23"))["CAM-001"].GetProperty("overdue").GetBoolean());
        await At(register, "2027-01-05", "remediation", "set", "CAM-001", "--status", "done").Ok();
        await At(register, "2027-01-10", "remediation", "set", "GOV-1", "--status", "done").Ok();
        var plan = await PlanAsync(register, "2027-02-01");
        Assert.False(plan["CAM-001"].GetProperty("overdue").GetBoolean());
        Assert.Equal("resolved", plan["GOV-1"].GetProperty("blocker").GetString());

        var knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));
        await using var db = await register.OpenAsync();
        var lines = await RemediationPlan.ListAsync(db, knowledge, new DateOnly(2027, 2, 1), default);
        Assert.Equal([new(new DateOnly(2026, 12, 31), 1, 0), new(new DateOnly(2027, 1, 31), 2, 2), new ProgressPoint(new DateOnly(2027, 2, 28), 2, 2)],
            RemediationPlan.Progress(lines, new DateOnly(2027, 2, 1)));
    }
}
