using System.Net;

namespace Sightline.Web.Tests.Sessions;

/// <summary>Two `sightline serve` processes on one register: a change made through either, or the CLI, holds on both.</summary>
public sealed class TwoNodeTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task TwoServersOnOneRegister_SeeDemotionLockAndSignOut_OnTheNextRequest(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var first = await ServeProcess.StartAsync(register);
        // The first node makes the data-protection key, kept in the register; the second starts after and shares it.
        using (var warm = first.Client(new CookieContainer()))
        {
            await warm.PageAsync("/Account/Login");
        }
        await using var second = await ServeProcess.StartAsync(register);

        var managerBrowser = new CookieContainer();
        using var managerOnFirst = first.Client(managerBrowser);
        using var managerOnSecond = second.Client(managerBrowser);
        Assert.Equal(HttpStatusCode.Redirect, (await managerOnFirst.SignInAsync("manager", WebApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await managerOnFirst.GetAsync("/Import")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await managerOnSecond.GetAsync("/Import")).StatusCode);

        // Demoted through the second node's Admin page.
        using var adminOnSecond = second.Client(new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await adminOnSecond.SignInAsync("admin", WebApp.Password)).StatusCode);
        await adminOnSecond.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Roles", ("name", "manager"), ("roles", "Viewer"));
        Assert.Equal("/Account/Denied", (await managerOnFirst.GetAsync("/Import")).Headers.Location?.AbsolutePath);
        Assert.Equal("/Account/Denied", (await managerOnSecond.GetAsync("/Import")).Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await managerOnFirst.GetAsync("/Devices")).StatusCode);

        // Locked by `sightline users lock`, a third process.
        await register.RunAsync("", "users", "lock", "manager");
        Assert.Equal("/Account/Login", (await managerOnFirst.GetAsync("/Devices")).Headers.Location?.AbsolutePath);
        Assert.Equal("/Account/Login", (await managerOnSecond.GetAsync("/Devices")).Headers.Location?.AbsolutePath);

        // Signed out on the second node: a copy of the cookie no longer works on the first.
        var viewerBrowser = new CookieContainer();
        using var viewerOnFirst = first.Client(viewerBrowser);
        using var viewerOnSecond = second.Client(viewerBrowser);
        Assert.Equal(HttpStatusCode.Redirect, (await viewerOnFirst.SignInAsync("viewer", WebApp.Password)).StatusCode);
        var copy = viewerBrowser.GetCookieHeader(new Uri(first.Address));
        Assert.Equal(HttpStatusCode.OK, (await first.GetWithCookieAsync(copy, "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viewerOnSecond.PostFormAsync("/", "/Account/Logout")).StatusCode);
        Assert.Equal("/Account/Login", (await first.GetWithCookieAsync(copy, "/")).Headers.Location?.AbsolutePath);
        Assert.Equal("/Account/Login", (await second.GetWithCookieAsync(copy, "/")).Headers.Location?.AbsolutePath);
    }
}
