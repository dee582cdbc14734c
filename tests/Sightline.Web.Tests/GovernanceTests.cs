using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests;

/// <summary>The Code of Practice records in the web and the API: who may write what, and the DPIA's review triggers.</summary>
public sealed partial class GovernanceTests
{
    private static readonly string[] TownCentre = ["Town Centre CCTV"];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Compliance_WritesTheDpiaAndTheSystem_ButNotDevices(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var compliance = await app.SignedInAsync("compliance");

        var before = await compliance.PageAsync("/Systems/1/Dpia");
        var edit = await compliance.PostFormAsync("/Systems/1/Dpia", "/Systems/1/Dpia?handler=Edit", ("regime", "uk-gdpr"), ("residual-risk", "low"),
            ("risks", "Footage shared without an agreement; possible; significant"));
        var signOff = await compliance.PostFormAsync("/Systems/1/Dpia", "/Systems/1/Dpia?handler=SignOff", ("by", "Jo Smith, DPO"), ("reviewDue", ""));
        var after = await compliance.PageAsync("/Systems/1/Dpia");
        var system = await compliance.PostFormAsync("/Systems/1", "/Systems/1?handler=System", ("name", "Town Centre CCTV"), ("type", "cctv"),
            ("lawful-basis", "UK GDPR Art. 6(1)(e)"), ("public-space", "yes"));
        var device = await compliance.GetAsync("/Devices/1/Edit");

        Assert.Contains("new system: it needs a DPIA", before, StringComparison.Ordinal);
        Assert.Contains("3 devices added", before, StringComparison.Ordinal); // a missing device (NVR-001) is still in the system
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect), (edit.StatusCode, signOff.StatusCode, system.StatusCode));
        Assert.Contains("None open.", after, StringComparison.Ordinal);
        Assert.Contains("Signed off by Jo Smith, DPO", after, StringComparison.Ordinal);
        Assert.Contains("/Account/Denied", device.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        var entries = await db.AuditEntries.Where(a => a.Actor == "compliance").OrderBy(a => a.Sequence).Select(a => a.Action + " " + a.EntityType).ToListAsync();
        Assert.Equal(["create dpia", "sign-off dpia", "update system"], entries);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Assessor_ReadsEverything_AndChangesNothing_ManagerEditsSystemsButNotDpias(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var assessor = await app.SignedInAsync("assessor");
        using var manager = await app.SignedInAsync("manager");

        var pages = new List<string>();
        foreach (var path in new[] { "/Organisation", "/Systems/1", "/Systems/1/Dpia", "/Certifications" })
        {
            pages.Add(await assessor.PageAsync(path));
        }
        var refused = new List<HttpResponseMessage>
        {
            await assessor.PostFormAsync("/Systems/1/Dpia", "/Systems/1/Dpia?handler=Edit", ("regime", "uk-gdpr")),
            await assessor.PostFormAsync("/Systems/1", "/Systems/1?handler=System", ("lawful-basis", "none")),
            await assessor.PostFormAsync("/Organisation", "/Organisation", ("sro", "Me")),
            await assessor.PostFormAsync("/Certifications", "/Certifications", ("body", "nsi"), ("step", "full"), ("issued", "2026-01-01"), ("systems", "Town Centre CCTV")),
            await manager.PostFormAsync("/Systems/1/Dpia", "/Systems/1/Dpia?handler=Edit", ("regime", "uk-gdpr")),
        };
        var managerEdit = await manager.PostFormAsync("/Systems/1", "/Systems/1?handler=Purpose", ("purpose", "crime prevention"), ("pressing-need", "Burglaries"),
            ("retention-days", "45"), ("retention-justification", "Burglaries are often reported weeks later"));

        Assert.All(pages, page => Assert.DoesNotContain("<form method=\"post\" class=\"stack", page, StringComparison.Ordinal));
        Assert.All(refused, r => Assert.Contains("/Account/Denied", r.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, managerEdit.StatusCode);
        await using var db = await register.OpenAsync();
        Assert.Equal(0, await db.Dpias.CountAsync());
        Assert.Equal(0, await db.Certifications.CountAsync());
        Assert.Equal(["create purpose"], await db.AuditEntries.Where(a => a.Actor == "manager" && a.EntityType == "purpose").Select(a => a.Action + " " + a.EntityType).ToListAsync());
        var purpose = await db.SystemPurposes.SingleAsync(p => p.SystemId == 1);
        Assert.Equal((45, "Burglaries are often reported weeks later"), (purpose.RetentionDays, purpose.RetentionJustification));
        Assert.Null((await db.Organisations.SingleAsync()).SeniorResponsibleOfficer);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Api_ComplianceTokenWritesDpiaAndCertifications_AssessorTokenIsRefused(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var compliance = await TokenClientAsync(app, "compliance");
        using var assessor = await TokenClientAsync(app, "assessor");

        var refused = await assessor.PatchAsJsonAsync("/api/v1/systems/1/dpia", new Dictionary<string, string?> { ["regime"] = "uk-gdpr" });
        var bad = await compliance.PatchAsJsonAsync("/api/v1/systems/1/dpia", new Dictionary<string, string?> { ["regime"] = "gdpr" });
        var edited = await compliance.PatchAsJsonAsync("/api/v1/systems/1/dpia", new Dictionary<string, string?> { ["regime"] = "uk-gdpr" });
        var signed = await compliance.PostAsJsonAsync("/api/v1/systems/1/dpia/sign-off", new { by = "Jo Smith, DPO" });
        var certified = await compliance.PostAsJsonAsync("/api/v1/certifications",
            new { body = "nsi", step = "desktop", issued = "2026-01-10", systems = TownCentre });
        var certifications = await assessor.GetStringAsync(new Uri("/api/v1/certifications", UriKind.Relative));
        var dpias = await assessor.GetStringAsync(new Uri("/api/v1/dpias", UriKind.Relative));
        var openapi = await assessor.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'gdpr' is not uk-gdpr or dpa-2018-part-3", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created), (edited.StatusCode, signed.StatusCode, certified.StatusCode));
        using var certificationJson = JsonDocument.Parse(certifications);
        var only = certificationJson.RootElement.EnumerateArray().Single();
        Assert.Equal(("2027-01-09", "expires within 90 days"), (only.GetProperty("expires").GetString(), only.GetProperty("alert").GetString()));
        using var dpiaJson = JsonDocument.Parse(dpias);
        var first = dpiaJson.RootElement.EnumerateArray().First();
        Assert.Equal(("current", 0), (first.GetProperty("state").GetString(), first.GetProperty("triggers").GetArrayLength()));
        Assert.Equal("Jo Smith, DPO", first.GetProperty("current").GetProperty("signedOffBy").GetString());
        foreach (var path in new[] { "/api/v1/organisation", "/api/v1/systems/{id}/dpia", "/api/v1/dpias", "/api/v1/certifications" })
        {
            Assert.Contains($"\"{path}\"", openapi, StringComparison.Ordinal);
        }
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
