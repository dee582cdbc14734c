using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Publishing;

/// <summary>`sightline publish`: rules per system and device, their refusals in one line each, the site's settings, all audited.</summary>
public sealed class PublishCommandTests
{
    private const string Devices =
        "asset_id,system,latitude,longitude,kind,brand\n" +
        "CAM-1,Town Centre,53.381234,-1.470123,camera,Axis\n" +
        "CAM-2,Town Centre,53.382345,-1.471234,camera,Axis\n";

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Set_RefusesBadInputClearly_AndShowListsWhatWasDecided(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Devices)).Ok();

        var refusals = new List<CliRun>
        {
            await Cli.RunAsync(register, "publish", "set", "--system", "Town Centre", "--location", "street"),
            await Cli.RunAsync(register, "publish", "set", "--system", "Town Centre", "--location", "postcode", "--basis", "FOIA s.31", "--review", "2027-06-01"),
            await Cli.RunAsync(register, "publish", "set", "--system", "Town Centre", "--withhold", "serial", "--basis", "FOIA s.31", "--review", "2027-06-01"),
            await Cli.RunAsync(register, "publish", "set", "--system", "Town Centre", "--location", "area", "--basis", "FOIA s.31", "--review", "1/6/2027"),
            await Cli.RunAsync(register, "publish", "set", "--device", "CAM-1", "--withhold", "purposes", "--basis", "FOIA s.24", "--review", "2027-06-01"),
            await Cli.RunAsync(register, "publish", "set", "--device", "CAM-9", "--location", "area"),
            await Cli.RunAsync(register, "publish", "set", "--system", "Nowhere", "--location", "area"),
            await Cli.RunAsync(register, "publish", "set", "--system", "Town Centre", "--device", "CAM-1", "--location", "area"),
            await Cli.RunAsync(register, "publish", "set", "--system", "Town Centre"),
            await Cli.RunAsync(register, "publish", "site", "--licence-url", "ftp://example.org/licence"),
        };
        await Cli.RunAsync(register, "publish", "set", "--system", "Town Centre", "--location", "street", "--withhold", "makers,dpia",
            "--basis", "FOIA s.31(1)(a)", "--review", "2027-06-01").Ok();
        await Cli.RunAsync(register, "publish", "set", "--device", "CAM-2", "--location", "hidden", "--basis", "FOIA s.24", "--review", "2026-11-01").Ok();
        await Cli.RunAsync(register, "publish", "site", "--enable", "--licence", "CC BY 4.0", "--licence-url", "https://creativecommons.org/licenses/by/4.0/").Ok();
        var show = await Cli.RunAsync(register, "publish", "show");

        Assert.All(refusals, r => Assert.Equal(2, r.ExitCode));
        Assert.Equal(
        [
            "error: withholding or generalising needs the exemption relied on and a review date, e.g. --basis \"FOIA s.31(1)(a)\" --review 2027-06-01",
            "error: --location: 'postcode' is not one of exact, street, area, hidden",
            "error: 'serial' is not a field that can be withheld; the fields are purposes, lawful-basis, controller, retention, makers, compliance, self-assessment, dpia, maker, brand, capabilities, direction, device",
            "error: --review: '1/6/2027' is not a date written YYYY-MM-DD",
            "error: 'purposes' is a system's field; a device's rule may withhold maker, brand, capabilities, direction, device",
            "error: there is no device 'CAM-9' in the register (give its asset id, or #ID)",
            "error: there is no system 'Nowhere' in the register",
            "error: name one system (--system NAME|ID) or one device (--device ASSET|#ID)",
            "error: say what to change, e.g. --location street --basis \"FOIA s.31(1)(a)\" --review 2027-06-01; see sightline publish set --help",
            "error: 'ftp://example.org/licence' is not an http(s) address for the licence",
        ], refusals.Select(r => r.Error.Trim()));
        Assert.Equal(
            "Public site: on (/public)\n" +
            "Licence:     CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>\n\n" +
            "system Town Centre: location street; withheld makers, dpia; basis FOIA s.31(1)(a); review 2027-06-01\n" +
            "device CAM-2: location hidden; withheld nothing; basis FOIA s.24; review 2026-11-01 (overdue)\n",
            show.Ok().Output.ReplaceLineEndings("\n"));
        await using var db = await register.OpenAsync();
        Assert.Equal(["set publication system:1", "set publication device:2", "set public-site 1"],
            await db.AuditEntries.Where(a => a.EntityType == "publication" || a.EntityType == "public-site").OrderBy(a => a.Sequence)
                .Select(a => a.Action + " " + a.EntityType + " " + a.EntityId).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task PublishAgain_AndClear_UndoWithholding_OnTheRecord(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Devices)).Ok();
        await Cli.RunAsync(register, "publish", "set", "--device", "CAM-1", "--withhold", "brand", "--withhold", "direction", "--basis", "FOIA s.43", "--review", "2027-01-01").Ok();

        var again = await Cli.RunAsync(register, "publish", "set", "--device", "#1", "--publish", "brand");
        var nothing = await Cli.RunAsync(register, "publish", "set", "--device", "CAM-1", "--publish", "brand");
        var clear = await Cli.RunAsync(register, "publish", "clear", "--device", "CAM-1");
        var clearAgain = await Cli.RunAsync(register, "publish", "clear", "--device", "CAM-1");

        Assert.Equal("What is published of CAM-1 is changed, on the record.\n", again.Ok().Output.ReplaceLineEndings("\n"));
        Assert.Equal("Nothing was changed.\n", nothing.Ok().Output.ReplaceLineEndings("\n"));
        Assert.Equal("CAM-1 has no publication rule now, on the record.\n", clear.Ok().Output.ReplaceLineEndings("\n"));
        Assert.Equal("CAM-1 had no publication rule.\n", clearAgain.Ok().Output.ReplaceLineEndings("\n"));
        await using var db = await register.OpenAsync();
        Assert.Empty(await db.PublicationRules.ToListAsync());
        var entries = await db.AuditEntries.Where(a => a.EntityType == "publication").OrderBy(a => a.Sequence).Select(a => new { a.Action, a.After }).ToListAsync();
        Assert.Equal(["set", "set", "clear"], entries.Select(e => e.Action));
        Assert.Contains("\"withheld\":\"direction\"", entries[1].After, StringComparison.Ordinal);
    }
}
