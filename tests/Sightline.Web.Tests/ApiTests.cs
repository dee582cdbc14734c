using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests;

public sealed partial class ApiTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Devices_FilterAndPage_DetailCarriesEvidenceAndRisks(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        using var page1 = await JsonAsync(client, "/api/v1/devices?limit=2");
        using var page2 = await JsonAsync(client, $"/api/v1/devices?limit=2&after={page1.RootElement.GetProperty("next").GetInt32()}");
        using var whiteLabels = await JsonAsync(client, "/api/v1/devices?whiteLabel=true");
        using var detail = await JsonAsync(client, "/api/v1/devices/2");
        var unknownKind = await client.GetAsync("/api/v1/devices?kind=toaster");

        Assert.Equal([1, 2], page1.RootElement.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
        Assert.Equal([3], page2.RootElement.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
        Assert.Equal(JsonValueKind.Null, page2.RootElement.GetProperty("next").ValueKind);
        Assert.Equal(["CAM-002"], whiteLabels.RootElement.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("assetId").GetString()));
        var verdict = detail.RootElement.GetProperty("verdict");
        Assert.Equal("hikvision", verdict.GetProperty("platform").GetString());
        Assert.True(verdict.GetProperty("whiteLabelSuspected").GetBoolean());
        Assert.Contains(verdict.GetProperty("evidence").EnumerateArray(), c => c.GetProperty("observationKind").GetString() is not null);
        Assert.Contains(detail.RootElement.GetProperty("risks").EnumerateArray(), r => r.GetProperty("source").GetString()!.StartsWith("http", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/devices/99")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task KnowledgeSystemsSitesAndOpenApi_Answer(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        using var makers = await JsonAsync(client, "/api/v1/knowledge/makers");
        using var concerns = await JsonAsync(client, "/api/v1/knowledge/concerns");
        using var systems = await JsonAsync(client, "/api/v1/systems");
        using var sites = await JsonAsync(client, "/api/v1/sites");
        using var openApi = await JsonAsync(client, "/openapi/v1.json");
        var reference = await client.PageAsync("/Reference");

        Assert.Contains(makers.RootElement.EnumerateArray(), m => m.GetProperty("id").GetString() == "hikvision"
            && m.GetProperty("source").GetProperty("url").GetString()!.Length > 0 && m.GetProperty("source").GetProperty("checked").GetString()!.Length > 0);
        Assert.Contains(concerns.RootElement.EnumerateArray(), c => c.GetProperty("response").GetString() is not null);
        Assert.Equal(["Town Centre CCTV"], systems.RootElement.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(2, sites.RootElement.GetArrayLength());
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/devices", paths);
        Assert.Contains("/api/v1/devices/{id}", paths);
        Assert.Contains("/api/v1/knowledge/vulnerabilities", paths);
        Assert.Contains("GET /api/v1/devices/{id}", reference, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Tokens_AreStoredHashed_ActWithTheirAccountsRoles_AndStopWhenRevoked(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");
        var made = await viewer.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create", ("name", "GIS export"));
        var secret = SecretPattern().Match(await made.Content.ReadAsStringAsync()).Groups[1].Value;
        using var program = app.CreateClient();
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var devices = await program.GetAsync(new Uri("/api/v1/devices", UriKind.Relative));
        var audit = await program.GetAsync(new Uri("/api/v1/audit", UriKind.Relative));
        using var admin = await app.SignedInAsync("admin");
        await using (var db = await register.OpenAsync())
        {
            var stored = await db.ApiTokens.SingleAsync();
            Assert.NotEqual(secret, stored.Hash);
            Assert.DoesNotContain(secret, stored.Hash, StringComparison.Ordinal);
            var revoked = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Revoke", ("id", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }
        var afterRevoke = await program.GetAsync(new Uri("/api/v1/devices", UriKind.Relative));
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sl_made-up");
        var madeUp = await program.GetAsync(new Uri("/api/v1/devices", UriKind.Relative));

        Assert.StartsWith("sl_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, devices.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, madeUp.StatusCode);
        await using var after = await register.OpenAsync();
        var actions = await after.AuditEntries.Where(a => a.EntityType == "api-token").OrderBy(a => a.Sequence).Select(a => a.Actor + " " + a.Action).ToListAsync();
        Assert.Equal(["viewer create", "admin revoke"], actions);
    }

    private static async Task<JsonDocument> JsonAsync(WebClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<code class=\"secret\">(sl_[A-Za-z0-9_-]+)</code>")]
    private static partial Regex SecretPattern();
}
