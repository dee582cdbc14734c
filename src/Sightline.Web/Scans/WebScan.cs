using Sightline.Scanning;

namespace Sightline.Web.Scans;

/// <summary>A scan started from the web: its scope, who started it, its live counters, and — once it has ended — what it found.</summary>
// The stop source has no timer and its wait handle is never taken, so it holds nothing to release; a page may still ask
// to stop a scan that has just ended, which a disposed source would refuse.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "see above")]
public sealed class WebScan(string scope, long addresses, string actor, DateTimeOffset started)
{
    private readonly CancellationTokenSource _stop = new();
    // Set once, when the scan ends; read by page requests on other threads.
    private volatile Outcome? _outcome;

    private sealed record Outcome(IReadOnlyList<ScanFinding> Findings, bool Complete, int Missing, DateTimeOffset Ended, string? Failure);

    public string Scope => scope;

    public string Actor => actor;

    public DateTimeOffset Started => started;

    public ScanProgress Progress { get; } = new() { Total = addresses };

    /// <summary>The hosts found, in address order, with what the register did; empty until the scan ends.</summary>
    public IReadOnlyList<ScanFinding> Findings => _outcome?.Findings ?? [];

    public bool Complete => _outcome?.Complete == true;

    /// <summary>Registered devices in the scope that did not answer (only a complete scan marks them).</summary>
    public int Missing => _outcome?.Missing ?? 0;

    public DateTimeOffset? Ended => _outcome?.Ended;

    /// <summary>Why the scan could not be recorded, when it could not.</summary>
    public string? Failure => _outcome?.Failure;

    public bool Running => _outcome is null;

    /// <summary>The scan's id once recorded (its audit entry's sequence), which names its findings.</summary>
    public long? Id { get; internal set; }

    public bool StopRequested => _stop.IsCancellationRequested;

    internal CancellationToken Stopping => _stop.Token;

    /// <summary>Finishes when the scan has ended and the register has been written.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    public void Stop() => _stop.Cancel();

    /// <summary>The state in one word: running, stopping, complete, stopped or failed.</summary>
    public string State => _outcome switch
    {
        null => StopRequested ? "stopping" : "running",
        { Failure: not null } => "failed",
        { Complete: true } => "complete",
        _ => "stopped",
    };

    internal void Finish(IReadOnlyList<ScanFinding> findings, bool complete, int missing, DateTimeOffset ended) =>
        _outcome = new Outcome(findings, complete, missing, ended, null);

    internal void Fail(string failure, DateTimeOffset ended) => _outcome = new Outcome([], false, 0, ended, failure);
}
