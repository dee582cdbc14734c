using System.Net;
using System.Text.RegularExpressions;

namespace Sightline.Tests.Serving;

/// <summary>`sightline serve` over HTTPS and behind a reverse proxy, as a real process with a certificate made in the test.</summary>
public sealed partial class HttpsServeTests
{
    private const string PfxPassword = "pfx secret 42";

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Https_WithAPfx_SendsHstsSecureCookiesAndNoStore_WhilePlainHttpOnLoopbackDoesNot(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var password = await AddAccountAsync(register, "alice");
        using var certificate = TestCertificate.Create();
        var pfx = certificate.WritePfx(register.Folder, PfxPassword);
        await using var serve = await ServeProcess.StartAsync(register, ["--urls", "https://127.0.0.1:0;http://127.0.0.1:0", "--certificate", pfx],
            new Dictionary<string, string> { ["SIGHTLINE_CERTIFICATE_PASSWORD"] = PfxPassword });

        using var https = certificate.TrustingClient(serve.Address("https"));
        var secure = await SignInAsync(https, "alice", password);
        Assert.Equal("max-age=31536000", string.Join(",", secure.Page.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains(secure.SetCookies, c => c.StartsWith("sightline=", StringComparison.Ordinal));
        Assert.Contains(secure.SetCookies, c => c.StartsWith("sightline-antiforgery=", StringComparison.Ordinal));
        Assert.All(secure.SetCookies, c => Assert.True(IsSecure(c), c));
        foreach (var path in (string[])["/api/v1/devices", "/api/v1/systems", "/openapi/v1.json", "/exports/devices.csv", "/exports/devices.json", "/exports/devices.geojson"])
        {
            using var response = await https.SendAsync(Get(path, secure.Cookie));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }

        using var http = PlainClient(serve.Address("http"));
        var plain = await SignInAsync(http, "alice", password);
        Assert.False(plain.Page.Headers.Contains("Strict-Transport-Security"));
        Assert.NotEmpty(plain.SetCookies);
        Assert.All(plain.SetCookies, c => Assert.False(IsSecure(c), c));
        Assert.DoesNotContain(PfxPassword, serve.Output + serve.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, serve.Output + serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_WithAPemCertificateAndKey_ServesTheFaviconEveryPageLinks()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        using var certificate = TestCertificate.Create();
        var (pem, key) = certificate.WritePem(register.Folder);
        await using var serve = await ServeProcess.StartAsync(register, ["--urls", "https://127.0.0.1:0", "--certificate", pem, "--certificate-key", key]);
        using var https = certificate.TrustingClient(serve.Address("https"));

        var login = await https.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">", login, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", login, StringComparison.Ordinal);
        using var ico = await https.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        Assert.Equal<byte[]>([0, 0, 1, 0], (await ico.Content.ReadAsByteArrayAsync())[..4]);
        using var svg = await https.GetAsync(new Uri("/favicon.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg ", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_WithKestrelsDefaultCertificateFromTheEnvironment_Serves()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        using var certificate = TestCertificate.Create();
        var pfx = certificate.WritePfx(register.Folder, PfxPassword);
        await using var serve = await ServeProcess.StartAsync(register, ["--urls", "https://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["Kestrel__Certificates__Default__Path"] = pfx,
            ["Kestrel__Certificates__Default__Password"] = PfxPassword,
        });
        using var https = certificate.TrustingClient(serve.Address("https"));

        using var response = await https.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("--known-proxy", "127.0.0.1")]
    [InlineData("SIGHTLINE_KNOWN_PROXIES", "10.1.2.3, 127.0.0.0/8")]
    public async Task ForwardedHeaders_FromAKnownProxy_AreHonoured(string how, string proxies)
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        string[] args = how.StartsWith("--", StringComparison.Ordinal) ? ["--urls", "http://127.0.0.1:0", how, proxies] : ["--urls", "http://127.0.0.1:0"];
        var environment = how.StartsWith("--", StringComparison.Ordinal) ? null : new Dictionary<string, string> { [how] = proxies };
        await using var serve = await ServeProcess.StartAsync(register, args, environment);
        using var client = PlainClient(serve.Address("http"));

        using var page = await client.SendAsync(Forwarded(Get("/Account/Login", null)));
        using var api = await client.SendAsync(Forwarded(Get("/api/v1/devices", null)));

        Assert.Equal("max-age=31536000", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.True(IsSecure(c), c));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.EndsWith("Refused GET /api/v1/devices to anonymous from 203.0.113.9: not signed in", await serve.LineAsync("Refused GET /api/v1/devices"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--known-proxy", "10.9.9.9")]
    public async Task ForwardedHeaders_FromAnyoneElse_AreIgnored(params string[] proxy)
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        await using var serve = await ServeProcess.StartAsync(register, ["--urls", "http://127.0.0.1:0", .. proxy]);
        using var client = PlainClient(serve.Address("http"));

        using var page = await client.SendAsync(Forwarded(Get("/Account/Login", null)));
        using var api = await client.SendAsync(Forwarded(Get("/api/v1/devices", null)));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.False(IsSecure(c), c));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.EndsWith("Refused GET /api/v1/devices to anonymous from 127.0.0.1: not signed in", await serve.LineAsync("Refused GET /api/v1/devices"), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Forwarded(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return request;
    }

    /// <summary>Makes an account with a password made by `users add`, and returns the password.</summary>
    internal static async Task<string> AddAccountAsync(TestRegister register, string name)
    {
        var made = await Cli.RunAsync(register, "users", "add", name, "--role", "Viewer").Ok();
        return ShownPassword().Match(made.Output).Groups[1].Value;
    }

    private sealed record SignIn(HttpResponseMessage Page, IReadOnlyList<string> SetCookies, string Cookie);

    /// <summary>Signs in as a browser would (the form's antiforgery token and cookie), keeping every Set-Cookie header to inspect.</summary>
    private static async Task<SignIn> SignInAsync(HttpClient client, string name, string password)
    {
        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = WebUtility.HtmlDecode(Token().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        List<string> setCookies = [.. page.Headers.GetValues("Set-Cookie")];
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("name", name), new("password", password), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", CookieHeader(setCookies));
        using var answer = await client.SendAsync(post);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)answer.StatusCode}");
        setCookies.AddRange(answer.Headers.GetValues("Set-Cookie"));
        return new SignIn(page, setCookies, CookieHeader(setCookies));
    }

    private static string CookieHeader(IEnumerable<string> setCookies) => string.Join("; ", setCookies.Select(c => c.Split(';')[0]));

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Skip(1).Any(attribute => attribute.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private static HttpRequestMessage Get(string path, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return request;
    }

    private static HttpClient PlainClient(string address) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

    [GeneratedRegex("Password \\(shown once\\): (\\S+)")]
    private static partial Regex ShownPassword();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
