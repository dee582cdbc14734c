using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Web.Tests;

/// <summary>The remediation page, its board paper and /api/v1/remediation: who may read and write, audited as the account.</summary>
public sealed partial class RemediationWebTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ProcurementAndManagerPlan_ComplianceReads_ViewerIsRefused_AndTheApiIsDocumented(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurementWeb = await app.SignedInAsync("procurement");
        using var complianceWeb = await app.SignedInAsync("compliance");
        using var viewerWeb = await app.SignedInAsync("viewer");
        using var manager = await TokenClientAsync(app, "manager");
        using var viewer = await TokenClientAsync(app, "viewer");

        var added = await procurementWeb.PostFormAsync("/Remediation", "/Remediation?handler=Add", ("kind", "device"), ("name", "CAM-001"),
            ("disposition", "remove-now"), ("owner", "Estates <team>"), ("target", "2026-12-01"), ("cost", "1200"));
        var refused = await procurementWeb.PostFormAsync("/Remediation", "/Remediation?handler=Add", ("kind", "device"), ("name", "CAM-002"),
            ("disposition", "accept"), ("owner", "SRO"));
        var patched = await manager.PatchAsJsonAsync("/api/v1/remediation/CAM-001", new { status = "in-progress" });
        var viewerApi = await viewer.GetAsync(new Uri("/api/v1/remediation", UriKind.Relative));
        var list = await manager.GetStringAsync(new Uri("/api/v1/remediation", UriKind.Relative));
        var page = await complianceWeb.PageAsync("/Remediation");
        var complianceWrite = await complianceWeb.PostFormAsync("/Remediation", "/Remediation?handler=Set", ("device", "CAM-001"), ("status", "done"));
        var viewerPage = await viewerWeb.GetAsync("/Remediation");
        var paper = await complianceWeb.GetAsync("/Remediation?handler=Paper&format=html");
        var openapi = await manager.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("justification: accepting a flagged device needs a justification", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Forbidden), (patched.StatusCode, viewerApi.StatusCode));
        var line = JsonDocument.Parse(list).RootElement.EnumerateArray().Single();
        Assert.Equal(("CAM-001", "remove-now", "2026-12-01", 1200m, "in-progress", true),
            (line.GetProperty("device").GetString(), line.GetProperty("disposition").GetString(), line.GetProperty("targetDate").GetString(),
                line.GetProperty("cost").GetDecimal(), line.GetProperty("status").GetString(), line.GetProperty("overdue").GetBoolean()));
        Assert.Contains("Estates &lt;team&gt;", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"alert\">overdue</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Add", page, StringComparison.Ordinal);
        Assert.Contains("/Account/Denied", complianceWrite.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/Account/Denied", viewerPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("text/html", paper.Content.Headers.ContentType!.MediaType);
        Assert.Contains("surveillance equipment remediation, board paper of 7 December 2026", await paper.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/remediation\"", openapi, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/remediation/{device}\"", openapi, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(["procurement plan", "manager update"],
            await db.AuditEntries.Where(a => a.EntityType == "remediation").OrderBy(a => a.Sequence).Select(a => a.Actor + " " + a.Action).ToListAsync());
    }

    private static async Task<HttpClient> TokenClientAsync(WebApp app, string name)
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
