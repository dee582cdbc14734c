using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sightline.CameraFarm;
using Sightline.Data.LogBook;
using Sightline.Web.LogBook;

namespace Sightline.Web.Tests;

/// <summary>
/// The log book in the web and the API: who may read and keep it, a subject access request from receipt to closure through
/// its form (its hold released), problems beside their fields, holds, viewings, a VMS log and disclosures, and the dashboard's flag.
/// </summary>
public sealed class LogBookWebTests
{
    // A Monday: a request received on 10 November is due on Thursday 10 December (due soon); one of 1 November was due on 1 December.
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Readers = ["manager", "compliance", "assessor"];

    private static readonly string[] Refused = ["admin", "procurement", "viewer"];

    private static Uri At(string path) => new(path, UriKind.Relative);

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ManagerComplianceAndAssessorRead_AdminProcurementAndViewerAreRefused_OnlyKeepersWrite(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var manager = await ProcurementTests.TokenClientAsync(app, "manager");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/v1/sars", new { received = "2026-11-10", requester = "Jane Doe" })).StatusCode);

        var reads = new Dictionary<string, List<HttpStatusCode>>();
        var navigation = new Dictionary<string, bool>();
        foreach (var name in Readers.Concat(Refused))
        {
            using var web = await app.SignedInAsync(name);
            using var token = await ProcurementTests.TokenClientAsync(app, name);
            var statuses = new List<HttpStatusCode>();
            foreach (var path in new[] { "/LogBook", "/LogBook/Sars/1" })
            {
                var page = await web.GetAsync(path);
                statuses.Add(page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal)
                    ? HttpStatusCode.Forbidden : page.StatusCode);
            }
            foreach (var path in new[] { "/api/v1/sars", "/api/v1/holds", "/api/v1/disclosures", "/api/v1/recorder-retention" })
            {
                statuses.Add((await token.GetAsync(At(path))).StatusCode);
            }
            reads[name] = statuses;
            navigation[name] = (await web.PageAsync("/")).Contains("href=\"/LogBook\"", StringComparison.Ordinal);
        }
        using var assessorWeb = await app.SignedInAsync("assessor");
        using var assessor = await ProcurementTests.TokenClientAsync(app, "assessor");
        var assessorShow = await assessorWeb.PageAsync("/LogBook/Sars/1");
        var assessorAdd = await assessorWeb.GetAsync("/LogBook/Sars/Add");
        var assessorSet = await assessorWeb.PostFormAsync("/LogBook/Sars/1", "/LogBook/Sars/1", ("notes", "mine"));
        var assessorApi = new[]
        {
            await assessor.PostAsJsonAsync("/api/v1/sars", new { requester = "Someone" }),
            await assessor.PatchAsJsonAsync("/api/v1/sars/1", new { notes = "mine" }),
            await assessor.PostAsJsonAsync("/api/v1/footage-access", new { at = "2026-12-07T10:00:00Z", person = "A", action = "viewed", purpose = "look" }),
        };
        using var compliance = await ProcurementTests.TokenClientAsync(app, "compliance");
        var complianceSet = await compliance.PatchAsJsonAsync("/api/v1/sars/1", new { channel = "email" });
        var openApi = await manager.GetStringAsync(At("/openapi/v1.json"));

