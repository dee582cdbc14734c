using Microsoft.EntityFrameworkCore;
using Sightline.Register;

namespace Sightline.Tests.Compliance;

public sealed class SystemsCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Org_Set_ChangesTheProfile_RefusesABadStatus_AndIsAudited(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();

        var set = await Cli.RunAsync(register, "org", "set", "--sro", "Jo Smith", "--pofa-status", "relevant authority", "--contact-point", "cctv@northmoor.example").Ok();
        var bad = await Cli.RunAsync(register, "org", "set", "--pofa-status", "bound", "--dpo", "Sam");
        var show = await Cli.RunAsync(register, "org", "show").Ok();

        Assert.Equal("The organisation's profile is changed, on the record.\n", set.Output);
        Assert.Equal((2, "error: PoFA s.33 status: 'bound' is not one of neither, relevant-authority, voluntary-adopter\n"), (bad.ExitCode, bad.Error));
        Assert.Matches(@"PoFA s\.33 status:\s+relevant-authority\n", show.Output);
        Assert.Matches(@"Senior Responsible Officer:\s+Jo Smith\n", show.Output);
        Assert.Matches(@"Data Protection Officer:\s+\(none\)\n", show.Output); // the refused change left nothing behind
        await using var db = await register.OpenAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "organisation");
        Assert.Equal(("update", """{"pofa-status":"neither","sro":null,"contact-point":null}""", """{"pofa-status":"relevant-authority","sro":"Jo Smith","contact-point":"cctv@northmoor.example"}"""),
            (entry.Action, entry.Before, entry.After));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Systems_AddSetPurposeDatabase_EachGoOnTheAuditLogWithTheirEntityType(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();

        await Cli.RunAsync(register, "systems", "add", "Town Centre", "--type", "cctv", "--purposes", "crime prevention", "--public-space", "yes").Ok();
        var duplicate = await Cli.RunAsync(register, "systems", "add", "Town Centre");
        var badType = await Cli.RunAsync(register, "systems", "set", "Town Centre", "--type", "laser");
        await Cli.RunAsync(register, "systems", "set", "Town Centre", "--controller", "Northmoor Council", "--joint-controllers", "Northmoor Police",
            "--retention-days", "31", "--last-reviewed", "2026-10-01").Ok();
        await Cli.RunAsync(register, "systems", "purpose", "Town Centre", "crime prevention", "--pressing-need", "Violent crime up 20% in 2025",
            "--evidence", "Police figures 2025").Ok();
        await Cli.RunAsync(register, "systems", "purpose", "1", "public safety", "--retention-days", "14").Ok();
        await Cli.RunAsync(register, "systems", "database", "Town Centre", "PNC hot list", "--kind", "hot-list", "--review-due", "2027-03-01").Ok();
        await Cli.RunAsync(register, "systems", "purpose", "Town Centre", "crime prevention", "--remove").Ok();
        var show = await Cli.RunAsync(register, "systems", "show", "Town Centre").Ok();

        Assert.Equal("error: Name: there is already a system named 'Town Centre'\n", duplicate.Error);
        Assert.Equal("error: Type: 'laser' is not one of cctv, anpr, body-worn, drone, facial-recognition, analytics, other\n", badType.Error);
        Assert.Matches(@"Purposes:\s+public safety\n", show.Output);
        Assert.Matches(@"Joint controllers:\s+Northmoor Police\n", show.Output);
        Assert.Matches(@"  public safety\n    Pressing need: \(none\)\n    Evidence:      \(none\)\n    Retention:     14\n", show.Output);
        Assert.Matches(@"  PNC hot list\n    Kind:          hot-list\n    Last reviewed: \(none\)\n    Review due:    2027-03-01\n", show.Output);
        await using var db = await register.OpenAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType != "register").OrderBy(a => a.Sequence)
            .Select(a => a.Action + " " + a.EntityType).ToListAsync();
        Assert.Equal(["create system", "update system", "create purpose", "update system", "create purpose", "create reference-database",
            "update system", "delete purpose"], entries);
        Assert.Equal("public safety", (await db.SystemPurposes.SingleAsync()).Name);
        await Cli.RunAsync(register, "audit", "verify").Ok();
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ImportSystems_StillUpdatesASystemMadeByTheCli_KeepingTheFieldsTheFileLacks(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Car Parks", "--signage", "A3 signs at each entrance").Ok();

        await Cli.RunAsync(register, "import", "systems", register.File("systems.csv",
            "name,type,purposes,lawful_basis,public_space,sensitive_site,retention_days,controller\nCar Parks,anpr,parking enforcement,UK GDPR Art. 6(1)(e),yes,no,30,Northmoor Council\n")).Ok();

        await using var db = await register.OpenAsync();
        var system = await db.Systems.SingleAsync();
        Assert.Equal((SystemType.Anpr, "parking enforcement", 30, "A3 signs at each entrance"), (system.Type, system.Purposes, system.RetentionDays, system.Signage));
    }
}
