using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests;

public sealed class SignInTests
{
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
            cookie = await first.SessionCookieAsync("viewer");
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
}