        Assert.All(Readers, name => Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 6), reads[name]));
        Assert.All(Refused, name => Assert.Equal(Enumerable.Repeat(HttpStatusCode.Forbidden, 6), reads[name]));
        Assert.Equal(Readers.Concat(Refused).ToDictionary(n => n, Readers.Contains), navigation);
        Assert.Contains("Jane Doe", assessorShow, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"stack", assessorShow, StringComparison.Ordinal);
        Assert.Contains("/Account/Denied", assessorAdd.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/Account/Denied", assessorSet.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.All(assessorApi, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, complianceSet.StatusCode);
        foreach (var path in new[] { "/api/v1/sars", "/api/v1/sars/{id}", "/api/v1/holds", "/api/v1/holds/{id}", "/api/v1/holds/{id}/release", "/api/v1/disclosures",
            "/api/v1/disclosures/{id}", "/api/v1/footage-access", "/api/v1/recorder-retention", "/api/v1/recorder-retention/read" })
        {
            Assert.Contains($"\"{path}\"", openApi, StringComparison.Ordinal);
        }
        await using var db = await register.OpenAsync();
        Assert.Equal(["manager create sar", "compliance update sar"],
            await db.AuditEntries.Where(a => a.EntityType == "sar").OrderBy(a => a.Sequence).Select(a => a.Actor + " " + a.Action + " " + a.EntityType).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task RecordersOwnRetention_ShownBesideThePolicy_OnThePageAndInTheApi(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await register.RunAsync("", "systems", "set", "Town Centre CCTV", "--retention-days", "31");
        await using (var db = await register.OpenAsync())
        {
            var nvr = await db.Devices.Where(d => d.AssetId == "NVR-001").Select(d => d.Id).SingleAsync();
            await RetentionReadings.RecordAsync(db, new FakeTimeProvider(Now), "tester", nvr, "ONVIF GetRecordings", 90, unlimited: false,
                "Camera 01: 90 days; <b>Camera 02</b>: 30 days", CancellationToken.None);
        }
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var web = await app.SignedInAsync("compliance");
        using var token = await ProcurementTests.TokenClientAsync(app, "assessor");

        var page = await web.PageAsync("/LogBook");
        var api = JsonDocument.Parse(await token.GetStringAsync(At("/api/v1/recorder-retention"))).RootElement;

        Assert.Contains("Recorders' own retention (1 read)", page, StringComparison.Ordinal);
        Assert.Contains("<td>90 days</td>", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"alert\">keeps longer than the policy</strong>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Camera 02&lt;/b&gt;", page, StringComparison.Ordinal); // what a device said is encoded
        var row = Assert.Single(api.EnumerateArray());
        Assert.Equal(("NVR-001", "Town Centre CCTV", 90, 31, true),
            (row.GetProperty("recorder").GetString(), row.GetProperty("system").GetString(), row.GetProperty("longestDays").GetInt32(),
             row.GetProperty("policyDays").GetInt32(), row.GetProperty("exceedsPolicy").GetBoolean()));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SubjectAccessRequest_RecordedInTheWeb_TakenToClosureThroughItsForm_ReleasesItsHold(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var compliance = await app.SignedInAsync("compliance");
        using var viewer = await app.SignedInAsync("viewer");

        var quiet = await compliance.PageAsync("/");
        var missing = await compliance.PostFormAsync("/LogBook/Sars/Add", "/LogBook/Sars/Add", ("received", "2026-11-10"), ("requester", ""), ("systems", "Nowhere CCTV"));
        var missingPage = await missing.Content.ReadAsStringAsync();
        var added = await compliance.PostFormAsync("/LogBook/Sars/Add", "/LogBook/Sars/Add", ("received", "2026-11-10"), ("channel", "email"),
            ("requester", "Jane Doe"), ("contact", "jane@example.org"), ("description", "Red coat, Market Square, about 14:00"),
            ("systems", "Town Centre CCTV"), ("footage-from", "2026-11-08T13:30:00Z"), ("footage-to", "2026-11-08T14:30:00Z"));
        var recorded = await compliance.PageAsync("/LogBook/Sars/1");
        var dashboard = await compliance.PageAsync("/");
        var viewerDashboard = await viewer.PageAsync("/");
        var logBook = await compliance.PageAsync("/LogBook");
        var tooEarly = await compliance.PostFormAsync("/LogBook/Sars/1", "/LogBook/Sars/1", ("supplied", "2026-12-04"), ("outcome", "copy-supplied"));
        var tooEarlyPage = await tooEarly.Content.ReadAsStringAsync();
        var releaseRefused = await compliance.PostFormAsync("/LogBook", "/LogBook?handler=Release&hold=1", ("reason", "done with it"));
        var steps = await compliance.PostFormAsync("/LogBook/Sars/1", "/LogBook/Sars/1", ("identity-verified", "2026-11-12"), ("searched", "2026-11-20"),
            ("supplied", "2026-12-04"), ("outcome", "copy-supplied"), ("redaction", "blur"));
        var answeredDashboard = await compliance.PageAsync("/");
        var closed = await compliance.PostFormAsync("/LogBook/Sars/1", "/LogBook/Sars/1", ("closed", "2026-12-07"));
        var closedPage = await compliance.PageAsync("/LogBook/Sars/1");
        // The form posts every field: the closing day sent unchanged with another change is not a reopening.
        var edited = await compliance.PostFormAsync("/LogBook/Sars/1", "/LogBook/Sars/1", ("closed", "2026-12-07"), ("notes", "changed after closing"));

        Assert.DoesNotContain("Subject access requests:", quiet, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("<span class=\"field-problem\" id=\"requester-problem\">Requester: must be given</span>", missingPage, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-problem\" id=\"systems-problem\">Systems: there is no system with ID or name &#x27;Nowhere CCTV&#x27;</span>", missingPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Nowhere CCTV\"", missingPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/LogBook/Sars/1", added.Headers.Location!.OriginalString);
        Assert.Contains("Subject access request 1 recorded: due 2026-12-10; its footage is held by hold 1.", recorded, StringComparison.Ordinal);
        Assert.Contains("Due 2026-12-10 <strong class=\"alert\">due soon</strong>", recorded, StringComparison.Ordinal);
        Assert.Contains("Hold 1 in force", recorded, StringComparison.Ordinal);
        Assert.Contains("Systems: Town Centre CCTV.", recorded, StringComparison.Ordinal);
        Assert.Contains("Subject access requests: 0 overdue, 1 due within 7 days.", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/LogBook#sars\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Subject access requests:", viewerDashboard, StringComparison.Ordinal);
        Assert.Contains("<td><a href=\"/LogBook/Sars/1\">1</a></td><td>2026-11-10</td><td>2026-12-10</td><td>received</td>", logBook, StringComparison.Ordinal);
        Assert.Contains("<span>with its request</span>", logBook, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("<span class=\"field-problem\" id=\"supplied-problem\">Supplied: verify the requester&#x27;s identity first Supplied: record the search first</span>", tooEarlyPage, StringComparison.Ordinal);
        Assert.Contains("id=\"redaction-problem\">Third parties protected by: say how", tooEarlyPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, releaseRefused.StatusCode);
        Assert.Contains("preserves footage for subject access request 1, still open: close the request to release it", await releaseRefused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (steps.StatusCode, closed.StatusCode));
        Assert.DoesNotContain("Subject access requests:", answeredDashboard, StringComparison.Ordinal);
        Assert.Contains("Subject access request 1 <small>closed</small>", closedPage, StringComparison.Ordinal);
        Assert.Contains("Hold 1 released 2026-12-07 (subject access request 1 closed).", closedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);
        Assert.Contains("subject access request 1 was closed on 2026-12-07; reopen it by clearing", await edited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        var hold = await db.LegalHolds.SingleAsync();
        Assert.Equal((new DateOnly(2026, 12, 7), "compliance"), (hold.Released, hold.ReleasedBy));
        var audit = await db.AuditEntries.Where(a => a.EntityType == "sar" || a.EntityType == "hold").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["create sar", "create hold", "update sar", "update sar", "release hold"], audit.Select(a => a.Action + " " + a.EntityType));
        Assert.All(audit, a => Assert.DoesNotContain("Jane Doe", (a.Before ?? "") + a.After, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Api_PlacesChangesAndReleasesHolds_AndTakesADisclosureThroughItsSteps(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var keeper = await ProcurementTests.TokenClientAsync(app, "compliance");
        using var assessor = await ProcurementTests.TokenClientAsync(app, "assessor");
        Dictionary<string, string?> Values(params (string Name, string? Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);

        var placed = await keeper.PostAsJsonAsync("/api/v1/holds", Values(("reason", "incident"), ("systems", "Town Centre CCTV"), ("review-by", "2026-12-20")));
        var noReason = await keeper.PostAsJsonAsync("/api/v1/holds", Values(("systems", "Town Centre CCTV")));
        var moved = await keeper.PatchAsJsonAsync("/api/v1/holds/1", Values(("review-by", "2027-01-10")));
        var unexplained = await keeper.PostAsJsonAsync("/api/v1/holds/1/release", Values());
        var released = await keeper.PostAsJsonAsync("/api/v1/holds/1/release", Values(("reason", "The insurer closed the claim")));
        var missing = await keeper.PatchAsJsonAsync("/api/v1/holds/9", Values(("notes", "x")));
        var received = await keeper.PostAsJsonAsync("/api/v1/disclosures?hold=true", Values(("received", "2026-12-01"), ("recipient", "PC 1"),
            ("organisation", "Northmoor Police"), ("purpose", "Investigation"), ("systems", "Town Centre CCTV")));
        (string, string?)[] decision = [("assessed", "2026-12-02"), ("assessment", "Necessary"), ("decision", "approved"), ("authorised-by", "CCTV Manager"), ("decided", "2026-12-02")];
        var noBasis = await keeper.PatchAsJsonAsync("/api/v1/disclosures/1", Values(decision));
        var approved = await keeper.PatchAsJsonAsync("/api/v1/disclosures/1", Values([.. decision, ("legal-basis", "DPA 2018 Sch. 2 para 2")]));
        var closed = await keeper.PatchAsJsonAsync("/api/v1/disclosures/1", Values(("disclosed", "2026-12-03"), ("method", "Encrypted link"),
            ("what-disclosed", "CAM-001, 22:30 to 23:00"), ("closed", "2026-12-04")));
        var shown = JsonDocument.Parse(await keeper.GetStringAsync(At("/api/v1/disclosures/1"))).RootElement;
        var byAssessor = await assessor.PostAsJsonAsync("/api/v1/holds", Values(("reason", "incident"), ("systems", "Town Centre CCTV")));

        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal("/api/v1/holds/1", placed.Headers.Location!.OriginalString);
        Assert.Equal(["reason: Reason: must be given"], await ProblemsAsync(noReason));
        Assert.Equal("2027-01-10", JsonDocument.Parse(await moved.Content.ReadAsStringAsync()).RootElement.GetProperty("reviewBy").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        var release = JsonDocument.Parse(await released.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("2026-12-07", "The insurer closed the claim"), (release.GetProperty("released").GetString(), release.GetProperty("releaseReason").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        Assert.Equal("/api/v1/disclosures/1", received.Headers.Location!.OriginalString);
        Assert.Contains("legal-basis", (await ProblemsAsync(noBasis)).Select(p => p.Split(':')[0]));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(("closed", "approved", "DPA 2018 Sch. 2 para 2", 2), (shown.GetProperty("stage").GetString(), shown.GetProperty("decision").GetString(),
            shown.GetProperty("legalBasis").GetString(), shown.GetProperty("hold").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, byAssessor.StatusCode);
        await using var db = await register.OpenAsync();
        Assert.Equal(["create hold", "update hold", "release hold", "create disclosure", "create hold", "update disclosure", "update disclosure", "release hold"],
            await db.AuditEntries.Where(a => a.EntityType == "hold" || a.EntityType == "disclosure").OrderBy(a => a.Sequence)
                .Select(a => a.Action + " " + a.EntityType).ToListAsync());
        Assert.All(await db.AuditEntries.Where(a => a.EntityType == "hold" || a.EntityType == "disclosure").ToListAsync(), a => Assert.Equal("compliance", a.Actor));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Api_ListsAsTheCliDoes_AndNamesEachProblemsField(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var manager = await ProcurementTests.TokenClientAsync(app, "manager");

        var overdue = await manager.PostAsJsonAsync("/api/v1/sars", new { received = "2026-11-01", requester = "John Roe", channel = "letter", systems = "Town Centre CCTV" });
        var later = await manager.PostAsJsonAsync("/api/v1/sars", new { received = "2026-12-01", requester = "Ann Other", cameras = "CAM-001" });
        var noRequester = await manager.PostAsJsonAsync("/api/v1/sars", new Dictionary<string, string?> { ["received"] = "2026-11-30", ["cameras"] = "CAM-999" });
        var unanswered = await manager.PatchAsJsonAsync("/api/v1/sars/1", new { supplied = "2026-12-05" });
        var nobody = await manager.PatchAsJsonAsync("/api/v1/sars/99", new { notes = "x" });
        var due = await manager.GetStringAsync(At("/api/v1/sars?due=true"));
        var all = await manager.GetStringAsync(At("/api/v1/sars"));
        var holds = await manager.GetStringAsync(At("/api/v1/holds"));
        var exported = await manager.PostAsJsonAsync("/api/v1/footage-access", new
        {
            at = "2026-12-07T10:00:00Z", person = "J. Bloggs", action = "exported", system = "Town Centre CCTV", cameras = "CAM-001",
            purpose = "subject access request 1", reference = "sar:1", sha256 = new string('a', 64),
        });
        var viewingWithFile = await manager.PostAsJsonAsync("/api/v1/footage-access", new { at = "2026-12-07T10:00:00Z", person = "J. Bloggs", action = "viewed", purpose = "x", sha256 = new string('b', 64) });
        var cli = await register.RunAsync("", "sar", "list", "--json");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (overdue.StatusCode, later.StatusCode));
        Assert.Equal("/api/v1/sars/1", overdue.Headers.Location!.OriginalString);
        using var first = JsonDocument.Parse(await overdue.Content.ReadAsStringAsync());
        Assert.Equal((1, "2026-11-01", "2026-12-01", "received", 1, true, "overdue", "letter", "1"),
            (first.RootElement.GetProperty("id").GetInt32(), first.RootElement.GetProperty("received").GetString(), first.RootElement.GetProperty("due").GetString(),
                first.RootElement.GetProperty("status").GetString(), first.RootElement.GetProperty("hold").GetInt32(), first.RootElement.GetProperty("held").GetBoolean(),
                first.RootElement.GetProperty("flag").GetString(), first.RootElement.GetProperty("channel").GetString(), first.RootElement.GetProperty("systems").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, noRequester.StatusCode);
        Assert.Equal("application/problem+json", noRequester.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["cameras: Cameras: there is no device with asset ID 'CAM-999'", "requester: Requester: must be given"], await ProblemsAsync(noRequester));
        Assert.Equal(HttpStatusCode.BadRequest, unanswered.StatusCode);
        Assert.Equal(["outcome", "redaction", "supplied", "supplied"], (await ProblemsAsync(unanswered)).Select(p => p.Split(':')[0]).Order());
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal([1], JsonDocument.Parse(due).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        // The same objects as `sightline sar list --json`, but for the flag, which the CLI reckons from the system clock.
        Assert.Equal(WithoutFlags(cli), WithoutFlags(all));
        var hold = JsonDocument.Parse(holds).RootElement.EnumerateArray().Select(h => (h.GetProperty("id").GetInt32(), h.GetProperty("reason").GetString(),
            h.GetProperty("reference").GetString(), h.GetProperty("systems").GetString(), h.GetProperty("cameras").GetString(), h.GetProperty("reviewBy").GetString()));
        Assert.Equal(new (int, string?, string?, string?, string?, string?)[] { (1, "subject-access", "sar:1", "1", null, "2026-12-01"), (2, "subject-access", "sar:2", null, "CAM-001", "2027-01-04") }, hold);
        Assert.Equal(HttpStatusCode.Created, exported.StatusCode);
        using var entry = JsonDocument.Parse(await exported.Content.ReadAsStringAsync());
        Assert.Equal(("1", "exported", "api"), (entry.RootElement.GetProperty("fields").GetProperty("system").GetString(),
            entry.RootElement.GetProperty("fields").GetProperty("action").GetString(), entry.RootElement.GetProperty("source").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, viewingWithFile.StatusCode);
        Assert.Equal(["action: Action: a viewing makes no file; give exported with a hash or a deletion day"], await ProblemsAsync(viewingWithFile));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task HoldsViewingsAVmsLogAndDisclosures_KeptInTheWeb(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var manager = await app.SignedInAsync("manager");
        const string Log = "at,person,action,system,purpose,reference\n2026-12-01T09:00:00Z,A. Operator,viewed,Town Centre CCTV,incident check,INC-7\n" +
            "2026-12-02T09:00:00Z,B. Operator,exported,Town Centre CCTV,police request,disclosure:1\n";

        var noSystems = await manager.PostFormAsync("/LogBook/Hold", "/LogBook/Hold", ("reason", "incident"), ("reference", "INC-7"), ("systems", ""), ("review-by", "2027-01-06"));
        var placed = await manager.PostFormAsync("/LogBook/Hold", "/LogBook/Hold", ("reason", "incident"), ("reference", "INC-7"), ("systems", "Town Centre CCTV"), ("review-by", "2027-01-06"));
        var noReason = await manager.PostFormAsync("/LogBook", "/LogBook?handler=Release&hold=1", ("reason", " "));
        var badReview = await manager.PostFormAsync("/LogBook", "/LogBook?handler=Review&hold=1", ("reviewBy", "someday"));
        var reviewed = await manager.PostFormAsync("/LogBook", "/LogBook?handler=Review&hold=1", ("reviewBy", "2027-02-01"));
        await using (var check = await register.OpenAsync())
        {
            Assert.Equal(new DateOnly(2027, 2, 1), (await check.LegalHolds.SingleAsync(h => h.Id == 1)).ReviewBy);
        }
        var released = await manager.PostFormAsync("/LogBook", "/LogBook?handler=Release&hold=1", ("reason", "the incident needed no footage"));
        var viewing = await manager.PostFormAsync("/LogBook/Access", "/LogBook/Access", ("at", "2026-12-07T09:30:00Z"), ("person", "C. Operator"), ("action", "viewed"),
            ("system", "Town Centre CCTV"), ("purpose", "patrol"));
        var badViewing = await manager.PostFormAsync("/LogBook/Access", "/LogBook/Access", ("at", "2027-01-01T00:00:00Z"), ("person", ""), ("action", "viewed"), ("purpose", "x"));
        var badLog = await manager.UploadAsync("/LogBook/Access", "/LogBook/Access?handler=Import", "vms.csv", Log.Replace("viewed", "peeked", StringComparison.Ordinal));
        var imported = await manager.UploadAsync("/LogBook/Access", "/LogBook/Access?handler=Import", "vms.csv", Log);
        var disclosure = await manager.PostFormAsync("/LogBook/Disclosures/Add", "/LogBook/Disclosures/Add", ("recipient", "PC 1234 Smith"), ("organisation", "South Yorkshire Police"),
            ("reference", "CR/123/26"), ("purpose", "investigation of an assault"), ("systems", "Town Centre CCTV"), ("hold", "yes"));
        var undecided = await manager.PostFormAsync("/LogBook/Disclosures/1", "/LogBook/Disclosures/1", ("decision", "approved"));
        var assessed = await manager.PostFormAsync("/LogBook/Disclosures/1", "/LogBook/Disclosures/1", ("assessed", "2026-12-07"), ("assessment", "Necessary for the investigation"));
        var page = await manager.PageAsync("/LogBook");
        var disclosurePage = await manager.PageAsync("/LogBook/Disclosures/1");

        Assert.Equal(HttpStatusCode.BadRequest, noSystems.StatusCode);
        Assert.Contains("id=\"systems-problem\">Systems: name the systems or cameras whose footage is held</span>", await noSystems.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect),
            (placed.StatusCode, released.StatusCode, viewing.StatusCode, imported.StatusCode, disclosure.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Redirect), (badReview.StatusCode, reviewed.StatusCode));
        Assert.Contains("Reason: say why the footage need no longer be kept", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badViewing.StatusCode);
        var badViewingPage = await badViewing.Content.ReadAsStringAsync();
        Assert.Contains("id=\"person-problem\">Person: must be given</span>", badViewingPage, StringComparison.Ordinal);
        Assert.Contains("id=\"at-problem\">At: in the future</span>", badViewingPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLog.StatusCode);
        Assert.Contains("vms.csv:2: action: Action:", await badLog.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/LogBook/Disclosures/1", disclosure.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);
        var undecidedPage = await undecided.Content.ReadAsStringAsync();
        Assert.Contains("id=\"decision-problem\">Decision: record the assessment (its day) first</span>", undecidedPage, StringComparison.Ordinal);
        Assert.Contains("id=\"authorised-by-problem\">Authorised by: name who made the decision</span>", undecidedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        Assert.Contains("Disclosure request 1 <small>assessed</small>", disclosurePage, StringComparison.Ordinal);
        Assert.Contains("Hold 2 in force until the request closes", disclosurePage, StringComparison.Ordinal);
        Assert.Contains("<td>South Yorkshire Police</td><td>CR/123/26</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>incident</td><td>INC-7</td>", page, StringComparison.Ordinal); // the released hold is no longer in force
        Assert.Contains("<td>C. Operator</td><td>viewed</td><td>Town Centre CCTV</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>B. Operator</td><td>exported</td><td>Town Centre CCTV</td>", page, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(["web", "vms.csv", "vms.csv"], await db.FootageAccesses.OrderBy(a => a.Id).Select(a => a.Source).ToListAsync());
        var released1 = await db.LegalHolds.SingleAsync(h => h.Id == 1);
        Assert.Equal(("manager", "the incident needed no footage"), (released1.ReleasedBy, released1.ReleaseReason));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Manager_ReadsTheFarmsRecordersFromThePageAndTheApi_TheLoginsAreNeverKept_OthersMayNotAsk(string provider)
    {
        var net = provider == Registers.Sqlite ? 156 : 157;
        await using var farm = Farm.OfEveryPersona(net, seed: 5);
        var recorders = farm.Devices.Where(d => d.Persona.RetentionDays is not null).ToList();
        await using var register = await Estate.NewAsync(provider);
        var csv = "asset_id,ip,kind,brand,system\n" + string.Concat(recorders.Select(r => $"NVR-{r.Persona.Platform},{r.Address},nvr,{r.Persona.Brand},Farm Recorders\n"));
        await register.RunAsync("", "import", "devices", register.File("nvrs.csv", csv));
        await register.RunAsync("", "systems", "set", "Farm Recorders", "--retention-days", "31");
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        using var compliance = await app.SignedInAsync("compliance");
        var logins = $"127.77.{net}.0/24 {farm.Credentials.User} {farm.Credentials.Password}";

        var byCompliance = await compliance.PostFormAsync("/LogBook", "/LogBook?handler=ReadRetention", ("logins", logins), ("system", "Farm Recorders"));
        var compliancePage = await compliance.PageAsync("/LogBook");
        var badLogins = await manager.PostFormAsync("/LogBook", "/LogBook?handler=ReadRetention", ("logins", "127.77.0.0/16 admin"), ("system", "Farm Recorders"));
        var noSystem = await manager.PostFormAsync("/LogBook", "/LogBook?handler=ReadRetention", ("logins", logins), ("system", "Nowhere"));
        var started = await manager.PostFormAsync("/LogBook", "/LogBook?handler=ReadRetention", ("logins", logins), ("system", "Farm Recorders"));
        var run = app.Services.GetRequiredService<RetentionRunner>().Current!;
        await run.Completion;
        var page = await manager.PageAsync("/LogBook");

        Assert.Equal(HttpStatusCode.Redirect, byCompliance.StatusCode);
        Assert.Contains("/Account/Denied", byCompliance.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("Read the recorders", compliancePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLogins.StatusCode);
        Assert.Contains("logins:1: expected TARGET USER PASSWORD", await badLogins.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noSystem.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/LogBook#recorders"), (started.StatusCode, started.Headers.Location!.OriginalString));
        Assert.Equal((2, "manager", null), (run.Asked, run.Actor, run.Failure));
        Assert.All(run.Rows, r => Assert.Equal("ONVIF GetRecordings", r.Method));
        Assert.Contains("Ended: 2 read, 0 not.", page, StringComparison.Ordinal);
        Assert.Contains("Read the recorders", page, StringComparison.Ordinal);
        Assert.DoesNotContain(farm.Credentials.Password, page, StringComparison.Ordinal);
        foreach (var (address, persona) in recorders)
        {
            var kept = persona.RetentionDays is > 0 and var days ? $"{days} days" : "some recordings with no limit but the disk";
            Assert.Contains($"<td>NVR-{persona.Platform}</td><td>{address}</td><td>ONVIF GetRecordings</td><td>{kept}</td>", page, StringComparison.Ordinal);
        }

        // The API: a Manager's token starts one, other roles' tokens may not, and every reader of the log book follows it.
        using var managerToken = await ProcurementTests.TokenClientAsync(app, "manager");
        using var complianceToken = await ProcurementTests.TokenClientAsync(app, "compliance");
        var byComplianceToken = await complianceToken.PostAsJsonAsync("/api/v1/recorder-retention/read", new { logins, system = "Farm Recorders" });
        var noLogins = await managerToken.PostAsJsonAsync("/api/v1/recorder-retention/read", new { logins = "", system = "Farm Recorders" });
        var accepted = await managerToken.PostAsJsonAsync("/api/v1/recorder-retention/read", new { logins, system = "Farm Recorders" });
        await app.Services.GetRequiredService<RetentionRunner>().Current!.Completion;
        using var status = JsonDocument.Parse(await complianceToken.GetStringAsync(At("/api/v1/recorder-retention/read")));

        Assert.Equal(HttpStatusCode.Forbidden, byComplianceToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noLogins.StatusCode);
        Assert.Contains("logins: give at least one", await noLogins.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal((false, 2), (status.RootElement.GetProperty("running").GetBoolean(), status.RootElement.GetProperty("rows").GetArrayLength()));
        Assert.All(status.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.Equal("ONVIF GetRecordings", r.GetProperty("method").GetString()));
        await using var db = await register.OpenAsync();
        var readings = await db.RecorderRetentions.ToListAsync();
        Assert.Equal(4, readings.Count);
        var audit = await db.AuditEntries.Where(a => a.Action == "retention-read").ToListAsync();
        Assert.Equal(["manager", "manager", "manager", "manager"], audit.Select(a => a.Actor));
        Assert.All(audit, a => Assert.DoesNotContain(farm.Credentials.Password, (a.Before ?? "") + a.After, StringComparison.Ordinal));
        Assert.All(readings, r => Assert.DoesNotContain(farm.Credentials.Password, r.Detail, StringComparison.Ordinal));
    }

    private static async Task<List<string>> ProblemsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("field").GetString()}: {p.GetProperty("message").GetString()}").Order()];
    }

    private static List<string> WithoutFlags(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(s => string.Join(",", s.EnumerateObject().Where(p => p.Name != "flag").Select(p => $"{p.Name}={p.Value.GetRawText()}")))];
}
