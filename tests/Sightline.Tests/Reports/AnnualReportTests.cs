using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Assessments;
using Sightline.Data.Reports;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;
using Sightline.Tests.Assessments;
using Sightline.Web.Reports;

namespace Sightline.Tests.Reports;

/// <summary>
/// `sightline report annual`: the page against its golden file (every value encoded), its numbers against the register
/// on SQLite and PostgreSQL, the PDF printed from it by Debian's Chromium checked by its text and page count, and the
/// refusals (a bad period, no Chromium).
/// </summary>
public sealed class AnnualReportTests
{
    private const string Systems =
        "name,type,purposes,lawful_basis,public_space,sensitive_site,retention_days,controller\n" +
        "Town Centre CCTV,cctv,prevention and detection of crime;public safety,UK GDPR Art. 6(1)(e),yes,no,31,Northmoor Council\n" +
        "Car Park ANPR,anpr,parking enforcement,,yes,no,90,\"Parking <Services> & Co\"\n";

    private const string Added =
        "CAM-L,Town Centre CCTV,Bus Station,,,,camera,Lorex,E841CA,V2.800.00LR004.0.R,LO1,,3C:EF:8C:00:00:11,,,,active,,\n" +
        "ANPR-1,Car Park ANPR,Station Road,,,,camera,Hikvision,DS-2CD2032F-I,V5.3.0 build 150513,HK3,,BC:AD:28:00:00:03,,,anpr,active,,\n" +
        "ENC-1,Car Park ANPR,Station Road,,,,encoder,Axis,M7104,5.51,AX9,,AC:CC:8E:00:00:09,,,,active,,\n";

    // CAM-001 moves from Market Square to the Town Hall.
    private const string Moved =
        Samples.Header + "\n" +
        "CAM-001,Town Centre CCTV,Town Hall,53.381,-1.470,90,camera,Hikvision,DS-2CD2143G2-I,V5.7.3,HK123,10.0.0.11,44:19:B6:00:00:01,2021-03-04,Acme Security,ptz;audio,active,\"corner of Market St, facing north\",CS-1\n";

    private static readonly DateTimeOffset ReportDay = Cli.Start.AddDays(2);

    [Fact]
    public async Task Html_MatchesItsGoldenFile_WithEveryValueEncoded_AndNothingFetched()
    {
        await using var register = await EstateAsync(Registers.Sqlite);
        var path = Path.Combine(register.Folder, "annual.html");
        var run = await AssessTests.RunAsync(register, new FakeTimeProvider(ReportDay), "report", "annual", "--year", "2026", "-o", path).Ok();
        Assert.Contains("Annual report for 2026-01-01 to 2026-12-31 (2 systems) written to", run.Output, StringComparison.Ordinal);

        var html = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cctv@northmoor.example &lt;complaints &amp; info&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Parking &lt;Services&gt; &amp; Co", html, StringComparison.Ordinal);
        Golden.Verify("annual-report.html", html);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Numbers_AreTheRegisters_AndStatusesAreTheComplianceCommands(string provider)
    {
        await using var register = await EstateAsync(provider);
        var statuses = JsonDocument.Parse((await Cli.RunAsync(["compliance", "--json", .. register.Options], register.Folder,
            new Dictionary<string, string>(), new FakeTimeProvider(ReportDay))).Ok().Output).RootElement.EnumerateArray()
            .ToDictionary(r => (r.GetProperty("system").GetString()!, r.GetProperty("principle").GetInt32()), r => r.GetProperty("status").GetString()!);
        var knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));
        await using var db = await register.OpenAsync();
        var report = await AnnualReportRead.ReadAsync(db, knowledge, ReportPeriod.Parse("2026", null, null, default), new FakeTimeProvider(ReportDay), default);

