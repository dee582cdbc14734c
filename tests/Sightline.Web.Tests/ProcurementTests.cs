using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Web.Tests;

/// <summary>Procurement cases in the web and the API: Procurement and Admin manage them, Compliance and Assessor read, Viewer does not; every write audited.</summary>
public sealed partial class ProcurementTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task CasePage_SignsOffStagesInOrder_AndRecordsDebarmentChecksAndDecisions(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await register.RunAsync("", "suppliers", "add", "--legal-name", "Vale <Integrators> Ltd", "--country", "GB", "--roles", "integrator");
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await app.SignedInAsync("procurement");
        using var admin = await app.SignedInAsync("admin");

        var opened = await procurement.PostFormAsync("/Procurement", "/Procurement", ("title", "Town centre <cameras>"), ("excludedMakers", "hikvision"));
        var outOfOrder = await procurement.PostFormAsync("/Procurement/1", "/Procurement/1?handler=Stage", ("stage", "dpia"), ("record", "DPIA"));
        var written = await procurement.PostFormAsync("/Procurement/1", "/Procurement/1?handler=Stage", ("stage", "problem"), ("record", "Thefts <script>x</script>"));
        var signed = await admin.PostFormAsync("/Procurement/1", "/Procurement/1?handler=SignOff", ("stage", "problem"));
        var bidder = await procurement.PostFormAsync("/Procurement/1", "/Procurement/1?handler=Bidder", ("supplier", "1"));
        var check = await procurement.PostFormAsync("/Procurement/1", "/Procurement/1?handler=Debarment", ("supplier", "1"), ("person", "Vale <Integrators> Ltd"),
            ("result", "not-listed"), ("reference", "https://www.gov.uk/debarment-list"));
        var noReason = await procurement.PostFormAsync("/Procurement/1", "/Procurement/1?handler=Decide", ("supplier", "1"), ("outcome", "clear"), ("reasons", ""));
        var decided = await procurement.PostFormAsync("/Procurement/1", "/Procurement/1?handler=Decide", ("supplier", "1"), ("outcome", "clear"), ("reasons", "No ground applies"));
        var page = await procurement.PageAsync("/Procurement/1");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect),
            (opened.StatusCode, outOfOrder.StatusCode, written.StatusCode, signed.StatusCode, bidder.StatusCode, check.StatusCode));
        Assert.Contains("stage dpia: sign off the problem stage first", await outOfOrder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Redirect), (noReason.StatusCode, decided.StatusCode));
        Assert.Contains("reasons: a decision needs its reasons on record", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<h1>Case 1: Town centre &lt;cameras&gt;</h1>", page, StringComparison.Ordinal);
        Assert.Contains("signed off by admin, 2026-12-07 12:00 UTC", page, StringComparison.Ordinal);
        Assert.Contains("Thefts &lt;script&gt;x&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("bidder Vale &lt;Integrators&gt; Ltd: debarment list not-listed on 2026-12-07", page, StringComparison.Ordinal);
        Assert.Contains("Decision: clear (procurement, 2026-12-07): No ground applies", page, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(["create procurement", "stage procurement", "sign-off admin", "add-bidder procurement", "check-debarment procurement", "decide procurement"],
            await db.AuditEntries.Where(a => a.EntityType == "procurement-case").OrderBy(a => a.Sequence).Select(a => a.Action + " " + a.Actor).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Roles_ProcurementAndAdminManage_ComplianceAndAssessorRead_ViewerAndManagerNot(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await TokenClientAsync(app, "procurement");
        using var compliance = await TokenClientAsync(app, "compliance");
        using var viewer = await TokenClientAsync(app, "viewer");
        using var assessorWeb = await app.SignedInAsync("assessor");
        using var viewerWeb = await app.SignedInAsync("viewer");

        var created = await procurement.PostAsJsonAsync("/api/v1/procurement/cases", new { title = "Replacement cameras", excludedMakers = "hikvision; dahua" });
        var bad = await procurement.PostAsJsonAsync("/api/v1/procurement/cases", new { title = "X", excludedMakers = "nobody-cams" });
        var stage = await procurement.PutAsJsonAsync("/api/v1/procurement/cases/1/stages/problem", new { record = "Thefts" });
        var signOff = await procurement.PostAsync(new Uri("/api/v1/procurement/cases/1/stages/problem/sign-off", UriKind.Relative), null);
        var complianceWrite = await compliance.PostAsJsonAsync("/api/v1/procurement/cases", new { title = "Y" });
        var complianceRead = await compliance.GetAsync(new Uri("/api/v1/procurement/cases/1", UriKind.Relative));
        var viewerRead = await viewer.GetAsync(new Uri("/api/v1/procurement/cases", UriKind.Relative));
        var assessorPage = await assessorWeb.GetAsync("/Procurement/1");
        var viewerPage = await viewerWeb.GetAsync("/Procurement");
        var openApi = await procurement.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("no maker with the ID 'nobody-cams'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stage.StatusCode, signOff.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, complianceWrite.StatusCode);
        using var detail = JsonDocument.Parse(await complianceRead.Content.ReadAsStringAsync());
        Assert.Equal("requirement", detail.RootElement.GetProperty("stage").GetString());
        Assert.Equal(["dahua", "hikvision"], detail.RootElement.GetProperty("excludedMakers").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("procurement", detail.RootElement.GetProperty("stages")[0].GetProperty("signedOffBy").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, viewerRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assessorPage.StatusCode);
        Assert.DoesNotContain("Sign off", await assessorPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, viewerPage.StatusCode);
        Assert.Contains("\"/api/v1/procurement/cases\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/procurement/cases/{id}/stages/{stage}/sign-off\"", openApi, StringComparison.Ordinal);
    }

    internal static async Task<HttpClient> TokenClientAsync(WebApp app, string name)
    {
        using var signedIn = await app.SignedInAsync(name);
        var made = await signedIn.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create", ("name", "tests"));
        var secret = SecretPattern().Match(await made.Content.ReadAsStringAsync()).Groups[1].Value;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [GeneratedRegex("<code class=\"secret\">(sl_[A-Za-z0-9_-]+)</code>")]
    private static partial Regex SecretPattern();
}
