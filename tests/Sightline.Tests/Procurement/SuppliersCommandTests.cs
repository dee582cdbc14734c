using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Tests.Procurement;

/// <summary>Suppliers and due diligence on the command line: validation, devices supplied, and refusals and silences as findings.</summary>
public sealed class SuppliersCommandTests
{
    // CAM-001, CAM-002 and NVR-001 are installed by "Acme Security" (Samples.ThreeDevices).
    private static async Task<TestRegister> WithDevicesAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Samples.ThreeDevices)).Ok();
        await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Acme Security Ltd", "--trading-name", "Acme Security", "--company-number", "01234567",
            "--country", "GB", "--roles", "installer; maintainer", "--makers", "hikvision", "--brands", "hilook").Ok();
        return register;
    }

    private static Task<CliRun> At(TestRegister register, string day, params string[] args) =>
        Cli.RunAsync([.. args, .. register.Options], register.Folder, new Dictionary<string, string>(),
            new FakeTimeProvider(DateTimeOffset.Parse(day + "T12:00:00Z", CultureInfo.InvariantCulture)));

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Add_RefusesBadFields_NamingEach_AndUnknownMakersAndBrandsByName(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();

        var bad = await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Bad Ltd", "--company-number", "1234", "--country", "Britain",
            "--roles", "installer; reseller", "--makers", "hikvision; acme-cams; zzz", "--brands", "HiLook; NoSuchBrand", "--slavery-statement-url", "ftp://x",
            "--slavery-statement-year", "2009");
        var missing = await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Bare Ltd");
        var good = await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Northern CCTV Ltd", "--company-number", "sc123456", "--country", "gb",
            "--roles", "distributor, installer", "--makers", "Hikvision; dahua", "--brands", "hilook").Ok();
        var twice = await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Northern CCTV Ltd", "--country", "GB", "--roles", "installer");
        var show = await Cli.RunAsync(register, "suppliers", "show", "Northern CCTV Ltd").Ok();

        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("error: Companies House number: '1234' is not a Companies House number: 8 characters, digits (with leading zeros) or a 2-letter prefix and 6 digits, e.g. 01234567 or SC123456; " +
            "Country: 'Britain' is not a two-letter country code (ISO 3166, e.g. GB); Roles: 'reseller' not one of manufacturer, distributor, integrator, installer, maintainer; " +
            "Platform makers supplied: no maker with the ID 'acme-cams', 'zzz' in the knowledge (see `sightline kb makers`); " +
            "Brands supplied: no brand 'NoSuchBrand' in the knowledge's brands.csv; Modern slavery statement: 'ftp://x' is not an http(s) URL; " +
            "Statement's year: '2009' is not a year from 2015\n", bad.Error);
        Assert.Equal("error: Country: must be given (ISO 3166 two-letter code, e.g. GB); Roles: name at least one of manufacturer, distributor, integrator, installer, maintainer\n",
            missing.Error);
        Assert.Equal("Supplier 1 recorded.\n", good.Output);
        Assert.Equal("error: Legal name: there is already a supplier named 'Northern CCTV Ltd'\n", twice.Error);
        Assert.Matches(@"Companies House number:\s+SC123456\n", show.Output);
        Assert.Matches(@"Roles:\s+distributor; installer\n", show.Output);
        Assert.Matches(@"Platform makers supplied:\s+dahua; hikvision\n", show.Output);
        Assert.Matches(@"Brands supplied:\s+HiLook\n", show.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.Suppliers.CountAsync());
        Assert.Equal(["create supplier 1"], await db.AuditEntries.Where(a => a.EntityType == "supplier").Select(a => a.Action + " supplier " + a.EntityId).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SlaveryStatement_MissingAtTurnoverOver36m_IsAFinding_UntilRecorded(string provider)
    {
        await using var register = await WithDevicesAsync(provider);

        var small = await Cli.RunAsync(register, "suppliers", "show", "1").Ok();
        await Cli.RunAsync(register, "suppliers", "edit", "1", "--turnover-over-36m", "yes").Ok();
        var large = await Cli.RunAsync(register, "suppliers", "show", "1").Ok();
        await Cli.RunAsync(register, "suppliers", "edit", "Acme Security", "--slavery-statement-url", "https://acme.example/msa-2025", "--slavery-statement-year", "2025").Ok();
        var stated = await Cli.RunAsync(register, "suppliers", "show", "1").Ok();

        Assert.Contains("Findings: none", small.Output, StringComparison.Ordinal);
        Assert.Contains("2026-11-29 no-slavery-statement: Acme Security Ltd has a turnover of £36m or more but no Modern Slavery Act s.54 statement is on record",
            large.Output, StringComparison.Ordinal);
        Assert.Contains("Findings: none", stated.Output, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(["create", "update", "update"], await db.AuditEntries.Where(a => a.EntityType == "supplier").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Contains("\"slavery-statement-url\":\"https://acme.example/msa-2025\"",
            await db.AuditEntries.Where(a => a.EntityType == "supplier").OrderBy(a => a.Sequence).Select(a => a.After).LastAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Devices_AreThoseItsInstallerNames_AndThoseLinked(string provider)
    {
        await using var register = await WithDevicesAsync(provider);
        await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Fix-It Maintenance Ltd", "--country", "GB", "--roles", "maintainer").Ok();

        var linked = await Cli.RunAsync(register, "suppliers", "link-device", "Fix-It Maintenance Ltd", "NVR-001", "--as", "maintains").Ok();
        var again = await Cli.RunAsync(register, "suppliers", "link-device", "2", "NVR-001", "--as", "maintains");
        var unknown = await Cli.RunAsync(register, "suppliers", "link-device", "2", "CAM-999");
        var badLink = await Cli.RunAsync(register, "suppliers", "link-device", "2", "CAM-001", "--as", "repairs");
        var acme = await Cli.RunAsync(register, "suppliers", "show", "1").Ok();
        var fixIt = await Cli.RunAsync(register, "suppliers", "show", "2").Ok();

        Assert.Equal("Device NVR-001 linked to supplier 2 as maintains.\n", linked.Output);
        Assert.Equal("error: device 3 is already linked to supplier 2 as maintains\n", again.Error);
        Assert.Equal("error: device: there is no device with ID or asset id 'CAM-999'\n", unknown.Error);
        Assert.Equal("error: link: 'repairs' is not one of delivered, maintains\n", badLink.Error);
        Assert.Contains("Devices: 3\n  1 CAM-001 DS-2CD2143G2-I (installer)\n  2 CAM-002 CMIP7442W-28M (installer)\n  3 NVR-001 NVR4208-8P-4KS2 (installer)\n",
            acme.Output, StringComparison.Ordinal);
        Assert.Contains("Devices: 1\n  3 NVR-001 NVR4208-8P-4KS2 (maintains)\n", fixIt.Output, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "supplier" && a.Action == "link-device" && a.EntityId == "2"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Decline_IsAFinding_DatedOnTheSupplier_AndOfferedToP9ForTheSystemsItSupplied(string provider)
    {
        await using var register = await WithDevicesAsync(provider);
        await Cli.RunAsync(register, "systems", "add", "Elsewhere").Ok();
        await Cli.RunAsync(register, "assess", "start", "--system", "Town Centre CCTV").Ok();
        await Cli.RunAsync(register, "assess", "start", "--system", "Elsewhere").Ok();

        var sent = await Cli.RunAsync(register, "suppliers", "questionnaire", "send", "Acme Security", "--sent", "2026-11-02", "--deadline", "2026-12-31").Ok();
        await Cli.RunAsync(register, "suppliers", "questionnaire", "answer", "1", "--question", "own.1", "--text", "Wholly owned by Acme Group plc",
            "--evidence", "https://find-and-update.company-information.service.gov.uk/company/01234567", "--received", "2026-11-10").Ok();
        var declined = await Cli.RunAsync(register, "suppliers", "questionnaire", "decline", "1", "--question", "xj.2", "--said", "Not a matter for us",
            "--received", "2026-11-20").Ok();
        var notAsked = await Cli.RunAsync(register, "suppliers", "questionnaire", "answer", "1", "--question", "zz.9", "--text", "x");
        var early = await Cli.RunAsync(register, "suppliers", "questionnaire", "answer", "1", "--question", "own.2", "--text", "x", "--received", "2026-11-01");
        var show = await Cli.RunAsync(register, "suppliers", "show", "1").Ok();
        var list = await Cli.RunAsync(register, "suppliers", "list").Ok();
        var p9 = await Cli.RunAsync(register, "assess", "findings", "1").Ok();
        var other = await Cli.RunAsync(register, "assess", "findings", "2").Ok();

        Assert.StartsWith("Questionnaire 1 (sightline-due-diligence 1.0, 19 questions) recorded as sent to Acme Security Ltd.", sent.Output, StringComparison.Ordinal);
        Assert.Equal("Refusal recorded on questionnaire 1: it is a finding.\n", declined.Output);
        Assert.StartsWith("error: question: 'zz.9' was not asked in questionnaire 1 (it asked own.1, own.2, law.1,", notAsked.Error, StringComparison.Ordinal);
        Assert.Equal("error: received: 2026-11-01 is before the questionnaire was sent (2026-11-02)\n", early.Error);
        const string Finding = "Acme Security Ltd declined to answer question xj.2 of the due-diligence questionnaire sent 2026-11-02, on 2026-11-20 (it said: Not a matter for us)";
        Assert.Contains($"2026-11-20 declined: {Finding}", show.Output, StringComparison.Ordinal);
        Assert.Contains("2026-11-10 own.1 answered: Wholly owned by Acme Group plc [evidence: https://find-and-update.company-information.service.gov.uk/company/01234567]",
            show.Output, StringComparison.Ordinal);
        Assert.Matches(@"1\s+Acme Security Ltd\s+GB\s+installer, maintainer\s+hikvision\s+declined\s+1\n", list.Output);
        Assert.Contains($"{Finding}; it supplied 3 devices of this system", p9.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("declined to answer", other.Output, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(["send", "answer", "decline"],
            await db.AuditEntries.Where(a => a.EntityType == "questionnaire").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task NoAnswerByTheDeadline_IsAFinding_FromTheDayAfter_OnTheClock(string provider)
    {
        await using var register = await WithDevicesAsync(provider);
        await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Silent Distribution Ltd", "--country", "GB", "--roles", "distributor").Ok();
        await At(register, "2026-11-01", "suppliers", "questionnaire", "send", "1", "--deadline", "2026-11-15").Ok();
        await At(register, "2026-11-01", "suppliers", "questionnaire", "send", "2", "--deadline", "2026-11-15").Ok();
        // Supplier 1 answers two questions on time and one late; supplier 2 never answers.
        await At(register, "2026-11-10", "suppliers", "questionnaire", "answer", "1", "--question", "own.1", "--text", "Acme Group plc").Ok();
        await At(register, "2026-11-15", "suppliers", "questionnaire", "answer", "1", "--question", "own.2", "--text", "No").Ok();
        await At(register, "2026-11-20", "suppliers", "questionnaire", "answer", "1", "--question", "law.1", "--text", "No").Ok();

        var onDeadline = await At(register, "2026-11-15", "suppliers", "show", "2");
        var dayAfter = await At(register, "2026-11-16", "suppliers", "show", "2");
        var partly = await At(register, "2026-11-30", "suppliers", "show", "1");
        var list = await At(register, "2026-11-15", "suppliers", "list");

        Assert.Contains("Findings: none", onDeadline.Ok().Output, StringComparison.Ordinal);
        Assert.Contains("2026-11-16 no-answer: Silent Distribution Ltd gave no answer by the deadline 2026-11-15 to the due-diligence questionnaire sent 2026-11-01",
            dayAfter.Ok().Output, StringComparison.Ordinal);
        Assert.Contains("2026-11-16 no-answer: Acme Security Ltd gave no answer by the deadline 2026-11-15 to 17 of the 19 questions sent 2026-11-01: law.1, law.2, xj.1,",
            partly.Ok().Output, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(list.Ok().Output, @"awaiting\s+0\n"));
    }
}
