using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Data.Scanning;
using Sightline.Identification;
using Sightline.Knowledge;

namespace Sightline.Tests.Compliance;

public sealed class DpiaTriggerTests
{
    private const string Header = Samples.Header;

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Triggers_ForANewSystemAndItsDevices_AreShownUntilTheDpiaIsSignedOff(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Samples.ThreeDevices)).Ok();

        var before = await Cli.RunAsync(register, "dpia", "list").Ok();
        await Cli.RunAsync(register, "dpia", "edit", "Town Centre CCTV", "--regime", "uk-gdpr", "--risks", "Footage shared without an agreement; possible; significant").Ok();
        var draft = await Cli.RunAsync(register, "dpia", "list").Ok();
        var signed = await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre CCTV", "--by", "Jo Smith, SRO").Ok();
        var after = await Cli.RunAsync(register, "dpia", "show", "Town Centre CCTV").Ok();

        Assert.Matches(@"1\s+Town Centre CCTV\s+none\s+new system: it needs a DPIA; 3 devices added\n", before.Output);
        Assert.Matches(@"1\s+Town Centre CCTV\s+draft\s+new system: it needs a DPIA; 3 devices added\n", draft.Output);
        Assert.Equal("DPIA of system 'Town Centre CCTV' signed off by Jo Smith, SRO; next review by 2027-11-29.\n", signed.Output);
        Assert.Contains("Review triggers: none open\n", after.Output);
        Assert.Contains("Locations (from the register):\n  Control Room: 1 device\n  Market Square: 2 devices\n", after.Output);
        Assert.Contains("Risks:                         Footage shared without an agreement; possible; significant\n", after.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Triggers_DevicesAddedMovedRemoved_AndAFaceRecognitionCapability_AfterSignOff(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Samples.ThreeDevices)).Ok();
        await Cli.RunAsync(register, "dpia", "edit", "Town Centre CCTV", "--regime", "uk-gdpr").Ok();
        await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre CCTV", "--by", "Jo Smith").Ok();

        // CAM-001 gains face recognition, CAM-002 is moved, NVR-001 is decommissioned, CAM-003 is new; the others stay.
        await Cli.RunAsync(register, "import", "devices", register.File("changed.csv", Header + "\n" +
            "CAM-001,Town Centre CCTV,Market Square,53.381,-1.470,90,camera,Hikvision,DS-2CD2143G2-I,V5.7.3,HK123,10.0.0.11,44:19:B6:00:00:01,2021-03-04,Acme Security,ptz;audio;face-recognition,active,\"corner of Market St, facing north\",CS-1\n" +
            "CAM-002,Town Centre CCTV,Market Square,53.390,-1.480,,camera,LTS,CMIP7442W-28M,V5.5.3,LT456,10.0.0.12,44:19:B6:00:00:02,2020-01-02,Acme Security,,active,,CS-1\n" +
            "NVR-001,Town Centre CCTV,Control Room,,,,nvr,Dahua,NVR4208-8P-4KS2,V4.001,DH789,10.0.0.2,3C:EF:8C:00:00:03,2019-12-31,Acme Security,,decommissioned,,CS-2\n" +
            "CAM-003,Town Centre CCTV,Market Square,53.383,-1.472,,camera,Axis,P3245-V,10.12.1,AX1,10.0.0.13,00:40:8C:00:00:04,2026-11-01,Acme Security,analytics,active,,CS-1\n")).Ok();
        var show = await Cli.RunAsync(register, "dpia", "show", "Town Centre CCTV").Ok();
        var again = await Cli.RunAsync(register, "dpia", "show", "1").Ok();

        Assert.Contains("Review triggers (open until the DPIA is signed off again):\n" +
            "  2026-11-29  capability: face-recognition on 1 device\n" +
            "  2026-11-29  devices-moved: 1 device moved\n" +
            "  2026-11-29  devices-removed: 1 device removed\n" +
            "  2026-11-29  devices-added: 1 device added\n" +
            "  2026-11-29  capability: analytics on 1 device\n", show.Output);
        Assert.Equal(show.Output, again.Output); // read once: reading again raises nothing more
        await using var db = await register.OpenAsync();
        Assert.Equal(5, await db.DpiaTriggers.CountAsync(t => t.Cleared == null));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Triggers_DevicesAScanPutsInTheSystem_AreAdded_AndAnUnknownSystemIsRefusedBeforeScanning(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Samples.ThreeDevices)).Ok();
        await Cli.RunAsync(register, "dpia", "edit", "Town Centre CCTV", "--regime", "uk-gdpr").Ok();
        await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre CCTV", "--by", "Jo Smith").Ok();
        var knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));
        var identifier = new Identifier(knowledge);
        ScannedHost Host(string address, string brand, string model)
        {
            var observations = Identifier.FromRegister(brand, model, null, null, null);
            return new ScannedHost(IPAddress.Parse(address), null, [80], observations, [], identifier.Identify(observations));
        }

        // What `sightline scan RANGE --system "Town Centre CCTV"` writes: two cameras found on the system's network.
        await using (var db = await register.OpenAsync())
        {
            var system = await db.Systems.SingleAsync(s => s.Name == "Town Centre CCTV");
            await ScanRecord.WriteAsync(db, knowledge, [Host("127.0.0.21", "Axis", "P3265-LVE"), Host("127.0.0.22", "Hikvision", "DS-2CD2143G2-I")],
                _ => true, "127.0.0.0/24", complete: false, Cli.Start, TimeProvider.System, "test", CancellationToken.None, system: system);
        }
        var show = await Cli.RunAsync(register, "dpia", "show", "Town Centre CCTV").Ok();
        var unknown = await Cli.RunAsync(register, "scan", "127.0.0.1/32", "--system", "Nowhere CCTV");

        Assert.Contains("Review triggers (open until the DPIA is signed off again):\n", show.Output);
        Assert.Contains("devices-added: 2 devices added\n", show.Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("error: --system: no system named 'Nowhere CCTV' in the register (`sightline systems list` names them)\n", unknown.Error);
        await using var check = await register.OpenAsync();
        var town = await check.Systems.SingleAsync(s => s.Name == "Town Centre CCTV");
        Assert.Equal(2, await check.Devices.CountAsync(d => d.IpAddress!.StartsWith("127.0.0.2") && d.SystemId == town.Id));
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.Action == "scan" && a.After!.Contains("127.0.0.1/32")));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Triggers_DevicesMovedBetweenSystems_CountAsRemovedFromOneAndAddedToTheOther(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Car Parks", "--type", "anpr").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Samples.ThreeDevices)).Ok();
        foreach (var system in new[] { "Car Parks", "Town Centre CCTV" })
        {
            await Cli.RunAsync(register, "dpia", "edit", system, "--regime", "uk-gdpr").Ok();
            await Cli.RunAsync(register, "dpia", "sign-off", system, "--by", "Jo Smith").Ok();
        }

        await Cli.RunAsync(register, "import", "devices", register.File("moved.csv", Samples.ThreeDevices.Replace(
            "CAM-002,Town Centre CCTV,", "CAM-002,Car Parks,", StringComparison.Ordinal))).Ok();
        var list = await Cli.RunAsync(register, "dpia", "list").Ok();

        Assert.Matches(@"1\s+Car Parks\s+current\s+2027-11-29\s+1 device added\n", list.Output);
        Assert.Matches(@"2\s+Town Centre CCTV\s+current\s+2027-11-29\s+1 device removed\n", list.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Triggers_AYearAfterSignOff_TheReviewIsDue(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();
        await Cli.RunAsync(register, "dpia", "edit", "Town Centre", "--why-needed", "public monitoring").Ok();
        await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre", "--by", "Jo Smith").Ok();

        var dayBefore = await RunAtAsync(register, Cli.Start.AddYears(1).AddDays(-1), "dpia", "list");
        var yearOn = await RunAtAsync(register, Cli.Start.AddYears(1), "dpia", "list");
        var later = await RunAtAsync(register, Cli.Start.AddYears(1).AddDays(40), "dpia", "list");

        Assert.Matches(@"1\s+Town Centre\s+current\s+2027-11-29\n", dayBefore.Output);
        Assert.Matches(@"1\s+Town Centre\s+current\s+2027-11-29\s+a year has passed: review due 2027-11-29\n", yearOn.Output);
        Assert.Equal(yearOn.Output, later.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SignOff_IsRefusedWithAHighResidualRiskAndNoIcoConsultation_AndWithoutADraft(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();

        var noDraft = await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre", "--by", "Jo Smith");
        var badRisk = await Cli.RunAsync(register, "dpia", "edit", "Town Centre", "--risks", "Intrusion; likely; severe");
        await Cli.RunAsync(register, "dpia", "edit", "Town Centre", "--residual-risk", "high").Ok();
        var high = await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre", "--by", "Jo Smith");
        await Cli.RunAsync(register, "dpia", "edit", "Town Centre", "--ico-prior-consultation", "yes").Ok();
        await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre", "--by", "Jo Smith").Ok();

        Assert.Equal("error: system 1 has no draft DPIA to sign off; edit one first\n", noDraft.Error);
        Assert.Equal("error: Risks: line 1: likelihood 'likely' is not one of remote, possible, probable\n", badRisk.Error);
        Assert.Equal("error: the residual risk is high: the ICO must be consulted before processing (set ico-prior-consultation to yes)\n", high.Error);
        await using var db = await register.OpenAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "dpia").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        Assert.Equal(["create", "update", "sign-off"], actions);
    }

    private static Task<CliRun> RunAtAsync(TestRegister register, DateTimeOffset time, params string[] args) =>
        Cli.RunAsync([.. args, .. register.Options, "--actor", "tester"], register.Folder, new Dictionary<string, string>(), new FakeTimeProvider(time));
}
