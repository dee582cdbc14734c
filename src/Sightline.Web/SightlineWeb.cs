using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sightline.Data;
using Sightline.Knowledge;
using Sightline.Web.Accounts;
using Sightline.Web.Api;
using Sightline.Web.Exports;
using Sightline.Web.Publishing;
using Sightline.Web.Scans;
using Sightline.Web.Security;

namespace Sightline.Web;

/// <summary>The web application and JSON API that `sightline serve` hosts: a table of contents of its modules.</summary>
public static class SightlineWeb
{
    /// <summary>The host, not yet built; tests give it to WebApplicationFactory.</summary>
    public static IHostBuilder CreateHostBuilder(WebSettings settings) =>
        Host.CreateDefaultBuilder()
            // Sightline reads no settings file at run time, so nothing is watched for changes: each watcher is an inotify
            // instance, and a machine allows few of them (128 a user on Debian), which a test run's many hosts used up.
            .ConfigureHostConfiguration(config => config.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]))
            .ConfigureLogging(logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
                // A host that cannot start (its address in use) is reported by `sightline serve` in one line, not a stack trace.
                .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical))
            .ConfigureWebHostDefaults(web => web
                .UseContentRoot(AppContext.BaseDirectory)
                .UseWebRoot(Path.Combine(AppContext.BaseDirectory, "assets"))
                .UseUrls(settings.PublicUrls is { } publicUrls ? $"{settings.Urls};{publicUrls}" : settings.Urls)
                .ConfigureKestrel(kestrel =>
                {
                    if (settings.Certificate is { } certificate)
                    {
                        kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
                    }
                })
                .ConfigureServices(services => services.AddSightlineWeb(settings))
                .Configure(Configure));

    private static void AddSightlineWeb(this IServiceCollection services, WebSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Time);
        services.AddSingleton(_ => KnowledgeBase.Load(settings.KnowledgeFolder));
        // One context per request, on the register checked at start; no pooling of state between users.
        services.AddScoped(_ => settings.Location.Connect());
        services.AddAccounts(settings);
        services.AddScans();
        services.AddSingleton<LogBook.RetentionRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<LogBook.RetentionRunner>());
        services.AddPublicSite(settings);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalLog>();
        services.AddSingleton<Pages.Import.Uploads>();
        services.AddHostedService(s => s.GetRequiredService<Pages.Import.Uploads>()); // sweeps abandoned uploads at start
        services.AddRazorPages(Pages.PageAccess.Configure).ConfigureApplicationPartManager(OnlyThisAssembly);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sightline-antiforgery";
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            // Secure over HTTPS (direct, or from a known proxy); plain HTTP is for loopback and the demo.
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddOpenApi("v1");
        services.AddEndpointsApiExplorer();
    }

    // Pages are found in this assembly whichever process hosts it (the sightline executable, or a test runner
    // whose own dependencies would otherwise be searched too).
    private static void OnlyThisAssembly(ApplicationPartManager parts)
    {
        var assembly = typeof(SightlineWeb).Assembly;
        parts.ApplicationParts.Clear();
        parts.ApplicationParts.Add(new AssemblyPart(assembly));
        parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
    }

    private static void Configure(IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<WebSettings>();
        if (settings.KnownProxies.Count > 0)
        {
            // First, so that everything after (HSTS, Secure cookies, the refusal log) sees the client's scheme and address.
            app.UseForwardedHeaders(KnownProxies.Options(settings.KnownProxies));
        }
        app.UseMiddleware<SecurityHeaders>();
        if (settings.PublicUrls is { } publicUrls)
        {
            app.UseMiddleware<PublicAddress>(PublicPorts(publicUrls));
        }
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        // The public site signs nobody in, so no cookie is read, renewed or set there.
        app.UseWhen(context => !PublicEndpoints.IsPublic(context.Request.Path), branch => branch.UseAuthentication());
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapRazorPages();
            endpoints.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Read);
            endpoints.MapRegisterApi();
            endpoints.MapGovernanceApi();
            endpoints.MapAssessmentApi();
            endpoints.MapSupplierApi();
            endpoints.MapRemediationApi();
            endpoints.MapProcurementApi();
            endpoints.MapLogBookApi();
            endpoints.MapKnowledgeApi();
            endpoints.MapScanApi();
            endpoints.MapExports();
            endpoints.MapPublicSite();
        });
    }

    private static HashSet<int> PublicPorts(string urls) =>
        [.. ListenAddresses.Parse(urls).Urls.Select(url => Microsoft.AspNetCore.Http.BindingAddress.Parse(url).Port)];
}
