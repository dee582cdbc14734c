using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Web.Tests;

/// <summary>
/// /api/v1/procurement writes beyond stages and bidders: specification lines, grounds assessed, debarment checks, associated
/// persons and their replacement, decisions and acceptance checks. Each answers with the case or a problem naming the field.
/// </summary>
public sealed class ProcurementApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private const string Case = "/api/v1/procurement/cases/1";

    private static Uri At(string path) => new(path, UriKind.Relative);

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Exclusions_AssessedCheckedReplacedAndDecided_ThroughTheApi(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await register.RunAsync("", "suppliers", "add", "--legal-name", "Northern CCTV Ltd", "--country", "GB", "--roles", "installer", "--connected", "J. Smith (director)");
        await register.RunAsync("", "procurement", "case", "add", "Town centre camera replacement");
        await register.RunAsync("", "procurement", "case", "bidder", "1", "1");
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await ProcurementTests.TokenClientAsync(app, "procurement");
        using var compliance = await ProcurementTests.TokenClientAsync(app, "compliance");

        var associate = await procurement.PostAsJsonAsync(Case + "/bidders/1/associates", new { name = "Cheap Cabling Ltd", role = "sub-contractor" });
        var labour = await procurement.PostAsJsonAsync(Case + "/bidders/1/assessments",
            new { person = "Cheap Cabling Ltd", ground = "d.labour-market", applies = true, eventOn = "2025-03-10", continuing = true, notes = "Tribunal finding" });
        var national = await procurement.PostAsJsonAsync(Case + "/bidders/1/assessments",
            new { ground = "d.national-security", applies = true, eventOn = "2026-10-01", continuing = true });
        var excludableClear = await procurement.PutAsJsonAsync(Case + "/bidders/1/decision", new { outcome = "clear", reasons = "Looks fine" });
        var replaced = await procurement.PostAsJsonAsync(Case + "/bidders/1/replacements", new { name = "Cheap Cabling Ltd", with = "Good Cabling Ltd", reason = "Labour-market finding" });
        var checks = new List<HttpResponseMessage>();
        foreach (var person in new[] { "Northern CCTV Ltd", "J. Smith (director)", "Good Cabling Ltd" })
        {
            checks.Add(await procurement.PostAsJsonAsync(Case + "/bidders/1/debarment-checks", new { person, result = "not-listed", reference = "gov.uk debarment list" }));
        }
        var badResult = await procurement.PostAsJsonAsync(Case + "/bidders/1/debarment-checks", new { result = "maybe" });
        var decided = await procurement.PutAsJsonAsync(Case + "/bidders/1/decision", new { outcome = "clear", reasons = "Sub-contractor replaced; no other ground" });
        var complianceWrite = await compliance.PostAsJsonAsync(Case + "/bidders/1/associates", new { name = "Other Ltd" });
        using var detail = JsonDocument.Parse(await compliance.GetStringAsync(At(Case)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            (associate.StatusCode, labour.StatusCode, replaced.StatusCode, decided.StatusCode));
        Assert.All(checks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden),
            (national.StatusCode, excludableClear.StatusCode, badResult.StatusCode, complianceWrite.StatusCode));
        Assert.Contains("national security can be found to apply only with the Minister's notification on record", await national.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("is an excludable supplier because of d.labour-market (Cheap Cabling Ltd)", await excludableClear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"field\":\"debarment\"", await badResult.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var root = detail.RootElement;
        Assert.Equal("2021-12-08", root.GetProperty("lookBackFrom").GetString());
        var bidder = root.GetProperty("bidders")[0];
        Assert.Equal("clear", bidder.GetProperty("decision").GetString());
        var assessment = bidder.GetProperty("assessments")[0];
        Assert.Equal(("Cheap Cabling Ltd", 7, "2030-03-10", false, "superseded or about a replaced person: does not count"),
            (assessment.GetProperty("person").GetString(), assessment.GetProperty("schedule").GetInt32(), assessment.GetProperty("lookBackEnds").GetString(),
                assessment.GetProperty("counts").GetBoolean(), assessment.GetProperty("result").GetString()));
        Assert.Equal(["Cheap Cabling Ltd 2026-12-07", "Good Cabling Ltd -"],
            bidder.GetProperty("associates").EnumerateArray().Select(a => a.GetProperty("name").GetString() + " " + (a.GetProperty("replacedOn").GetString() ?? "-")));
        await using var db = await register.OpenAsync();
        Assert.Equal(["add-associate", "assess-ground", "replace-associate", "check-debarment", "check-debarment", "check-debarment", "decide"],
            await db.AuditEntries.Where(a => a.EntityType == "procurement-case" && a.Actor == "procurement").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Specification_AndAcceptanceFromAList_ThroughTheApi(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await register.RunAsync("", "procurement", "case", "add", "Town centre camera replacement", "--excluded-makers", "hikvision");
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await ProcurementTests.TokenClientAsync(app, "procurement");
        using var viewer = await ProcurementTests.TokenClientAsync(app, "viewer");

        var first = await procurement.PostAsJsonAsync(Case + "/specification", new { maker = "axis", model = "P3265-LVE", firmware = "11.5.64", count = 2 });
        var second = await procurement.PostAsJsonAsync(Case + "/specification", new { maker = "axis", model = "Q6135-LE", count = 1 });
        var badMaker = await procurement.PostAsJsonAsync(Case + "/specification", new { maker = "nobody-cams", model = "X", count = 1 });
        var removed = await procurement.DeleteAsync(At(Case + "/specification/2"));
        var viewerRemove = await viewer.DeleteAsync(At(Case + "/specification/1"));
        foreach (var stage in new[] { "problem", "requirement", "dpia", "specification" })
        {
            await procurement.PutAsJsonAsync(Case + "/stages/" + stage, new { record = $"The {stage} record" });
            await procurement.PostAsync(At(Case + "/stages/" + stage + "/sign-off"), null);
        }
        var lateRemove = await procurement.DeleteAsync(At(Case + "/specification/1"));
        var neither = await procurement.PostAsJsonAsync(Case + "/acceptance-checks", new { });
        var noScan = await procurement.PostAsJsonAsync(Case + "/acceptance-checks", new { scan = 999 });
        var badList = await procurement.PostAsJsonAsync(Case + "/acceptance-checks", new { list = "brand,model,firmware,count\nAxis,P3265-LVE,11.5.64,two\n", listName = "installed.csv" });
        var tooLarge = await procurement.PostAsJsonAsync(Case + "/acceptance-checks", new { list = new string('x', 10 * 1024 * 1024 + 1), listName = "huge.csv" });
        var accepted = await procurement.PostAsJsonAsync(Case + "/acceptance-checks",
            new { list = "brand,model,firmware,count\nAxis,P3265-LVE,11.5.64,2\nHikvision,DS-2CD2143G2-I,V5.7.3,1\n", listName = "installed.csv" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, removed.StatusCode, accepted.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, viewerRemove.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (badMaker.StatusCode, lateRemove.StatusCode, neither.StatusCode, noScan.StatusCode, badList.StatusCode, tooLarge.StatusCode));
        Assert.Contains("the specification is signed off, so it cannot change", await lateRemove.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("scan: there is no scan 999 in the register", await noScan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("installed.csv:2: count: 'two' is not a number of devices from 1 to 100,000", await badList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("huge.csv: 10,485,761 bytes; an installer's list may be at most 10,485,760 bytes", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var detail = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal([1], detail.RootElement.GetProperty("specification").EnumerateArray().Select(l => l.GetProperty("line").GetInt32()));
        var check = detail.RootElement.GetProperty("acceptances")[0];
        Assert.Equal(("list installed.csv", 3), (check.GetProperty("source").GetString(), check.GetProperty("delivered").GetInt32()));
        Assert.Contains("excluded-maker", check.GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
        await using var db = await register.OpenAsync();
        Assert.Equal(["specify", "specify", "unspecify", "accept"],
            await db.AuditEntries.Where(a => a.EntityType == "procurement-case" && a.Actor == "procurement" && a.Action != "stage" && a.Action != "sign-off")
                .OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
    }
}
