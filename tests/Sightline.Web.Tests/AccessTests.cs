using System.Net;

namespace Sightline.Web.Tests;

/// <summary>Who may open what: every page and endpoint for each role, including the refusals.</summary>
public sealed class AccessTests
{
    private static readonly string[] ReadPages = ["/", "/Devices", "/Devices/1", "/Systems", "/Sites", "/Knowledge", "/Knowledge?table=brands",
        "/Knowledge?table=designations", "/Knowledge?table=concerns", "/Knowledge?table=vulnerabilities", "/Exports", "/Reference", "/Account/Tokens",
        "/Help/scanning-safety", "/Help/security", "/Help/knowledge"];

    private static readonly string[] ReadApi = ["/api/v1/devices", "/api/v1/devices/1", "/api/v1/systems", "/api/v1/sites", "/api/v1/knowledge/makers",
        "/api/v1/knowledge/brands", "/api/v1/knowledge/designations", "/api/v1/knowledge/concerns", "/api/v1/knowledge/vulnerabilities",
        "/openapi/v1.json", "/exports/devices.csv"];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task EachRole_OpensWhatItMay_AndIsRefusedTheRest(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        var allowed = new Dictionary<string, string[]>
        {
            ["viewer"] = [],
            ["assessor"] = ["/Audit", "/api/v1/audit"],
            ["manager"] = ["/Audit", "/api/v1/audit", "/Import"],
            ["admin"] = ["/Audit", "/api/v1/audit", "/Admin/Users"],
        };
        string[] guarded = ["/Audit", "/api/v1/audit", "/Import", "/Admin/Users"];
        foreach (var (name, extra) in allowed)
        {
            using var client = await app.SignedInAsync(name);
            foreach (var path in ReadPages.Concat(ReadApi).Concat(extra))
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} GET {path}: {(int)response.StatusCode}");
            }
            foreach (var path in guarded.Except(extra))
            {
                var response = await client.GetAsync(path);
                if (path.StartsWith("/api", StringComparison.Ordinal))
                {
                    Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    Assert.Contains("/Account/Denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Anonymous_PagesRedirectToSignIn_ApiAnswers401(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = app.Client();

        foreach (var path in ReadPages.Append("/Audit").Append("/Import").Append("/Admin/Users"))
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        foreach (var path in ReadApi)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/site.css")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        foreach (var path in new[] { "/Account/Login", "/", "/Devices/1", "/api/v1/devices", "/nowhere" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
        var page = await client.PageAsync("/");
        Assert.DoesNotMatch("<script(?![^>]*src=\"/site.js\")", page);
    }
}
