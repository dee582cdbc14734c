using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sightline.Data;
using Sightline.Data.LogBook;
using Sightline.Probing;
using Sightline.Register;
using Sightline.Scanning;

namespace Sightline.Web.LogBook;

/// <summary>
/// Reads recorders' own retention for the Log book page in the server's background, one read at a time, as
/// `sightline logbook retention read` does (<see cref="RecorderRead"/>): the logins typed for it are held in memory while it
/// runs and never stored, logged or shown again. Stopping the server stops a read; what was read is already kept.
/// The page and POST /api/v1/recorder-retention/read start one.
/// </summary>
public sealed class RetentionRunner(WebSettings settings, ILogger<RetentionRunner> log) : IHostedService
{
    private readonly Lock _gate = new();

    /// <summary>The running read, or the last one this server ran; null before the first.</summary>
    public RetentionRun? Current { get; private set; }

    /// <summary>
    /// Starts reading the recorders of <paramref name="system"/> (all when empty) at their addresses on port 80, or says why
    /// not: bad logins, an unknown system, addresses it may not reach, no recorder to read, or another read still running.
    /// </summary>
    public async Task<(RetentionRun? Run, List<string> Problems, bool Busy)> StartAsync(RegisterDb db, string? logins, string? system, bool allowPublic, string actor,
        CancellationToken cancel)
    {
        var (given, problems) = ScanCredentials.Parse((logins ?? "").Split('\n'), "logins");
        if (given is { Count: 0 })
        {
            problems.Add("logins: give at least one 'TARGET USER PASSWORD' line; recorders answer these calls only after a login");
        }
        var (recorders, problem) = await RetentionReadings.RecordersAsync(db, string.IsNullOrWhiteSpace(system) ? null : system, null, cancel);
        if (problem is not null)
        {
            problems.Add(problem);
        }
        var targets = RecorderRead.Choose(recorders ?? [], null, allowPublic, problems);
        if (problems.Count == 0 && targets.Count == 0)
        {
            problems.Add("no recorder to read: recorders are devices of kind nvr or dvr with an IP address");
        }
        if (problems.Count > 0)
        {
            return (null, problems, false);
        }
        lock (_gate)
        {
            if (Current is { Running: true } running)
            {
                return (null, [$"a read of {Words.Count(running.Asked, "recorders")} started by {running.Actor} is still running; wait for it to end"], true);
            }
            var run = new RetentionRun(targets.Count, actor, settings.Time.GetUtcNow());
            Current = run;
            run.Completion = Task.Run(() => RunAsync(run, targets, given!), CancellationToken.None); // outlives the request that started it
            return (run, [], false);
        }
    }

    private async Task RunAsync(RetentionRun run, List<RecorderRead.Target> targets, ScanCredentials logins)
    {
        try
        {
            await using var db = settings.Location.Connect();
            var (probe, _) = RecorderRead.Probe(RecorderRead.ReadTimeout, settings.Time);
            foreach (var target in targets)
            {
                run.Add(await RecorderRead.ReadAsync(db, probe!, settings.Time, run.Actor, target, logins, port: 80, RetentionVia.Any, run.Stopping));
            }
            run.Finish(null, settings.Time.GetUtcNow());
        }
        catch (OperationCanceledException) when (run.Stopping.IsCancellationRequested)
        {
            run.Finish("stopped with the server; what was read is kept", settings.Time.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "The read of recorders' retention failed");
            run.Finish(e is RegisterException ? e.Message : "the read could not be recorded; the server log has the details", settings.Time.GetUtcNow());
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>When the server stops, a running read stops too.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Current is { Running: true } run)
        {
            run.Stop();
            await run.Completion.WaitAsync(cancellationToken);
        }
    }
}

/// <summary>A read of recorders as the API shows it: whether it runs, who started it, how many it asks, and each answer so far.</summary>
public sealed record RetentionReadStatus(bool Running, string Actor, DateTimeOffset Started, DateTimeOffset? Ended, int Asked, string? Failure,
    IReadOnlyList<RecorderRead.Row> Rows)
{
    public static RetentionReadStatus Of(RetentionRun run) => new(run.Running, run.Actor, run.Started, run.Ended, run.Asked, run.Failure, run.Rows);
}

/// <summary>A read of recorders started from the Log book page: who started it, how many recorders it asks, and each answer so far.</summary>
// As WebScan: the stop source has no timer and its wait handle is never taken, so it holds nothing to release.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "see above")]
public sealed class RetentionRun(int asked, string actor, DateTimeOffset started)
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<RecorderRead.Row> _rows = [];
    // Set once, when the read ends; read by page requests on other threads.
    private volatile Ending? _ending;

    private sealed record Ending(string? Failure, DateTimeOffset Ended);

    public int Asked => asked;

    public string Actor => actor;

    public DateTimeOffset Started => started;

    /// <summary>The answers so far, in the order asked.</summary>
    public IReadOnlyList<RecorderRead.Row> Rows
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows];
            }
        }
    }

    public bool Running => _ending is null;

    /// <summary>Why the read ended early, when it did.</summary>
    public string? Failure => _ending?.Failure;

    public DateTimeOffset? Ended => _ending?.Ended;

    /// <summary>Finishes when the read has ended.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    internal CancellationToken Stopping => _stop.Token;

    internal void Stop() => _stop.Cancel();

    internal void Add(RecorderRead.Row row)
    {
        lock (_gate)
        {
            _rows.Add(row);
        }
    }

    internal void Finish(string? failure, DateTimeOffset ended) => _ending = new Ending(failure, ended);
}
