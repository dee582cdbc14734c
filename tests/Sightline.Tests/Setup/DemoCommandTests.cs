using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.LogBook;

namespace Sightline.Tests.Setup;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_BuildsTheCouncilRegisterThroughImportAndSummarisesIt()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-demo-test-").FullName;
        try
        {
            var path = Path.Combine(folder, "demo.db");

            var run = await Cli.RunAsync(["demo", "--db", path], folder, new Dictionary<string, string>()).Ok();
            var again = await Cli.RunAsync(["demo", "--db", path], folder, new Dictionary<string, string>());

            // 150 devices imported from the council's lists, and the farm's surveillance devices found by the scan.
            Assert.Contains("sightline scan 127.77.0.0/24", run.Output);
            Assert.Contains("Scan complete: 60 hosts answered", run.Output);
            Assert.Contains("Town Centre CCTV", run.Output);
            Assert.Contains("By brand as sold", run.Output);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("already exists", again.Error);
            await using var db = await RegisterLocation.Sqlite(path).OpenAsync(create: false, CancellationToken.None);
            Assert.Equal(3, await db.Systems.CountAsync());
            Assert.Equal(9, await db.Sites.CountAsync());
            Assert.True(await db.Devices.Select(d => d.BrandAsSold).Distinct().CountAsync() >= 15);
            Assert.Equal(await db.Devices.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == "device" && a.Action == "create"));
            // 150 imported and the farm's 40 surveillance devices; its 20 other hosts (a printer, a router, badly behaved
            // services) are kept as the scan's findings, not registered as cameras.
            Assert.Equal(190, await db.Devices.CountAsync());
            Assert.Equal(20, await db.ScanFindings.CountAsync(f => f.DeviceId == null));
            Assert.Contains("unknown maker", run.Output);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "scan"));
            // The log book: the farm's recorders read over ONVIF while it ran, one keeping 90 days under the 31-day policy;
            // a police disclosure under the sharing agreement, one request due within a week and one overdue, a hold.
            Assert.Contains("logbook retention read --credentials logins.txt", run.Output);
            var recorders = await RetentionReadings.LatestAsync(db, CancellationToken.None);
            Assert.Equal(5, recorders.Count);
            Assert.All(recorders, r => Assert.StartsWith("127.77.0.", r.Recorder, StringComparison.Ordinal));
            Assert.Equal(["127.77.0.30 90"], recorders.Where(r => r.Exceeds).Select(r => $"{r.Recorder} {r.Reading.LongestDays}"));
            var due = (await Cli.RunAsync(["sar", "list", "--due", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            Assert.Contains("overdue", due);
            Assert.Contains("due soon", due);
            Assert.Equal("Northmoor Police information sharing agreement 2024", (await db.Disclosures.SingleAsync(d => d.Disclosed != null)).SharingAgreement);
            Assert.Equal(4, await db.LegalHolds.CountAsync(h => h.Released == null)); // the incident's, the disclosure's and each open request's own
            Assert.True(await db.Observations.AnyAsync());
            // The scan put the cameras it found in Town Centre CCTV, whose DPIA was signed off before it: a review is due.
            var town = await db.Systems.SingleAsync(s => s.Name == "Town Centre CCTV");
            Assert.Equal(40, await db.Devices.CountAsync(d => d.SystemId == town.Id && d.IpAddress!.StartsWith("127.77.0.")));
            // The demo's `dpia list` after the scan raised the review, so the compliance view shows it.
            var compliance = (await Cli.RunAsync(["compliance", "--system", "Town Centre CCTV", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            Assert.Contains("1 DPIA review trigger open: 40 devices added", compliance);
            var dpia = (await Cli.RunAsync(["dpia", "show", "Town Centre CCTV", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            Assert.Contains("devices-added: 40 devices added\n", dpia);

            // Town Centre CCTV's self-assessment answered in full, signed off by a named person and published; Car Park
            // ANPR's a draft with actions past their due date and findings from the register still to decide.
            var assessments = (await Cli.RunAsync(["assess", "list", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            var published = assessments.Split('\n').Single(l => l.Contains("Town Centre CCTV self-assessment", StringComparison.Ordinal));
            var draft = assessments.Split('\n').Single(l => l.Contains("Car Park ANPR self-assessment", StringComparison.Ordinal));
            Assert.Matches(@"^1  published  .*  (\d+)/\1 answered\s*$", published);
            Assert.Matches(@"^2  draft  .*  2 overdue actions", draft);
            var shown = (await Cli.RunAsync(["assess", "show", "1", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            Assert.Contains("State: published, signed off by Dana Whitfield, Head of Community Safety (SRO)", shown);
            Assert.DoesNotContain("(not answered)", shown);
            var offered = (await Cli.RunAsync(["assess", "findings", "2", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            Assert.Contains("2.1    [accepted] not-evidenced: Car Park ANPR: No DPIA is recorded", offered);
            Assert.True(offered.Split('\n').Count(l => l.Contains("[to decide]", StringComparison.Ordinal)) >= 5, offered);

            // Ethical procurement: Hikvision declined the questionnaire (a dated finding); the installer of white labels is linked to
            // the scan's; the replacement case has its bidders' exclusion checks and an acceptance check of the demo's scan; and the
            // plan covers the flagged devices, three done and one overdue. Each step went through the audit log.
            var suppliers = (await Cli.RunAsync(["suppliers", "list", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            Assert.Matches(@"Hangzhou Hikvision Digital Technology Co\., Ltd\.\s+CN\s+manufacturer\s+hikvision\s+declined\s+1", suppliers);
            Assert.Contains("Midshire Security Distribution Ltd", suppliers);
            var hikvision = (await Cli.RunAsync(["suppliers", "show", "1", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            Assert.Matches(@"\d{4}-\d\d-\d\d declined: .*declined to answer the whole questionnaire", hikvision);
            var scanned = await db.ScanFindings.Where(f => f.DeviceId != null).Select(f => f.DeviceId!.Value).ToListAsync();
            var whiteLabels = await db.Identities.CountAsync(i => scanned.Contains(i.DeviceId) && i.Platform == "hikvision" && i.WhiteLabel);
            Assert.True(whiteLabels > 0, "the farm must hold white-labelled Hikvision, or the links prove nothing");
            var installer = await db.Suppliers.Where(x => x.LegalName == "Civic Vision Installations").Select(x => x.Id).SingleAsync();
            Assert.Equal(whiteLabels, await db.SupplierDevices.CountAsync(l => l.SupplierId == installer));
            var procurement = (await Cli.RunAsync(["procurement", "case", "show", "1", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            Assert.Contains("Replacement cameras for Town Centre CCTV", procurement);
            Assert.Contains("proposals (Proposals): written, not signed off", procurement);
            Assert.Contains("bidder Civic Vision Installations: debarment list not-listed on", procurement);
            Assert.Contains("bidder Pennine Integrated Security Ltd: debarment list not-listed on", procurement);
            Assert.Contains("d.breach-of-contract for Civic Vision Installations: does not apply", procurement);
            Assert.Contains("decision: clear (demo ", procurement);
            Assert.Contains("the late visits of 2024 were remedied", procurement);
            var check = await db.AcceptanceChecks.SingleAsync();
            var scan = await db.AuditEntries.Where(a => a.Action == "scan").Select(a => a.Sequence).SingleAsync();
            Assert.Equal($"scan {scan}", check.Source);
            Assert.Equal(await db.ScanFindings.CountAsync(f => f.Scan == scan && f.Register != Sightline.Data.Scanning.ScanFinding.Skipped), check.Delivered);
            Assert.Contains("excluded-maker", check.Differences);
            var plan = (await Cli.RunAsync(["remediation", "list", "--json", "--db", path], folder, new Dictionary<string, string>()).Ok()).Output;
            var lines = System.Text.Json.JsonDocument.Parse(plan).RootElement.EnumerateArray().ToList();
            var flagged = await db.Identities.Where(i => i.Flags != Sightline.Risk.RiskDimension.None)
                .Join(db.Devices.Where(d => d.Status != Sightline.Register.DeviceStatus.Decommissioned), i => i.DeviceId, d => d.Id, (i, d) => d.Id).CountAsync();
            Assert.Equal(flagged, lines.Count);
            Assert.Equal(3, lines.Count(l => l.GetProperty("status").GetString() == "done"));
            Assert.Equal(1, lines.Count(l => l.GetProperty("overdue").GetBoolean()));
            Assert.All(lines, l => Assert.True(l.GetProperty("cost").GetDecimal() > 0));
            foreach (var (entity, action) in new[] { ("supplier", "create"), ("questionnaire", "decline"), ("procurement-case", "check-debarment"),
                ("procurement-case", "decide"), ("procurement-case", "accept"), ("remediation", "plan") })
            {
                Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == entity && a.Action == action), $"no {entity} {action} in the audit log");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("10.0.0.0/24")]
    [InlineData("127.77.0.0/16")]
    [InlineData("127.77.0.0/24x")]
    public async Task Demo_FarmNetwork_IsALoopbackSlash24_OrRefusedBeforeAnythingIsMade(string network)
    {
        var folder = Directory.CreateTempSubdirectory("sightline-demo-test-").FullName;
        try
        {
            var path = Path.Combine(folder, "demo.db");
            var run = await Cli.RunAsync(["demo", "--db", path, "--farm-network", network], folder, new Dictionary<string, string>());
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"--farm-network: '{network}' is not a /24 on loopback", run.Error);
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_OnATerminal_ServesTheWebWithAOneTimeLogin_UntilStopped()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-demo-test-").FullName;
        try
        {
            var port = FreePort();
            var output = new StringWriter();
            var context = new CliContext(TextReader.Null, TextWriter.Synchronized(output), new StringWriter(), TimeProvider.System,
                new Dictionary<string, string>(), folder, Interactive: true);
            using var stop = new CancellationTokenSource();
            var demo = SightlineCli.RunAsync(["demo", "--db", Path.Combine(folder, "demo.db"), "--urls", $"http://127.0.0.1:{port}"], context, stop.Token);
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            // The register is built and scanned first; then the server comes up. Wait for it (or for the demo to end early).
            HttpResponseMessage? login = null;
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (login is null && !demo.IsCompleted)
            {
                Assert.False(deadline.IsCancellationRequested, "the demo's web application did not come up within 5 minutes");
                try
                {
                    login = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
                }
                catch (HttpRequestException)
                {
                    await Task.WhenAny(demo, Task.Delay(250, deadline.Token));
                }
            }
            Assert.NotNull(login);
            string printed;
            lock (output)
            {
                printed = output.ToString();
            }
            var password = System.Text.RegularExpressions.Regex.Match(printed, @"sign in as demo, password (\S+) — shown once").Groups[1].Value;
            var html = await login.Content.ReadAsStringAsync();
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new FormUrlEncodedContent([new("name", "demo"), new("password", password), new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token))]);
            var signedIn = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
            await stop.CancelAsync();
            var code = await demo;

            Assert.Contains($"The web application: http://127.0.0.1:{port}", printed);
            Assert.True(password.Length >= 12, printed);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
            Assert.Equal(0, code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
