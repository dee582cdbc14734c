using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data.Scanning;
using Sightline.Register;

namespace Sightline.Tests.Compliance;

public sealed partial class ComplianceCommandTests
{
    // Town Centre: a Dahua-made camera sold as Lorex (US bans apply to public safety), an Axis one and a missing Axis one.
    // Car Park: a Hikvision camera whose firmware has a known-exploited vulnerability, and an ANPR camera.
    // Civic Buildings: a Hikvision camera on a sensitive site.
    private const string Estate =
        Samples.Header + "\n" +
        "CAM-1,Town Centre CCTV,Market Square,,,,camera,Lorex,E841CA,V2.800.00LR004.0.R,LO1,,3C:EF:8C:00:00:01,,,,active,,\n" +
        "CAM-2,Town Centre CCTV,Market Square,,,,camera,Axis,P3265-LVE,10.12.153,AX2,,AC:CC:8E:00:00:02,,,,active,,\n" +
        "CAM-3,Car Park ANPR,Station Road,,,,camera,Hikvision,DS-2CD2032F-I,V5.3.0 build 150513,HK3,,BC:AD:28:00:00:03,,,,active,,\n" +
        "CAM-4,Civic Buildings,Town Hall,,,,camera,Hikvision,DS-2CD2143G2-I,V5.7.3 build 220112,HK4,,BC:AD:28:00:00:04,,,,active,,\n" +
        "CAM-5,Town Centre CCTV,High Street,,,,camera,Axis,P3265-LVE,10.12.153,AX5,,AC:CC:8E:00:00:05,,,,missing,,\n" +
        "CAM-6,Car Park ANPR,Station Road,,,,camera,Axis,P1455-LE-3,10.12.153,AX6,,AC:CC:8E:00:00:06,,,anpr,active,,\n";

    private const string Systems =
        "name,type,purposes,lawful_basis,public_space,sensitive_site,retention_days,controller\n" +
        "Town Centre CCTV,cctv,prevention and detection of crime;public safety,UK GDPR Art. 6(1)(e),yes,no,31,Northmoor Council\n" +
        "Car Park ANPR,anpr,parking enforcement,,yes,no,90,\n" +
        "Civic Buildings,cctv,security of premises,,no,yes,,\n";

    private static readonly string[] StatusWords = ["met", "attention", "not-evidenced"];

