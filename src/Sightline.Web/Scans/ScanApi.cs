using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Data;
using Sightline.Web.Accounts;
using Sightline.Web.Api;

namespace Sightline.Web.Scans;

/// <summary>Scans under /api/v1/scans: the running or last scan and the past ones (every role), and starting one (a Manager's API token).</summary>
public static class ScanApi
{
    public sealed record ScanList(ScanStatus? Current, IReadOnlyList<PastScan> Past);

    public static IServiceCollection AddScans(this IServiceCollection services)
    {
        services.AddSingleton<ScanRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<ScanRunner>());
        return services;
    }

    public static void MapScanApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/scans").WithTags("Scans");
        api.MapGet("", async (ScanRunner runner, RegisterDb db, CancellationToken cancel) =>
                TypedResults.Ok(new ScanList(runner.Current is { } scan ? ScanStatus.Of(scan) : null, await PastScan.LatestAsync(db, 50, cancel))))
            .RequireAuthorization(Policies.Read)
            .WithSummary("The scan this server is running (or ran last), with its progress and, once ended, what it found; and the 50 latest scans in the audit log.");
        // Only a token may start a scan through the API: a browser's cookie goes through the Scans page and its antiforgery check.
        api.MapPost("", Start)
            .RequireAuthorization(new AuthorizationPolicyBuilder(ApiTokenHandler.SchemeName).RequireRole(Data.Accounts.Roles.Manager).Build())
            .WithSummary("Starts a scan (Manager): targets and exclusions as CIDRs, ranges or addresses; private space only unless allowPublic; more than a /16 only with large. 202 with its status, 400 with the scope's problems, 409 while another runs.");
    }

    private static Results<Accepted<ScanStatus>, ProblemHttpResult> Start(ScanRequest request, ScanRunner runner, HttpContext http)
    {
        var (scan, problems, busy) = runner.Start(request, http.User.Identity!.Name!);
        if (scan is null)
        {
            return FieldProblems.Of(problems, busy ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
        return TypedResults.Accepted("/api/v1/scans", ScanStatus.Of(scan));
    }
}