        var devices = await db.Devices.AsNoTracking().Where(d => d.Status != DeviceStatus.Decommissioned).ToListAsync();
        var identities = await db.Identities.AsNoTracking().ToDictionaryAsync(i => i.DeviceId);
        Assert.Equal(["Car Park ANPR", "Town Centre CCTV"], report.Systems.Select(s => s.System.Name));
        foreach (var system in report.Systems)
        {
            var mine = devices.Where(d => d.SystemId == system.System.Id).ToList();
            Assert.Equal(mine.Count, system.Devices.Total);
            Assert.Equal(mine.GroupBy(d => d.Kind).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())), system.Devices.ByKind);
            Assert.Equal(mine.Count, system.Devices.ByMaker.Sum(m => m.Count));
            Assert.Equal(mine.Count(d => identities.GetValueOrDefault(d.Id)?.WhiteLabel == true), system.Devices.ByMaker.Sum(m => m.WhiteLabels.Sum(w => w.Count)));
            long Flagged(RiskDimension dimension) => mine.Count(d => identities.TryGetValue(d.Id, out var i) && i.Flags.HasFlag(dimension));
            Assert.Equal(Flagged(RiskDimension.HumanRights), system.Devices.HumanRights);
            Assert.Equal(Flagged(RiskDimension.SecurityTrust), system.Devices.SecurityTrust);
            Assert.Equal(Flagged(RiskDimension.CyberHygiene), system.Devices.CyberHygiene);
            Assert.Equal(12, system.Principles.Count);
            foreach (var p in system.Principles)
            {
                Assert.Equal(statuses[(system.System.Name, p.Principle.Number)], Words.Of(p.Status));
            }
        }
        var town = report.Systems.Single(s => s.System.Name == "Town Centre CCTV");
        // The white label is revealed: Lorex sold a Dahua platform.
        Assert.Equal(("Dahua", 1L), Assert.Single(town.Devices.ByMaker, m => m.WhiteLabels.Any(w => w.SoldAs == "Lorex")) is var m ? (m.Maker, m.Count) : default);
        Assert.Equal(3, town.Devices.Total);
        Assert.True(report.Systems.Sum(s => s.Devices.SecurityTrust + s.Devices.HumanRights) > 0, "the estate must flag some device, or the comparison proves nothing");
        Assert.Equal((1, 1), (town.ActionsCompleted, town.ActionsOverdue));
        Assert.Equal(AssessmentState.Published, town.Assessment!.State);
        Assert.Equal("Jo Smith, SRO", town.Dpia!.SignedOffBy);
        Assert.Equal("SC-0042", Assert.Single(town.Certifications).Certification.Reference);
        Assert.Empty(report.Systems.Single(s => s.System.Name == "Car Park ANPR").Certifications);

        var entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        var onDevices = entries.Where(e => e.EntityType == "device").ToList();
        var expected = new PeriodChanges(
            onDevices.Count(e => e.Action == "create"),
            onDevices.Count(e => e.After?.Contains("\"status\":\"decommissioned\"", StringComparison.Ordinal) == true),
            onDevices.Count(e => e.Action == "update" && e.After is { } a && JsonDocument.Parse(a).RootElement.EnumerateObject()
                .Any(p => p.Name is "site" or "latitude" or "longitude")),
            onDevices.Count(e => e.Action.StartsWith("override", StringComparison.Ordinal)),
            entries.Count(e => e.Action == "import" && e.EntityType == "file"),
            entries.Count(e => e.Action == "scan"));
        Assert.Equal(expected, report.Changes);
        Assert.Equal(new PeriodChanges(6, 1, 1, 1, 2, 0), report.Changes);
        Assert.Equal(entries.Count, report.Audit.Count);
        Assert.Null(report.Audit.Broken);

        // The year before holds none of these changes and no completed action.
        var before = await AnnualReportRead.ReadAsync(db, knowledge, ReportPeriod.Parse("2025", null, null, default), new FakeTimeProvider(ReportDay), default);
        Assert.Equal(new PeriodChanges(0, 0, 0, 0, 0, 0), before.Changes);
        Assert.Equal(0, before.Systems.Sum(s => s.ActionsCompleted));
        Assert.Equal(0, before.Systems.Sum(s => s.ActionsOverdue));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task LogBookSection_CountsTheYearsRequestsDisclosuresHoldsAndAccess(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();
        // Answered in time (due Monday 2 November), answered late (due 1 October), and one open and overdue (due 20 November).
        foreach (var received in new[] { "2026-10-01", "2026-09-01" })
        {
            await Cli.RunAsync(register, "sar", "add", "--received", received, "--requester", "A person", "--systems", "Town Centre").Ok();
        }
        foreach (var (id, received, supplied) in new[] { ("1", "2026-10-01", "2026-10-20"), ("2", "2026-09-01", "2026-10-05") })
        {
            var day = DateOnly.Parse(received, CultureInfo.InvariantCulture);
            await Cli.RunAsync(register, "sar", "set", id, "--identity-verified", $"{day.AddDays(1):yyyy-MM-dd}", "--searched", $"{day.AddDays(2):yyyy-MM-dd}").Ok();
            await Cli.RunAsync(register, "sar", "set", id, "--supplied", supplied, "--outcome", "copy-supplied", "--redaction", "blur").Ok();
            await Cli.RunAsync(register, "sar", "set", id, "--closed", supplied).Ok();
        }
        await Cli.RunAsync(register, "sar", "add", "--received", "2026-10-20", "--requester", "Another", "--systems", "Town Centre").Ok();
        await Cli.RunAsync(register, "logbook", "disclosure", "add", "--received", "2026-11-01", "--recipient", "PC 1", "--organisation", "Police",
            "--purpose", "Enquiry", "--systems", "Town Centre").Ok();
        await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--assessed", "2026-11-02", "--assessment", "Not necessary", "--decision", "refused",
            "--refusal-reason", "No lawful basis given", "--authorised-by", "CCTV Manager", "--decided", "2026-11-02").Ok();
        await Cli.RunAsync(register, "logbook", "hold", "add", "--reason", "incident", "--systems", "Town Centre", "--review-by", "2026-12-31").Ok();
        await Cli.RunAsync(register, "logbook", "access", "add", "--at", "2026-11-10 10:00", "--person", "Operator", "--action", "exported",
            "--system", "Town Centre", "--purpose", "Police enquiry").Ok();
        await Cli.RunAsync(register, "logbook", "access", "add", "--at", "2026-11-11 10:00", "--person", "Operator", "--action", "viewed",
            "--system", "Town Centre", "--purpose", "Incident check").Ok();
        await using var db = await register.OpenAsync();
        var knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));

        var year = await AnnualReportRead.ReadAsync(db, knowledge, ReportPeriod.Parse("2026", null, null, default), new FakeTimeProvider(Cli.Start), default);
        var before = await AnnualReportRead.ReadAsync(db, knowledge, ReportPeriod.Parse("2025", null, null, default), new FakeTimeProvider(Cli.Start), default);

        // Each request placed its own hold (today, 29 November); the open request's is past its review (its due day).
        Assert.Equal(new LogBookYear(RequestsReceived: 3, RequestsAnswered: 2, RequestsAnsweredInTime: 1, RequestsOpen: 1, RequestsOverdue: 1,
            DisclosureRequests: 1, Disclosed: 0, Refused: 1, HoldsPlaced: 4, HoldsInForce: 2, HoldsPastReview: 1, Viewings: 1, Exports: 1,
            RecordersRead: 0, RecordersOverPolicy: 0), year.LogBook);
        // The year before received nothing; what is open now still shows.
        Assert.Equal(new LogBookYear(0, 0, 0, 1, 1, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0), before.LogBook);
        Assert.Contains("<tr><td>… answered within the month (or its extension)</td><td class=\"n\">1</td></tr>", AnnualReportHtml.Html(year), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_IsPrintedFromTheSamePageByChromium_AndHoldsItsText()
    {
        await using var register = await EstateAsync(Registers.Sqlite);
        var path = Path.Combine(register.Folder, "annual.pdf");
        await AssessTests.RunAsync(register, new FakeTimeProvider(ReportDay), "report", "annual", "--from", "2026-04-01", "--to", "2026-11-30",
            "--format", "pdf", "-o", path).Ok();

        var raw = await ToolAsync("pdftotext", path, "-");
        var text = string.Join(' ', raw.Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Northmoor Council: annual review of surveillance camera systems, 1 April 2026 to 30 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("The organisation", text, StringComparison.Ordinal);
        Assert.Contains("Car Park ANPR", text, StringComparison.Ordinal);
        Assert.Contains("Changes during the period", text, StringComparison.Ordinal);
        Assert.Contains("The audit log verifies", text, StringComparison.Ordinal);
        // The characters come through as typed, not as markup.
        Assert.Contains("cctv@northmoor.example<complaints&info>", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        for (var n = 1; n <= 12; n++)
        {
            Assert.Contains($"{n}. ", text, StringComparison.Ordinal);
        }
        var pages = int.Parse((await ToolAsync("pdfinfo", path)).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
            CultureInfo.InvariantCulture);
        // Two systems with twelve principles each fill a few A4 pages.
        Assert.InRange(pages, 2, 10);
        Assert.Equal(pages, raw.Split('\f').Count(page => page.Trim().Length > 0));
    }

    [Fact]
    public async Task Refusals_ABadPeriod_AndNoChromium_SayWhatToDo()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init", "--org", "Northmoor Council").Ok();
        foreach (var (args, message) in new (string[], string)[]
        {
            (["--year", "26"], "--year: '26' is not a year (YYYY, 2000 or later)"),
            (["--year", "2026", "--from", "2026-01-01"], "--year cannot be given with --from or --to"),
            (["--from", "2026-01-01"], "--from and --to go together"),
            (["--from", "2026-02-30", "--to", "2026-03-01"], "--from: '2026-02-30' is not a day (YYYY-MM-DD)"),
            (["--from", "2026-03-01", "--to", "2026-01-01"], "--to 2026-01-01 is before --from 2026-03-01"),
        })
        {
            var bad = await Cli.RunAsync(register, ["report", "annual", .. args, "-o", "r.html"]);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains(message, bad.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(register.Folder, "r.html")));
        }

        var noChromium = await Cli.RunAsync(["report", "annual", "--format", "pdf", "-o", "r.pdf", .. register.Options],
            register.Folder, new Dictionary<string, string> { ["SIGHTLINE_CHROMIUM"] = "/nonexistent/chromium" });
        Assert.Equal(2, noChromium.ExitCode);
        Assert.Contains("cannot make a PDF: Chromium is not installed at /nonexistent/chromium (on Debian: apt-get install chromium", noChromium.Error,
            StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(register.Folder, "r.pdf")));
    }

    /// <summary>
    /// Two systems with their records, devices (a white label among them), a DPIA, a certification, a published
    /// self-assessment with one action done and one overdue, a decommissioned device, a moved one, an override and hostile text.
    /// </summary>
    private static async Task<TestRegister> EstateAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        var time = new FakeTimeProvider(Cli.Start);
        await Cli.RunAsync(register, "init", "--org", "Northmoor Council").Ok();
        await Cli.RunAsync(register, "org", "set", "--sro", "Jo Smith, Director of Place", "--dpo", "Sam Lee", "--ico-registration", "Z1234567",
            "--contact-point", "cctv@northmoor.example <complaints & info>").Ok();
        await Cli.RunAsync(register, "import", "systems", register.File("systems.csv", Systems)).Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices + Added)).Ok();
        await Cli.RunAsync(register, "systems", "purpose", "Town Centre CCTV", "prevention and detection of crime",
            "--pressing-need", "Violent crime in the night-time economy", "--evidence", "Police figures, 2025").Ok();
        await Cli.RunAsync(register, "dpia", "edit", "Town Centre CCTV", "--regime", "uk-gdpr").Ok();
        await Cli.RunAsync(register, "dpia", "sign-off", "Town Centre CCTV", "--by", "Jo Smith, SRO", "--review-due", "2027-06-30").Ok();
        await Cli.RunAsync(register, "certifications", "add", "--body", "ssaib", "--step", "full", "--issued", "2026-03-01", "--reference", "SC-0042",
            "--system", "Town Centre CCTV").Ok();
        await Cli.RunAsync(register, "devices", "decommission", "NVR-001", "--reason", "Replaced by the council's VMS").Ok();
        await Cli.RunAsync(register, "devices", "override", "ENC-1", "--maker", "Axis", "--reason", "Label and board checked on site").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("moved.csv", Moved)).Ok();
        await AssessTests.RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV", "--title", "Town centre CCTV, 2026").Ok();
        await AssessTests.AnswerAllAsync(register, time, 1);
        await AssessTests.RunAsync(register, time, "assess", "action", "add", "1", "--principle", "3", "--text", "Put up signs at the bus station",
            "--owner", "Estates", "--due", "2026-06-01").Ok();
        await AssessTests.RunAsync(register, time, "assess", "action", "add", "1", "--principle", "6", "--text", "Automatic deletion at 31 days",
            "--owner", "CCTV manager", "--due", "2026-10-01").Ok();
        await AssessTests.RunAsync(register, time, "assess", "action", "status", "1", "2", "done").Ok();
        await AssessTests.RunAsync(register, time, "assess", "sign-off", "1", "--by", "A. Patel, Senior Responsible Officer").Ok();
        await AssessTests.RunAsync(register, time, "assess", "publish", "1").Ok();
        return register;
    }

    private static async Task<string> ToolAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
