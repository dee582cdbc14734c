using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Data;
using Sightline.Data.Accounts;

namespace Sightline.Web.Accounts;

/// <summary>
/// Accounts: ASP.NET Core Identity stored in the register, a session cookie for people (naming a session kept in
/// the register) and bearer tokens for the API, data-protection keys kept in the register so sessions survive a restart.
/// </summary>
public static class AccountsSetup
{
    /// <summary>Chooses the cookie or the token scheme for each request.</summary>
    public const string Scheme = "Sightline";

    public static IServiceCollection AddAccounts(this IServiceCollection services, WebSettings settings)
    {
        services.AddDataProtection().SetApplicationName("Sightline");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new RegisterXmlRepository(settings.Location));
        services.AddIdentity<Account, IdentityRole>(Configure).AddEntityFrameworkStores<RegisterDb>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "sightline";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/Denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Every request checks its session in the register (not Identity's 30-minute security-stamp check).
            cookie.Events.OnValidatePrincipal = WebSessions.ValidateAsync;
            // The API answers 401 and 403; only pages redirect to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "cookie or API token", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddScoped<AccountAdmin>();
        services.AddScoped<WebSessions>();
        services.AddScoped<SignInThrottle>();
        return services;
    }

    /// <summary>Password and account rules, the same for the web and `sightline users`.</summary>
    public static void Configure(IdentityOptions options)
    {
        // Length over composition rules (NCSC and NIST advice): a long passphrase is allowed without symbols.
        options.Password.RequiredLength = 12;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        // Identity's lockout holds only an Admin's lock (no end); failed sign-ins pause one name from one
        // address instead (SignInThrottle), so strangers cannot lock an account out from everywhere.
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        options.SignIn.RequireConfirmedAccount = false;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        // Case matters: /exports is the download endpoints, /Exports the page about them.
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/openapi", StringComparison.Ordinal)
            || path.StartsWithSegments("/exports", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
