using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Sightline.Web.Tests;

/// <summary>
/// The real web host (as `sightline serve` builds it) on a test register, served in memory; by default on the system
/// clock, with uploads in a folder of the test's own.
/// </summary>
public sealed class WebApp(TestRegister register, TimeProvider? time = null, Func<WebSettings, WebSettings>? settings = null) : WebApplicationFactory<WebApp>
{
    public const string Password = "correct horse battery staple";

    // The host's content root is the build output (assets and knowledge are copied there), as under `sightline serve`;
    // without this the factory looks for a project folder beside the solution.
    static WebApp() => Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SIGHTLINE_WEB_TESTS", AppContext.BaseDirectory);

    protected override IHostBuilder CreateHostBuilder()
    {
        var defaults = new WebSettings(register.Location, Path.Combine(AppContext.BaseDirectory, "knowledge"), "http://127.0.0.1:0", time ?? TimeProvider.System)
        {
            UploadFolder = UploadFolder,
        };
        return SightlineWeb.CreateHostBuilder(settings is null ? defaults : settings(defaults));
    }

    /// <summary>Where this test's checked uploads wait.</summary>
    public string UploadFolder => Path.Combine(register.Folder, "uploads");

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (so tests see them).</summary>
    public WebClient Client() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A client signed in as <paramref name="name"/> (made with <see cref="Password"/>).</summary>
    public async Task<WebClient> SignedInAsync(string name)
    {
        var client = Client();
        var response = await client.SignInAsync(name, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Signs in by hand, cookie by cookie, and returns the session cookie as a Cookie header value (to copy).</summary>
    public async Task<string> SessionCookieAsync(string name)
    {
        using var client = CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("name", name), new("password", Password),
                new("__RequestVerificationToken", WebClient.TokenIn(await page.Content.ReadAsStringAsync()))]),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("sightline=", StringComparison.Ordinal));
    }

    /// <summary>GET with only this Cookie header, as someone holding a copy of the cookie would.</summary>
    public async Task<HttpResponseMessage> GetWithCookieAsync(string cookie, string path)
    {
        using var client = CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
