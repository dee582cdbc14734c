using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests.Sessions;

/// <summary>Sessions live in the register: every change to an account applies on that account's next request.</summary>
public sealed class SessionTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SignOut_EndsTheSessionInTheRegister_ACopiedCookieIsRefused(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");
        var copy = await app.SessionCookieAsync("viewer");
        using var sameSession = app.Client();
        sameSession.Http.DefaultRequestHeaders.Add("Cookie", copy);
        Assert.Equal(HttpStatusCode.OK, (await sameSession.GetAsync("/")).StatusCode);

        // The copy's own session ends: sign out with the copied cookie, then use it again.
        var page = await sameSession.PageAsync("/");
        var signOut = await sameSession.PostAsync("/Account/Logout", ("__RequestVerificationToken", WebClient.TokenIn(page)));
        var after = await app.GetWithCookieAsync(copy, "/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Account/Login", after.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // the other sign-in goes on
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.WebSessions.CountAsync(s => s.Revoked != null));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Demotion_AppliesOnTheNextRequest(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        using var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Import")).StatusCode);
        var device = await manager.PageAsync("/Devices/1");

        await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Roles", ("name", "manager"), ("roles", "Viewer"));
        var import = await manager.GetAsync("/Import");
        var overridden = await manager.PostAsync("/Devices/1?handler=Override",
            ("maker", "dahua"), ("reason", "after demotion"), ("__RequestVerificationToken", WebClient.TokenIn(device)));

        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Equal("/Account/Denied", import.Headers.Location!.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, overridden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Devices")).StatusCode); // still signed in, as a Viewer
        await using var db = await register.OpenAsync();
        Assert.False(await db.Overrides.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Lock_EndsEverySessionOfTheAccount_AndStopsItsTokens(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var first = await app.SignedInAsync("manager");
        using var second = await app.SignedInAsync("manager");
        var token = await MakeTokenAsync(first);
        using var admin = await app.SignedInAsync("admin");

        await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Lock", ("name", "manager"), ("locked", "true"));

        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/Import")).StatusCode);
        Assert.Equal("/Account/Login", (await second.GetAsync("/")).Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAsync(app, token, "/api/v1/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Demotion_StopsWhatTheAccountsTokensMayDo(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var assessor = await app.SignedInAsync("assessor");
        var token = await MakeTokenAsync(assessor);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(app, token, "/api/v1/audit")).StatusCode);

        await register.RunAsync("", "users", "roles", "assessor", "--role", "Viewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(app, token, "/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(app, token, "/api/v1/devices")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SignOutEverywhere_EndsEverySessionOfThatAccountOnly_Audited(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var first = await app.SignedInAsync("viewer");
        using var second = await app.SignedInAsync("viewer");
        using var manager = await app.SignedInAsync("manager");
        using var admin = await app.SignedInAsync("admin");

        var done = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=SignOut", ("name", "viewer"));

        Assert.Contains("viewer is signed out everywhere (2 sessions ended)", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/")).StatusCode);
        using var again = await app.SignedInAsync("viewer");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
        await using var db = await register.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "sign-out-everywhere" && a.EntityId == "viewer" && a.Actor == "admin"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task PasswordChange_EndsTheOtherSessions_KeepsThisOne(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var here = await app.SignedInAsync("viewer");
        using var elsewhere = await app.SignedInAsync("viewer");
        const string next = "a new and longer passphrase";

        var wrong = await here.PostFormAsync("/Account/Password", "/Account/Password", ("current", "not my password"), ("next", next), ("again", next));
        Assert.Contains("The current password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/")).StatusCode);
        var changed = await here.PostFormAsync("/Account/Password", "/Account/Password", ("current", WebApp.Password), ("next", next), ("again", next));

        Assert.Contains("Password changed.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().SignInAsync("viewer", WebApp.Password)).StatusCode); // refused
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().SignInAsync("viewer", next)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AdminReset_ShowsANewPasswordOnce_AndEndsTheSessions(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");
        using var admin = await app.SignedInAsync("admin");

        var reset = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Reset", ("name", "viewer"));
        var html = await reset.Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"secret\">([^<]+)</code>").Groups[1].Value;
        var again = await admin.PageAsync("/Admin/Users");

        Assert.Equal(20, password.Length);
        Assert.DoesNotContain(password, again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().SignInAsync("viewer", WebApp.Password)).StatusCode); // refused
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().SignInAsync("viewer", password)).StatusCode);
        await using var db = await register.OpenAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "reset-password");
        Assert.Equal(("viewer", "admin"), (entry.EntityId, entry.Actor));
        Assert.DoesNotContain(password, entry.After ?? "", StringComparison.Ordinal);
    }

    private static async Task<string> MakeTokenAsync(WebClient client)
    {
        var made = await client.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create", ("name", "nightly"));
        var html = await made.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(html, "<code class=\"secret\">([^<]+)</code>").Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> ApiAsync(WebApp app, string token, string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.GetAsync(new Uri(path, UriKind.Relative));
    }
}
