using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Devices;

public sealed class DeviceIdentificationTests
{
    // A camera sold as Lorex carrying a Dahua network card and Dahua firmware; an Axis camera; a Hikvision camera on a
    // parking system (outside the purposes US bans are limited to) and one on a sensitive site.
    private const string Estate =
        Samples.Header + "\n" +
        "CAM-1,Town Centre CCTV,Market Square,,,,camera,Lorex,E841CA,V2.800.00LR004.0.R,LO1,,3C:EF:8C:00:00:01,,,,active,,\n" +
        "CAM-2,Town Centre CCTV,Market Square,,,,camera,Axis,P3265-LVE,10.12.153,AX2,,AC:CC:8E:00:00:02,,,,active,,\n" +
        "CAM-3,Car Park ANPR,Station Road,,,,camera,Hikvision,DS-2CD2143G2-I,V5.7.3 build 220112,HK3,,BC:AD:28:00:00:03,,,,active,,\n" +
        "CAM-4,Civic Buildings,Town Hall,,,,camera,Hikvision,DS-2CD2143G2-I,V5.7.3 build 220112,HK4,,BC:AD:28:00:00:04,,,,active,,\n";

    private const string Systems =
        "name,type,purposes,sensitive_site\n" +
        "Town Centre CCTV,cctv,prevention and detection of crime;public safety,no\n" +
        "Car Park ANPR,anpr,parking enforcement,no\n" +
        "Civic Buildings,cctv,security of premises,yes\n";

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_IdentifiesDevices_AndListsFilterByVerdictNotLabel(string provider)
    {
        await using var register = await ImportedAsync(provider);

        var dahua = await Cli.RunAsync(register, "devices", "list", "--maker", "Dahua").Ok();
        var whiteLabels = await Cli.RunAsync(register, "devices", "list", "--white-label").Ok();
        var byLabel = await Cli.RunAsync(register, "devices", "list", "--brand", "Dahua").Ok();
        var unknownMaker = await Cli.RunAsync(register, "devices", "list", "--maker", "Nobody Ltd");

        Assert.Contains("CAM-1", dahua.Output);
        Assert.DoesNotContain("CAM-2", dahua.Output);
        Assert.Contains("CAM-1", whiteLabels.Output);
        Assert.DoesNotContain("CAM-2", whiteLabels.Output);
        Assert.Contains("0 devices.", byLabel.Output);
        Assert.Equal(2, unknownMaker.ExitCode);
        await using var db = await register.OpenAsync();
        Assert.Equal(4, await db.Identities.CountAsync());
        Assert.Equal("axis", (await db.Identities.SingleAsync(i => i.DeviceId == 2)).Platform);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Flagged_DependsOnTheSystemsUse(string provider)
    {
        await using var register = await ImportedAsync(provider);

        var security = await Cli.RunAsync(register, "devices", "list", "--flagged", "security").Ok();
        var humanRights = await Cli.RunAsync(register, "devices", "list", "--flagged", "human-rights").Ok();
        var parking = await Cli.RunAsync(register, "devices", "show", "CAM-3").Ok();
        var badDimension = await Cli.RunAsync(register, "devices", "list", "--flagged", "vibes");

        Assert.Contains("CAM-4", security.Output);
        Assert.DoesNotContain("CAM-2", security.Output);
        Assert.Contains("CAM-3", humanRights.Output);
        Assert.Contains("CAM-4", humanRights.Output);
        Assert.DoesNotContain("CAM-2", humanRights.Output);
        Assert.Matches(@"\[does not apply\] NDAA[^\n]*\n +why: covers [^\n]* only when used for", parking.Output);
        Assert.Equal(2, badDimension.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Show_ExplainsTheVerdictAndEachRiskWithItsSource(string provider)
    {
        await using var register = await ImportedAsync(provider);

        var show = await Cli.RunAsync(register, "devices", "show", "CAM-4").Ok();

        Assert.Contains("Identification", show.Output);
        Assert.Matches(@"platform maker +Hikvision \(", show.Output);
        Assert.Matches(@"platform +hikvision +0\.60 +oui:BCAD28", show.Output);
        Assert.Contains("human rights and ethics:", show.Output);
        Assert.Contains("security and trust:", show.Output);
        Assert.Contains("cyber hygiene:", show.Output);
        Assert.Matches(@"(?i)\[APPLIES\][^\n]*\n +why: [^\n]*sensitive site", show.Output);
        Assert.Matches(@"source: https?://", show.Output);
        Assert.Contains("never added up", show.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Override_IsOnTheRecord_ChangesTheVerdict_AndCanBeWithdrawn(string provider)
    {
        await using var register = await ImportedAsync(provider);

        var noReason = await Cli.RunAsync(register, "devices", "override", "CAM-2", "--maker", "hikvision", "--reason", " ");
        var unknown = await Cli.RunAsync(register, "devices", "override", "CAM-2", "--maker", "Nobody Ltd", "--reason", "x");
        await Cli.RunAsync(register, "devices", "override", "CAM-2", "--maker", "Hikvision", "--reason", "teardown found a Hikvision board").Ok();
        var hikvision = await Cli.RunAsync(register, "devices", "list", "--maker", "hikvision").Ok();
        var show = await Cli.RunAsync(register, "devices", "show", "CAM-2").Ok();
        await Cli.RunAsync(register, "identify", "--register").Ok();
        var afterReidentify = await Cli.RunAsync(register, "devices", "list", "--maker", "hikvision").Ok();
        await Cli.RunAsync(register, "devices", "override", "CAM-2", "--clear", "--reason", "board was a spare").Ok();
        var axis = await Cli.RunAsync(register, "devices", "list", "--maker", "axis").Ok();
        var audit = await Cli.RunAsync(register, "audit", "--entity", "device:2").Ok();
        await Cli.RunAsync(register, "audit", "verify").Ok();

        Assert.Equal(2, noReason.ExitCode);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("CAM-2", hikvision.Output);
        Assert.Contains("set by a", hikvision.Output);
        Assert.Contains("platform set by a person: teardown found a Hikvision board", show.Output);
        Assert.Contains("CAM-2", afterReidentify.Output);
        Assert.Contains("CAM-2", axis.Output);
        Assert.Contains("override", audit.Output);
        Assert.Contains("override-withdrawn", audit.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task IdentifyRegister_AppliesAKnowledgeUpdate_WithOneAuditEntry(string provider)
    {
        await using var register = await ImportedAsync(provider);
        var knowledge = Repository.CopyOfKnowledge();
        try
        {
            // A knowledge update: Axis's block now (wrongly, for the test) registered to Hikvision.
            var oui = Path.Combine(knowledge, "oui.csv");
            File.WriteAllText(oui, File.ReadAllText(oui).Replace("ACCC8E,MA-L,Axis Communications AB,axis,", "ACCC8E,MA-L,Axis Communications AB,hikvision,", StringComparison.Ordinal));

            var same = await Cli.RunAsync(register, "identify", "--register").Ok();
            var updated = await Cli.RunAsync(register, "identify", "--register", "--knowledge", knowledge).Ok();

            Assert.Contains("Identified 4 devices", same.Output);
            Assert.Contains("0 changed platform maker", same.Output);
            Assert.Contains("1 changed platform maker", updated.Output);
            await using var db = await register.OpenAsync();
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "identify"));
        }
        finally
        {
            Directory.Delete(knowledge, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task WhiteLabel_NeverForTheMakersOwnTradingAndFormerNames(string provider)
    {
        await using var register = await ImportedAsync(provider);
        // Hanwha Vision's cameras sold as "Hanwha" (its trading name) and as "Samsung" (Samsung Techwin, its former name),
        // each with the maker's MAC block and model numbers: certain enough that a foreign label would be a white label.
        await Cli.RunAsync(register, "import", "devices", register.File("hanwha.csv", Samples.Header + "\n" +
            "HAN-1,Town Centre CCTV,Market Square,,,,camera,Hanwha,XNV-6080R,,,,E4:30:22:00:00:05,,,,active,,\n" +
            "SAM-1,Town Centre CCTV,Market Square,,,,camera,Samsung,SNB-6004,,,,00:09:18:00:00:06,,,,active,,\n")).Ok();

        var whiteLabels = await Cli.RunAsync(register, "devices", "list", "--white-label").Ok();
        var hanwha = await Cli.RunAsync(register, "devices", "show", "HAN-1").Ok();
        var samsung = await Cli.RunAsync(register, "devices", "show", "SAM-1").Ok();
        var verify = await Cli.RunAsync(register, "kb", "verify").Ok();

        Assert.Contains("CAM-1", whiteLabels.Output);
        Assert.DoesNotContain("HAN-1", whiteLabels.Output);
        Assert.DoesNotContain("SAM-1", whiteLabels.Output);
        Assert.Matches(@"platform maker +Hanwha Vision \((confirmed|probable)", hanwha.Output);
        Assert.Matches(@"platform maker +Hanwha Vision \((confirmed|probable)", samsung.Output);
        Assert.DoesNotContain("white label     suspected", hanwha.Output);
        Assert.DoesNotContain("white label     suspected", samsung.Output);
        Assert.Equal(0, verify.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Override_ConfirmingThePlatform_EveryViewGivesTheSameWhiteLabelVerdict(string provider)
    {
        await using var register = await ImportedAsync(provider);

        // CAM-1 is sold as Lorex on Dahua's platform; a person confirms Dahua made it: still a white label, everywhere.
        await Cli.RunAsync(register, "devices", "override", "CAM-1", "--maker", "Dahua", "--reason", "board inspected").Ok();
        var show = await Cli.RunAsync(register, "devices", "show", "CAM-1").Ok();
        var whiteLabels = await Cli.RunAsync(register, "devices", "list", "--white-label").Ok();
        await Cli.RunAsync(register, "identify", "--register").Ok();
        var afterReidentify = await Cli.RunAsync(register, "devices", "list", "--white-label").Ok();
        // Deciding on another maker than the evidence explains the label: no view says white label any more.
        await Cli.RunAsync(register, "devices", "override", "CAM-1", "--maker", "Lorex", "--reason", "Lorex's own design").Ok();
        var showLorex = await Cli.RunAsync(register, "devices", "show", "CAM-1").Ok();
        var whiteLabelsLorex = await Cli.RunAsync(register, "devices", "list", "--white-label").Ok();

        Assert.Contains("white label     suspected: sold as Lorex", show.Output);
        Assert.Contains("CAM-1", whiteLabels.Output);
        Assert.Contains("CAM-1", afterReidentify.Output);
        Assert.DoesNotContain("white label     suspected", showLorex.Output);
        Assert.DoesNotContain("CAM-1", whiteLabelsLorex.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task List_MakerUnknown_ListsTheDevicesNoEvidenceIdentified(string provider)
    {
        await using var register = await ImportedAsync(provider);
        await Cli.RunAsync(register, "import", "devices", register.File("odd.csv", Samples.Header + "\n" +
            "ODD-1,Town Centre CCTV,Market Square,,,,camera,Nobody Cameras,X-1,,,,,,,,active,,\n")).Ok();

        var unknown = await Cli.RunAsync(register, "devices", "list", "--maker", "unknown").Ok();

        Assert.Contains("ODD-1", unknown.Output);
        Assert.DoesNotContain("CAM-", unknown.Output);
        Assert.Contains("1 device.", unknown.Output);
    }

    private static async Task<TestRegister> ImportedAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "systems", register.File("systems.csv", Systems)).Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Estate)).Ok();
        return register;
    }
}
