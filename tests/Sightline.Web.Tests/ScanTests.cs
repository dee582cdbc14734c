using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.CameraFarm;
using Sightline.Web.Scans;

namespace Sightline.Web.Tests;

/// <summary>Scans from the web against the camera farm on loopback (127.77.120–127.77.131, 127.77.136–137 and 127.77.140–141): start, progress, findings, refusals, stop, the API.</summary>
public sealed partial class ScanTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Manager_ScansTheFarm_SeesWhatItFound_AndTheRegisterRecordsIt_AsTheManager(string provider)
    {
        var net = provider == Registers.Sqlite ? 120 : 121;
        await using var farm = Farm.OfEveryPersona(net, seed: 7);
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        using var viewer = await app.SignedInAsync("viewer");

        var started = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", $"127.77.{net}.0/27"), ("Exclusions", $"127.77.{net}.30"));
        var scan = app.Services.GetRequiredService<ScanRunner>().Current!;
        await scan.Completion;
        var status = await viewer.PageAsync("/Scans?handler=Status");
        var page = await viewer.PageAsync("/Scans");
        using var api = JsonDocument.Parse(await viewer.Http.GetStringAsync(new Uri("/api/v1/scans", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("complete", scan.State);
        Assert.Null(scan.Failure);
        Assert.Contains("data-poll=\"\"", status, StringComparison.Ordinal);
        Assert.Contains("Scan complete", status, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"status-heading\">Last scan: 127.77." + net + ".0-127.77." + net + ".29, 127.77." + net + ".31</h2>", status, StringComparison.Ordinal);
        var normal = farm.Devices.Where(d => d.Persona.Behaviour == Behaviour.Normal && d.Address.GetAddressBytes()[3] < 32 && d.Address.GetAddressBytes()[3] != 30).ToList();
        foreach (var (address, persona) in normal)
        {
            var finding = scan.Findings.SingleOrDefault(f => f.Address == address.ToString());
            Assert.True(finding is not null, $"{address} ({persona.Template}) not found");
            if (persona.Platform.Length > 0)
            {
                Assert.Equal("created", finding.Register);
                Assert.NotNull(finding.DeviceId);
                Assert.Contains($"<a href=\"/Devices/{finding.DeviceId}\">{address}</a>", status, StringComparison.Ordinal);
            }
        }
        Assert.Contains(scan.Findings, f => f.WhiteLabel && f.Brand is not null && f.Platform is not null);
        Assert.Contains(scan.Findings, f => f.Register.StartsWith("skipped", StringComparison.Ordinal) && f.DeviceId is null);
        Assert.Contains("Scans on the record", page, StringComparison.Ordinal);
        Assert.Matches($"<td>manager</td><td>127.77.{net}.0-127.77.{net}.29, 127.77.{net}.31</td><td>yes</td>", page);
        Assert.DoesNotContain("Start the scan", page, StringComparison.Ordinal);
        Assert.Equal("complete", api.RootElement.GetProperty("current").GetProperty("state").GetString());
        Assert.Equal(scan.Findings.Count, api.RootElement.GetProperty("current").GetProperty("findings").GetArrayLength());
        Assert.Equal("manager", api.RootElement.GetProperty("past")[0].GetProperty("actor").GetString());
        await using var db = await register.OpenAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "scan");
        Assert.Equal("manager", entry.Actor);
        Assert.Contains("\"complete\":\"yes\"", entry.After, StringComparison.Ordinal);
        Assert.Equal(scan.Findings.Count(f => f.Register == "created"), await db.AuditEntries.CountAsync(a => a.Action == "create" && a.Actor == "manager"));
        Assert.False(await db.Devices.AnyAsync(d => d.IpAddress == $"127.77.{net}.30"));
        await register.RunAsync("", "audit", "verify");
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task HostsNotIdentified_AreStoredFindingsWithNotes_AManagerRegistersOneWithAButton(string provider)
    {
        var net = provider == Registers.Sqlite ? 140 : 141;
        await using var farm = Farm.OfEveryPersona(net, seed: 7);
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        using var viewer = await app.SignedInAsync("viewer");
        var trickle = farm.Devices.First(d => d.Persona.Template == "trickle").Address.ToString();

        await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", $"127.77.{net}.0/27"));
        var scan = app.Services.GetRequiredService<ScanRunner>().Current!;
        await scan.Completion;
        var id = scan.Id!.Value;
        // Read back from the register, not from the server's memory.
        var managerPage = await manager.PageAsync($"/Scans?scan={id}&unregistered=true");
        var viewerPage = await viewer.PageAsync($"/Scans?scan={id}&unregistered=true");
        var refused = await viewer.PostFormAsync("/Scans", "/Scans?handler=Promote", ("Scan", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Address", trickle));
        var promoted = await manager.PostFormAsync("/Scans", "/Scans?handler=Promote", ("Scan", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Address", trickle));
        var twice = await manager.PostFormAsync("/Scans", "/Scans?handler=Promote", ("Scan", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Address", trickle));

        var finding = scan.Findings.Single(f => f.Address == trickle);
        Assert.Equal("not registered", finding.Register);
        Assert.NotEmpty(finding.Notes);
        Assert.Contains($"<td>{trickle}</td>", managerPage, StringComparison.Ordinal);
        Assert.Contains("Register as a device", managerPage, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(finding.Notes[0]), managerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Register as a device", viewerPage, StringComparison.Ordinal);
        // The viewer is sent to the access-denied page, and registers nothing (else the manager's request would fail).
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.DoesNotContain("/Devices/", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("is already device", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        var device = await db.Devices.SingleAsync(d => d.IpAddress == trickle);
        Assert.Equal($"/Devices/{device.Id}", promoted.Headers.Location!.OriginalString);
        Assert.Equal("manager", (await db.AuditEntries.SingleAsync(a => a.Action == "create" && a.EntityId == device.Id.ToString())).Actor);
        Assert.True(await db.Observations.AnyAsync(o => o.DeviceId == device.Id && o.Kind == "scan.note"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(finding.Notes[0]), await manager.PageAsync($"/Devices/{device.Id}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Manager_ScansWithLogins_LearnsWhatWhiteLabelsHide_AndThePasswordIsKeptNowhere(string provider)
    {
        var net = provider == Registers.Sqlite ? 136 : 137;
        await using var farm = Farm.OfEveryPersona(net, seed: 8);
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        var annke = farm.Devices.First(d => d.Persona.Template == "annke-on-hikvision").Address.ToString();
        var password = farm.Credentials.Password;

        var badLogins = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", annke), ("Logins", $"{annke} {password}"));
        var badPace = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", annke), ("Rate", "-1"));
        var badHtml = await badLogins.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badLogins.StatusCode);
        Assert.Contains("logins:1: expected TARGET USER PASSWORD", ProblemsIn(badHtml), StringComparison.Ordinal);
        Assert.DoesNotContain(password, badHtml, StringComparison.Ordinal); // the logins are not written back into the form
        Assert.Equal(HttpStatusCode.BadRequest, badPace.StatusCode);
        Assert.Contains("the rate cannot be negative", ProblemsIn(await badPace.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(app.Services.GetRequiredService<ScanRunner>().Current);

        // Generous deadline: this test is about what a device says after a login, not how fast, and CI machines can be busy.
        var started = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", annke),
            ("Logins", $"# the farm's login\n127.77.{net}.0/24 {farm.Credentials.User} {password}\n"), ("Rate", "0"), ("ReadTimeout", "10"));
        var scan = app.Services.GetRequiredService<ScanRunner>().Current!;
        await scan.Completion;
        var status = await manager.PageAsync("/Scans?handler=Status");

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var finding = Assert.Single(scan.Findings);
        Assert.Equal(("hikvision", "ANNKE", true), (finding.PlatformId, finding.Brand, finding.WhiteLabel));
        Assert.DoesNotContain(password, status, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.False(await db.Observations.AnyAsync(o => o.Value.Contains(password)));
        Assert.False(await db.AuditEntries.AnyAsync(a => (a.Before ?? "").Contains(password) || (a.After ?? "").Contains(password)));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ScopeProblems_AreShownOnTheForm_AndNothingIsScanned(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");

        var publicSpace = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", "8.8.8.0/24"));
        var large = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", "10.0.0.0/8"));
        var emptied = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", "127.77.122.1"), ("Exclusions", "127.77.122.0/24"));
        var name = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", "camera.example.org"));
        var nothing = await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", " "));

        foreach (var (response, words) in new[] { (publicSpace, "public address space"), (large, "65,536"), (emptied, "exclu"), (name, "camera.example.org"), (nothing, "at least one target") })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Nothing was scanned:", html, StringComparison.Ordinal);
            Assert.Contains(words, ProblemsIn(html), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("value=\"true\" checked=\"checked\"", await (await manager.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", "8.8.8.0/24"), ("Large", "true"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(app.Services.GetRequiredService<ScanRunner>().Current);
        await using var db = await register.OpenAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "scan"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ViewerAndAssessor_SeeScans_ButAreRefusedStartingAndStopping(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        foreach (var name in new[] { "viewer", "assessor", "admin" })
        {
            using var client = await app.SignedInAsync(name);
            var page = await client.PageAsync("/Scans");
            var start = await client.PostFormAsync("/Scans", "/Scans?handler=Start", ("Targets", "127.77.123.0/30"));
            var stop = await client.PostFormAsync("/Scans", "/Scans?handler=Stop");
            using var program = await TokenClientAsync(app, client);
            var apiStart = await program.PostAsJsonAsync(new Uri("/api/v1/scans", UriKind.Relative), new ScanRequest("127.77.123.0/30", null, false, false));
            var apiList = await program.GetAsync(new Uri("/api/v1/scans", UriKind.Relative));

            Assert.DoesNotContain("Start the scan", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/Scans\">Scans</a>", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
            Assert.Contains("/Account/Denied", start.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
            Assert.Contains("/Account/Denied", stop.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, apiStart.StatusCode);
            Assert.Equal(HttpStatusCode.OK, apiList.StatusCode);
        }
        // A Manager's browser session is not enough for the API: starting there needs a token (the page has antiforgery).
        using var manager = await app.SignedInAsync("manager");
        var cookieOnly = await manager.Http.PostAsJsonAsync(new Uri("/api/v1/scans", UriKind.Relative), new ScanRequest("127.77.123.0/30", null, false, false));
        Assert.Equal(HttpStatusCode.Unauthorized, cookieOnly.StatusCode);
        var noToken = await manager.PostAsync("/Scans?handler=Start", ("Targets", "127.77.123.0/30"));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Null(app.Services.GetRequiredService<ScanRunner>().Current);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ManagerToken_StartsThroughTheApi_OneAtATime_AndAStopKeepsItIncomplete(string provider)
    {
        var net = provider == Registers.Sqlite ? 124 : 128;
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        using var program = await TokenClientAsync(app, manager);

        // 1,024 silent addresses at the default pace take several seconds: time to ask again and to stop it.
        var first = await program.PostAsJsonAsync(new Uri("/api/v1/scans", UriKind.Relative), new ScanRequest($"127.77.{net}.0/22", null, false, false));
        var second = await program.PostAsJsonAsync(new Uri("/api/v1/scans", UriKind.Relative), new ScanRequest($"127.77.{net}.0/30", null, false, false));
        var refused = await program.PostAsJsonAsync(new Uri("/api/v1/scans", UriKind.Relative), new ScanRequest("8.8.8.8", null, false, false));
        var running = await manager.PageAsync("/Scans");
        var viewerStatus = await (await app.SignedInAsync("viewer")).PageAsync("/Scans?handler=Status");
        var stop = await manager.PostFormAsync("/Scans?handler=Status", "/Scans?handler=Stop");
        var scan = app.Services.GetRequiredService<ScanRunner>().Current!;
        await scan.Completion;

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using (var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
        {
            Assert.Equal("running", body.RootElement.GetProperty("state").GetString());
            Assert.Equal(1024, body.RootElement.GetProperty("addresses").GetInt64());
        }
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("public address space", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-poll=\"/Scans?handler=Status\"", running, StringComparison.Ordinal);
        Assert.Contains("Stop the scan", running, StringComparison.Ordinal);
        Assert.DoesNotContain("Stop the scan", viewerStatus, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.Equal("stopped", scan.State);
        Assert.True(scan.Progress.Probed < 1024);
        await using var db = await register.OpenAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "scan");
        Assert.Equal("manager", entry.Actor);
        Assert.Contains("\"complete\":\"no\"", entry.After, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> TokenClientAsync(WebApp app, WebClient signedIn)
    {
        var made = await signedIn.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create", ("name", "scans"));
        var program = app.CreateClient();
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecretPattern().Match(await made.Content.ReadAsStringAsync()).Groups[1].Value);
        return program;
    }

    private static string ProblemsIn(string html) => WebUtility.HtmlDecode(ProblemsPattern().Match(html).Value);

    [GeneratedRegex("<code class=\"secret\">(sl_[A-Za-z0-9_-]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<div class=\"problem\" role=\"alert\" id=\"scope-problems\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ProblemsPattern();
}