    private static readonly DateOnly Today = DateOnly.FromDateTime(Cli.Start.UtcDateTime);

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Json_SecurityDevicesOfEachSystem_AreExactlyThoseTheDeviceListFlags(string provider)
    {
        await using var register = await EstateAsync(provider);

        var json = await Cli.RunAsync(register, "compliance", "--json").Ok();

        var rows = Rows(json.Output);
        var flaggedSomewhere = false;
        foreach (var system in new[] { "Town Centre CCTV", "Car Park ANPR", "Civic Buildings" })
        {
            var listed = await Cli.RunAsync(register, "devices", "list", "--system", system, "--flagged", "security").Ok();
            var expected = ListedIds(listed.Output);
            var security = Finding(rows, system, 9, "flagged for security and trust");
            var found = security.GetProperty("devices").EnumerateArray().Select(d => d.GetInt32()).ToList();
            Assert.Equal(expected, found);
            Assert.Equal(expected.Count, security.GetProperty("count").GetInt64());
            flaggedSomewhere |= expected.Count > 0;
        }
        Assert.True(flaggedSomewhere, "the estate must flag some device for security, or the comparison proves nothing");
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Json_OneObjectPerSystemAndPrinciple_WithStatusFindingsAndAssessment(string provider)
    {
        await using var register = await EstateAsync(provider);

        var rows = Rows((await Cli.RunAsync(register, "compliance", "--json").Ok()).Output);

        Assert.Equal(3 * 12, rows.Count);
        Assert.Equal(Enumerable.Range(1, 12), rows.Where(r => r.GetProperty("system").GetString() == "Civic Buildings").Select(r => r.GetProperty("principle").GetInt32()));
        Assert.All(rows, r => Assert.Contains(r.GetProperty("status").GetString(), StatusWords));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("assessment").ValueKind));
        // Once a self-assessment covers a system, each of its principles names it (the newest), the others still none.
        await Cli.RunAsync(register, "assess", "start", "--system", "Car Park ANPR").Ok();
        var assessed = Rows((await Cli.RunAsync(register, "compliance", "--json").Ok()).Output);
        Assert.All(assessed.Where(r => r.GetProperty("system").GetString() == "Car Park ANPR"), r =>
            Assert.Equal("1 draft False", $"{r.GetProperty("assessment").GetProperty("id").GetInt32()} {r.GetProperty("assessment").GetProperty("state").GetString()} {r.GetProperty("assessment").GetProperty("stale").GetBoolean()}"));
        Assert.All(assessed.Where(r => r.GetProperty("system").GetString() != "Car Park ANPR"), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("assessment").ValueKind));
        Assert.All(rows.SelectMany(r => r.GetProperty("findings").EnumerateArray()), f =>
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("text").GetString()));
            Assert.StartsWith("Code of Practice principle ", f.GetProperty("source").GetString());
            Assert.Equal(JsonValueKind.Array, f.GetProperty("devices").ValueKind);
        });
        // The principles the register holds nothing about have no findings and are not evidenced.
        Assert.All(rows.Where(r => r.GetProperty("principle").GetInt32() is 5 or 7 or 8 or 11), r =>
        {
            Assert.Equal("not-evidenced", r.GetProperty("status").GetString());
            Assert.Empty(r.GetProperty("findings").EnumerateArray());
        });
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Findings_NothingRecorded_AreNotEvidenced_AndRecordedGovernance_IsMet(string provider)
    {
        await using var register = await EstateAsync(provider);
        var before = Rows((await Cli.RunAsync(register, "compliance", "--json").Ok()).Output);
        await using (var db = await register.OpenAsync())
        {
            var organisation = await db.Organisations.FirstAsync();
            organisation.ContactPoint = "cctv@northmoor.example";
            organisation.SeniorResponsibleOfficer = "A. Officer";
            var town = await db.Systems.SingleAsync(s => s.Name == "Town Centre CCTV");
            town.Signage = "A3 signs at every entrance to the square";
            town.LastReviewed = Today.AddMonths(-3);
            db.SystemPurposes.AddRange(
                new SystemPurpose { SystemId = town.Id, Name = "prevention and detection of crime", PressingNeed = "Thefts", Evidence = "Police figures 2025", RetentionDays = 31 },
                new SystemPurpose { SystemId = town.Id, Name = "public safety", PressingNeed = "Night-time economy", Evidence = "Incident log", RetentionDays = 14 });
            db.Dpias.Add(new Dpia { SystemId = town.Id });
            await db.SaveChangesAsync();
        }
        // Signing off reads the audit log first, so the new system and its imported devices are what it reviewed.
        await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre CCTV", "--by", "DPO").Ok();

        await Cli.RunAsync(register, "audit", "verify").Ok();
        var after = Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Town Centre CCTV").Ok()).Output);

        foreach (var principle in new[] { 1, 2, 3, 4, 6 })
        {
            Assert.Equal("not-evidenced", Status(before, "Civic Buildings", principle));
            Assert.Equal("met", Status(after, "Town Centre CCTV", principle));
        }
        Assert.Equal("not-evidenced", Status(before, "Town Centre CCTV", 10));
        Assert.Equal(12, after.Count);
        Assert.Contains("Contact point for information and complaints: cctv@northmoor.example", Texts(after, "Town Centre CCTV", 3));
        Assert.Contains("Retention within the policy's 31 days: prevention and detection of crime 31 days; public safety 14 days", Texts(after, "Town Centre CCTV", 6));
        Assert.Contains("Last reviewed on 2026-08-29", Texts(after, "Town Centre CCTV", 10));
        Assert.StartsWith("The audit log's hash chain was verified in full on 2026-11-29 09:30 UTC", Texts(after, "Town Centre CCTV", 10)[1]);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Findings_OverdueDraftsTriggersAndLongRetention_NeedAttention(string provider)
    {
        await using var register = await EstateAsync(provider);
        await Cli.RunAsync(register, "dpia", "list").Ok();
        await using (var db = await register.OpenAsync())
        {
            await db.DpiaTriggers.ExecuteUpdateAsync(t => t.SetProperty(x => x.Cleared, Cli.Start));
            var park = await db.Systems.SingleAsync(s => s.Name == "Car Park ANPR");
            var civic = await db.Systems.SingleAsync(s => s.Name == "Civic Buildings");
            var town = await db.Systems.SingleAsync(s => s.Name == "Town Centre CCTV");
            park.LastReviewed = Today.AddYears(-1).AddDays(-1);
            db.Dpias.Add(new Dpia { SystemId = park.Id });
            db.Dpias.Add(new Dpia { SystemId = civic.Id, SignedOff = Cli.Start.AddYears(-2), SignedOffBy = "DPO", ReviewDue = Today.AddDays(-1) });
            db.Dpias.Add(new Dpia { SystemId = town.Id, SignedOff = Cli.Start.AddMonths(-2), SignedOffBy = "DPO", ReviewDue = Today.AddMonths(10) });
            db.DpiaTriggers.Add(new DpiaTrigger { SystemId = town.Id, Kind = "devices-added", Detail = "2 devices added by scan 2026-11-20", Raised = Cli.Start.AddDays(-9) });
            db.DpiaTriggers.Add(new DpiaTrigger { SystemId = park.Id, Kind = "new-system", Detail = "cleared long ago", Raised = Cli.Start.AddYears(-1), Cleared = Cli.Start.AddMonths(-6) });
            db.ReferenceDatabases.Add(new ReferenceDatabase { SystemId = park.Id, Name = "Permit holders", Kind = "hot list", LastReviewed = Today.AddYears(-1), ReviewDue = Today.AddDays(-3) });
            await db.SaveChangesAsync();
        }

        var rows = Rows((await Cli.RunAsync(register, "compliance", "--json").Ok()).Output);

        Assert.Contains("The system's DPIA is a draft: it has not been signed off", Texts(rows, "Car Park ANPR", 2));
        Assert.Contains("The DPIA's review was due on 2026-11-28", Texts(rows, "Civic Buildings", 2));
        Assert.Contains("1 DPIA review trigger open: 2 devices added by scan 2026-11-20", Texts(rows, "Town Centre CCTV", 2));
        Assert.StartsWith("1 DPIA review trigger open: a year has passed", Texts(rows, "Civic Buildings", 2)[1]); // raised by this read
        Assert.Single(Texts(rows, "Car Park ANPR", 2)); // a draft only: no trigger finding of its own
        Assert.Equal("attention", Status(rows, "Town Centre CCTV", 2));
        Assert.Contains("Kept longer than the policy's 31 days: parking enforcement (90 days); no justification is recorded", Texts(rows, "Car Park ANPR", 6));
        Assert.Equal("attention", Status(rows, "Car Park ANPR", 6));
        // A justification is quoted, but the period still needs a person's attention against the policy.
        await Cli.RunAsync(register, "systems", "set", "Car Park ANPR", "--retention-justification", "Appeals against penalty notices run 56 days").Ok();
        var justified = Rows((await Cli.RunAsync(register, "compliance", "--json").Ok()).Output);
        Assert.Contains("Kept longer than the policy's 31 days: parking enforcement (90 days); justified as: Appeals against penalty notices run 56 days",
            Texts(justified, "Car Park ANPR", 6));
        // A purpose with a period of its own is judged by it, and quoted with its own justification.
        await Cli.RunAsync(register, "systems", "set", "Car Park ANPR", "--purposes", "parking enforcement; permit checks").Ok();
        await Cli.RunAsync(register, "systems", "purpose", "Car Park ANPR", "permit checks", "--retention-days", "60",
            "--retention-justification", "Permit disputes are raised within 60 days").Ok();
        var ownPeriod = Rows((await Cli.RunAsync(register, "compliance", "--json").Ok()).Output);
        Assert.Contains("Kept longer than the policy's 31 days: parking enforcement (90 days, justified as: Appeals against penalty notices run 56 days); " +
            "permit checks (60 days, justified as: Permit disputes are raised within 60 days)", Texts(ownPeriod, "Car Park ANPR", 6));
        Assert.Equal("Last reviewed on 2025-11-28, more than a year ago", Texts(rows, "Car Park ANPR", 10)[0]);
        Assert.Contains("Permit holders (hot list): last reviewed 2025-11-29; review was due 2026-11-26", Texts(rows, "Car Park ANPR", 12));
        Assert.Equal("attention", Status(rows, "Car Park ANPR", 12));
        Assert.Contains("No ANPR or face recognition: the system matches against no reference database", Texts(rows, "Civic Buildings", 12));
        Assert.Equal("met", Status(rows, "Civic Buildings", 12));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Findings_RaiseTheDpiaTriggersSinceTheLastRead_WithoutADpiaPageRead(string provider)
    {
        await using var register = await EstateAsync(provider);
        // Nothing has read the audit log for triggers yet: the DPIA finding names what a first DPIA must cover.
        var first = Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Car Park ANPR").Ok()).Output);
        Assert.Equal(["No DPIA is recorded for the system (3 review triggers waiting: new system: it needs a DPIA; 2 devices added; anpr on 1 device)"],
            Texts(first, "Car Park ANPR", 2));
        Assert.Equal("not-evidenced", Status(first, "Car Park ANPR", 2));
        await using (var db = await register.OpenAsync())
        {
            db.Dpias.Add(new Dpia { SystemId = (await db.Systems.SingleAsync(s => s.Name == "Car Park ANPR")).Id });
            await db.SaveChangesAsync();
        }
        await Cli.RunAsync(register, "dpia", "sign-off", "Car Park ANPR", "--by", "DPO").Ok();
        Assert.Equal("met", Status(Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Car Park ANPR").Ok()).Output), "Car Park ANPR", 2));

        await Cli.RunAsync(register, "devices", "decommission", "CAM-6", "--reason", "replaced").Ok();

        // Only `compliance` has run since: it raised the trigger itself.
        var after = Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Car Park ANPR").Ok()).Output);
        Assert.Equal("attention", Status(after, "Car Park ANPR", 2));
        Assert.Contains("1 DPIA review trigger open: 1 device removed", Texts(after, "Car Park ANPR", 2));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SecurityFindings_ExploitedFirmwareSensitiveSiteMissingAndUnplacedHosts_NameTheirDevices(string provider)
    {
        await using var register = await EstateAsync(provider);
        await using (var db = await register.OpenAsync())
        {
            db.ScanFindings.Add(new ScanFinding
            {
                Scan = 1, Address = "10.9.9.9", OpenPorts = "80", Register = ScanFinding.NotRegistered, Observations = "[]", Notes = "[]",
            });
            await db.SaveChangesAsync();
        }
        var ids = await IdsAsync(register);

        var rows = Rows((await Cli.RunAsync(register, "compliance", "--json").Ok()).Output);

        var exploited = Finding(rows, "Car Park ANPR", 9, "known-exploited vulnerability");
        Assert.Contains("CVE-2017-7921", exploited.GetProperty("text").GetString());
        Assert.Equal([ids["CAM-3"]], Devices(exploited));
        // Axis firmware 10.12.153 has no known-exploited vulnerability in the knowledge.
        Assert.DoesNotContain(ids["CAM-2"], Devices(Finding(rows, "Town Centre CCTV", 9, "known-exploited vulnerability")));
        var sensitive = Finding(rows, "Civic Buildings", 9, "PRC National Intelligence Law");
        Assert.Equal("attention", sensitive.GetProperty("status").GetString());
        Assert.Equal([ids["CAM-4"]], Devices(sensitive));
        Assert.Equal("met", Finding(rows, "Car Park ANPR", 9, "sensitive site").GetProperty("status").GetString());
        var missing = Finding(rows, "Town Centre CCTV", 9, "missing");
        Assert.Equal([ids["CAM-5"]], Devices(missing));
        Assert.Equal(1, Finding(rows, "Civic Buildings", 9, "found by scans on no system").GetProperty("count").GetInt64());
        Assert.Equal("attention", Status(rows, "Civic Buildings", 9));
        Assert.Contains("1 device with ANPR or face recognition", Texts(rows, "Car Park ANPR", 12)[0]);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Text_ShowsTheGridAndEachFinding_AndAnUnknownSystemFails(string provider)
    {
        await using var register = await EstateAsync(provider);

        var text = await Cli.RunAsync(register, "compliance").Ok();
        var unknown = await Cli.RunAsync(register, "compliance", "--system", "Nowhere");

        Assert.Matches(@"Civic Buildings(\W+n/e){8}\W+attention(\W+n/e){2}\W+met", text.Output);
        Assert.Contains("P12", text.Output);
        Assert.Matches(@"Civic Buildings  P9  attention: 1 device at a sensitive site made by a company subject to the PRC National Intelligence Law[^\n]*\[devices \d+\]", text.Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("there is no system named 'Nowhere'", unknown.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Findings_AreOfferedToAnAssessment_AndAcceptedOrRejectedWithAReason(string provider)
    {
        await using var register = await EstateAsync(provider);
        await Cli.RunAsync(register, "assess", "start", "--system", "Civic Buildings").Ok();

        var offered = await Cli.RunAsync(register, "assess", "findings", "1").Ok();
        var keys = System.Text.RegularExpressions.Regex.Matches(offered.Output, @"^(\d+\.\d+)\s+\[to decide\]", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        var sensitive = System.Text.RegularExpressions.Regex.Match(offered.Output, @"^(9\.\d+)\s+\[to decide\] attention: Civic Buildings: 1 device at a sensitive site", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        var other = keys.First(k => k != sensitive);
        await Cli.RunAsync(register, "assess", "accept", "1", sensitive, "--reason", "replacement planned for 2027").Ok();
        await Cli.RunAsync(register, "assess", "reject", "1", other, "--reason", "out of date").Ok();
        var after = await Cli.RunAsync(register, "assess", "findings", "1").Ok();
        var unknown = await Cli.RunAsync(register, "assess", "accept", "1", "13.1", "--reason", "x");
        var noReason = await Cli.RunAsync(register, "assess", "reject", "1", other);
        var audit = await Cli.RunAsync(register, "audit", "--entity", "assessment:1").Ok();

        Assert.NotEmpty(sensitive);
        Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(sensitive)}\s+\[accepted\] attention: Civic Buildings: 1 device at a sensitive site", after.Output);
        Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(other)}\s+\[rejected\]", after.Output);
        Assert.Equal(keys.Count - 2, System.Text.RegularExpressions.Regex.Count(after.Output, @"\[to decide\]"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no finding '13.1' is offered to self-assessment 1", unknown.Error);
        Assert.NotEqual(0, noReason.ExitCode);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(audit.Output, "decide-finding"));
        Assert.Contains("\"decision\":\"accepted\",\"reason\":\"replacement planned for", audit.Output);
    }

    private static async Task<TestRegister> EstateAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "systems", register.File("systems.csv", Systems)).Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Estate)).Ok();
        return register;
    }

    private static async Task<Dictionary<string, int>> IdsAsync(TestRegister register)
    {
        await using var db = await register.OpenAsync();
        return await db.Devices.ToDictionaryAsync(d => d.AssetId!, d => d.Id);
    }

    private static List<JsonElement> Rows(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateArray()];

    private static JsonElement Row(List<JsonElement> rows, string system, int principle) =>
        rows.Single(r => r.GetProperty("system").GetString() == system && r.GetProperty("principle").GetInt32() == principle);

    private static string Status(List<JsonElement> rows, string system, int principle) => Row(rows, system, principle).GetProperty("status").GetString()!;

    private static List<string> Texts(List<JsonElement> rows, string system, int principle) =>
        [.. Row(rows, system, principle).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("text").GetString()!)];

    private static JsonElement Finding(List<JsonElement> rows, string system, int principle, string words) =>
        Row(rows, system, principle).GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("text").GetString()!.Contains(words, StringComparison.Ordinal));

    private static List<int> Devices(JsonElement finding) => [.. finding.GetProperty("devices").EnumerateArray().Select(d => d.GetInt32())];

    private static List<int> ListedIds(string table) =>
        [.. table.Split('\n').Select(line => IdCell().Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^\s*(\d+)\s+CAM-")]
    private static partial Regex IdCell();
}
