using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests;

public sealed class SignInTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task WrongPasswords_LockTheAccountOut(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = app.Client();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.SignInAsync("viewer", "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("do not match", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var fifth = await client.SignInAsync("viewer", "not the password at all");
        Assert.Contains("locked", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await client.SignInAsync("viewer", WebApp.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task PostWithoutAntiforgeryToken_IsRejected_AndChangesNothing(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("manager");

        var forged = await client.PostAsync("/Devices/1?handler=Override", ("maker", "dahua"), ("reason", "forged"));
        var signIn = await app.Client().PostAsync("/Account/Login", ("name", "manager"), ("password", WebApp.Password));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        await using var db = await register.OpenAsync();
        Assert.False(await db.Overrides.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Session_SurvivesARestart_KeysAreInTheRegister(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        string cookie;
        await using (var first = new WebApp(register))
        {
            cookie = await SignInCookieAsync(first, "viewer");
        }

        await using var second = new WebApp(register);
        using var client = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await register.OpenAsync();
        Assert.True(await db.WebKeys.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SignOut_EndsTheSession(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        var signOut = await client.PostFormAsync("/", "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    // Signs in by hand, cookie by cookie, and returns the session cookie as a Cookie header value.
    private static async Task<string> SignInCookieAsync(WebApp app, string name)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("name", name), new("password", WebApp.Password),
                new("__RequestVerificationToken", WebClient.TokenIn(await page.Content.ReadAsStringAsync()))]),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("sightline=", StringComparison.Ordinal));
    }
}
