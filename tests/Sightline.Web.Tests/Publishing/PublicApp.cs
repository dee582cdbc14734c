using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Sightline.Tests;

namespace Sightline.Web.Tests.Publishing;

/// <summary>
/// The real web host, as <see cref="WebApp"/>, with the public site's settings a test needs: the freshness key read on
/// every request and waited for (so a change shows at once) and a rate limit of its own.
/// </summary>
public sealed class PublicApp(TestRegister register, int requestsPerMinute = 0) : WebApplicationFactory<WebApp>
{
    // As WebApp's: the content root is the build output.
    static PublicApp() => Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SIGHTLINE_WEB_TESTS", AppContext.BaseDirectory);

    protected override IHostBuilder CreateHostBuilder() => SightlineWeb.CreateHostBuilder(
        new WebSettings(register.Location, Path.Combine(AppContext.BaseDirectory, "knowledge"), "http://127.0.0.1:0", TimeProvider.System)
        {
            UploadFolder = Path.Combine(register.Folder, "uploads"),
            PublicCacheFolder = Path.Combine(register.Folder, "public-cache"),
            PublicFreshnessWindow = TimeSpan.Zero,
            PublicRefreshWait = Timeout.InfiniteTimeSpan,
            PublicRequestsPerMinute = requestsPerMinute,
        });

    /// <summary>A client that keeps no cookies and follows no redirects, as a crawler would.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
