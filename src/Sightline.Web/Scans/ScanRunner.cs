using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sightline.Data;
using Sightline.Data.Scanning;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Scanning;
using Sightline.Scope;

namespace Sightline.Web.Scans;

/// <summary>
/// Runs scans started from the web in the background of the server, one at a time, as `sightline scan` does: the same
/// scope rules, scanner, identification and <see cref="ScanRecord"/>. Stopping the server stops a running scan, and what
/// it found is written, marked incomplete.
/// </summary>
public sealed class ScanRunner(WebSettings settings, KnowledgeBase knowledge, ILogger<ScanRunner> log) : IHostedService
{
    private readonly Lock _gate = new();
    private WebScan? _current;

    /// <summary>The running scan, or the last one this server ran; null before the first.</summary>
    public WebScan? Current => _current;

    /// <summary>Starts a scan, or says why not: the scope's problems, or (Busy) another scan still running.</summary>
    public (WebScan? Scan, IReadOnlyList<string> Problems, bool Busy) Start(ScanRequest request, string actor)
    {
        var (scope, problems) = ScanScope.Parse(ScanRequest.Split(request.Targets), ScanRequest.Split(request.Exclusions), request.AllowPublic, request.Large);
        if (ScanRequest.Split(request.Targets).Count == 0)
        {
            problems = ["name at least one target: a CIDR, a range (a-b) or an address"];
        }
        var (options, optionsProblem) = ScanOptions.Chosen(request.Rate, ScanRequest.Concurrency, request.ReadTimeout, request.Multicast);
        if (optionsProblem is not null)
        {
            problems.Add(optionsProblem);
        }
        var (logins, loginProblems) = ScanCredentials.Parse((request.Logins ?? "").Split('\n'), "logins");
        problems.AddRange(loginProblems);
        if (scope is null || options is null || problems.Count > 0)
        {
            return (null, problems, false);
        }
        lock (_gate)
        {
            if (_current is { Running: true })
            {
                return (null, [$"a scan of {_current.Scope} started by {_current.Actor} is still running; stop it or wait for it to end"], true);
            }
            var scopeText = string.Join(", ", scope.Ranges.Select(r => r.ToString()));
            var scan = new WebScan(scopeText, scope.Count, actor, settings.Time.GetUtcNow());
            _current = scan;
            scan.Completion = Task.Run(() => RunAsync(scan, scope, options, logins!.Count > 0 ? logins : null, request.RegisterAll));
            return (scan, [], false);
        }
    }

    private async Task RunAsync(WebScan scan, ScanScope scope, ScanOptions options, ScanCredentials? logins, bool registerAll)
    {
        try
        {
            var identifier = new Identifier(knowledge);
            var (hosts, complete) = await new Scanner(options, settings.Time).ScanAsync(scope, scan.Progress, scan.Stopping, logins, identifier);
            var seen = hosts.ConvertAll(h => new ScannedHost(h.Address, h.Mac, h.OpenPorts, h.Observations, h.Notes, h.Verdict!));
            await using var db = settings.Location.Connect();
            // Written even when stopped: what was found is kept, marked incomplete.
            var outcome = await ScanRecord.WriteAsync(db, knowledge, seen, scope.Contains, scan.Scope, complete, scan.Started, settings.Time, scan.Actor, CancellationToken.None,
                registerAll);
            var findings = outcome.Findings.Select(f => ScanFinding.Of(f, knowledge))
                .OrderBy(f => IPAddress.Parse(f.Address).GetAddressBytes(), AddressOrder.Instance).ToList();
            var missing = outcome.Missing;
            scan.Id = outcome.Scan;
            scan.Finish(findings, complete, missing, settings.Time.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "The scan of {Scope} failed", scan.Scope);
            scan.Fail(e is RegisterException ? e.Message : "the scan could not be recorded; the server log has the details", settings.Time.GetUtcNow());
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>When the server stops, a running scan stops too and its findings are written before the process ends.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_current is { Running: true } scan)
        {
            scan.Stop();
            await scan.Completion.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Addresses in numeric order.</summary>
    internal sealed class AddressOrder : IComparer<byte[]>
    {
        public static readonly AddressOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) =>
            x!.Length != y!.Length ? x.Length.CompareTo(y.Length) : ((ReadOnlySpan<byte>)x).SequenceCompareTo(y);
    }
}
