using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Web.Tests;

/// <summary>Suppliers in the web and the API: a refusal shown on the supplier and its devices, and who may write.</summary>
public sealed partial class SupplierTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SupplierPage_ShowsTheRefusalProminently_BesideTheConcern_AndOnEveryDeviceItSupplied(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await app.SignedInAsync("procurement");

        var added = await procurement.PostFormAsync("/Suppliers", "/Suppliers", ("legal-name", "Acme Security Ltd"), ("trading-name", "Acme Security"),
            ("country", "GB"), ("roles", "installer"), ("makers", "hikvision"), ("turnover-over-36m", ""));
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, Regex.Match(await added.Content.ReadAsStringAsync(), "role=\"status\">[^<]*").Value);
        var sent = await procurement.PostFormAsync("/Suppliers/1", "/Suppliers/1?handler=Send", ("sent", "2026-11-01"), ("deadline", "2026-11-15"));
        var answered = await procurement.PostFormAsync("/Suppliers/1", "/Suppliers/1?handler=Reply", ("questionnaire", "1"), ("kind", "answer"),
            ("question", "own.1"), ("text", "Owned by <b>Acme Group</b> plc"), ("evidence", "https://example.org/acme-accounts"), ("received", "2026-11-05"));
        var declined = await procurement.PostFormAsync("/Suppliers/1", "/Suppliers/1?handler=Reply", ("questionnaire", "1"), ("kind", "decline"),
            ("question", "xj.2"), ("text", "Not a matter for an installer"), ("evidence", ""), ("received", "2026-11-06"));
        var page = await procurement.PageAsync("/Suppliers/1");
        var device = await procurement.PageAsync("/Devices/2");
        var list = await procurement.PageAsync("/Suppliers");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect),
            (added.StatusCode, sent.StatusCode, answered.StatusCode, declined.StatusCode));
        // The findings come first, as an alert, before the record and the questions.
        var alert = Regex.Match(page, "<section aria-labelledby=\"findings\" class=\"refusal\" role=\"alert\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(alert.Success && alert.Index < page.IndexOf("id=\"record\"", StringComparison.Ordinal));
        Assert.Contains("2026-11-06 — declined to answer", alert.Value, StringComparison.Ordinal);
        Assert.Contains("Acme Security Ltd declined to answer question xj.2 of the due-diligence questionnaire sent 2026-11-01, on 2026-11-06 (it said: Not a matter for an installer)",
            alert.Value, StringComparison.Ordinal);
        Assert.Contains("2026-11-16 — no answer by the deadline", alert.Value, StringComparison.Ordinal);
        // The right of reply: the supplier's answers and the maker's published response beside the concern.
        var xinjiang = page[page.IndexOf("<h3>Xinjiang: contracts and the abuses there</h3>", StringComparison.Ordinal)..];
        xinjiang = xinjiang[..xinjiang.IndexOf("<h3>", 10, StringComparison.Ordinal)];
        Assert.Contains("Declined to answer, 2026-11-06", xinjiang, StringComparison.Ordinal);
        Assert.Contains("Never Again: the UK&#x27;s responsibility to act on atrocities in Xinjiang and beyond", xinjiang, StringComparison.Ordinal);
        Assert.Contains("The maker's published response: Hikvision UK wrote to its partners", xinjiang, StringComparison.Ordinal);
        Assert.Contains("Owned by &lt;b&gt;Acme Group&lt;/b&gt; plc", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/acme-accounts\" rel=\"noreferrer noopener\">evidence</a>", page, StringComparison.Ordinal);
        Assert.Contains("Devices it supplied (3)", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Suppliers/1\">Acme Security Ltd</a> (installer)", device, StringComparison.Ordinal);
        Assert.Contains("declined to answer question xj.2", device, StringComparison.Ordinal);
        Assert.Matches("<td>declined</td>\\s*<td>\\s*<strong class=\"alert\">2</strong>", list);
        await using var db = await register.OpenAsync();
        Assert.Equal(["create supplier", "send questionnaire", "answer questionnaire", "decline questionnaire"],
            await db.AuditEntries.Where(a => a.Actor == "procurement" && (a.EntityType == "supplier" || a.EntityType == "questionnaire")).OrderBy(a => a.Sequence).Select(a => a.Action + " " + a.EntityType).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Procurement_WritesSuppliers_ButNotTheRegister_OtherRolesOnlyRead(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await TokenClientAsync(app, "procurement");
        using var manager = await TokenClientAsync(app, "manager");
        using var viewer = await TokenClientAsync(app, "viewer");
        using var procurementWeb = await app.SignedInAsync("procurement");
        using var complianceWeb = await app.SignedInAsync("compliance");

        var created = await procurement.PostAsJsonAsync("/api/v1/suppliers",
            new Dictionary<string, string?> { ["legal-name"] = "Acme Security Ltd", ["trading-name"] = "Acme Security", ["country"] = "GB", ["roles"] = "installer" });
        var bad = await procurement.PostAsJsonAsync("/api/v1/suppliers",
            new Dictionary<string, string?> { ["legal-name"] = "X Ltd", ["country"] = "GB", ["roles"] = "installer", ["makers"] = "nobody-cams", ["company-number"] = "12" });
        var sent = await procurement.PostAsJsonAsync("/api/v1/suppliers/1/questionnaires", new { sent = "2026-11-01", deadline = "2026-11-15" });
        var refusal = await procurement.PostAsJsonAsync("/api/v1/questionnaires/1/replies", new { declined = true, text = "We do not answer questionnaires" });
        var managerWrite = await manager.PostAsJsonAsync("/api/v1/suppliers", new Dictionary<string, string?> { ["legal-name"] = "Y Ltd", ["country"] = "GB", ["roles"] = "installer" });
        var viewerWrite = await viewer.PatchAsJsonAsync("/api/v1/suppliers/1", new Dictionary<string, string?> { ["country"] = "FR" });
        var read = await viewer.GetStringAsync(new Uri("/api/v1/suppliers/1", UriKind.Relative));
        var webRefused = await complianceWeb.PostFormAsync("/Suppliers", "/Suppliers", ("legal-name", "Z Ltd"), ("country", "GB"), ("roles", "installer"));
        var deviceEdit = await procurementWeb.GetAsync("/Devices/1/Edit");
        var import = await procurementWeb.GetAsync("/Import");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = await bad.Content.ReadAsStringAsync();
        Assert.Contains("no maker with the ID &#x27;nobody-cams&#x27;", WebUtilityLike(problems), StringComparison.Ordinal);
        Assert.Contains("is not a Companies House number", problems, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (sent.StatusCode, refusal.StatusCode));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (managerWrite.StatusCode, viewerWrite.StatusCode));
        using var json = JsonDocument.Parse(read);
        Assert.Equal("declined", json.RootElement.GetProperty("questionnaire").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("deviceCount").GetInt32());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("declined", "2026-12-07"), (finding.GetProperty("kind").GetString(), finding.GetProperty("day").GetString()));
        Assert.Contains("/Account/Denied", webRefused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/Account/Denied", deviceEdit.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/Account/Denied", import.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.Suppliers.CountAsync());
    }

    // The API's problem JSON escapes quotes as \u0027; compare in one spelling.
    private static string WebUtilityLike(string json) => json.Replace("\\u0027", "&#x27;", StringComparison.Ordinal).Replace("'", "&#x27;", StringComparison.Ordinal);

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
