namespace Sightline.Scanning;

/// <summary>Limits that keep a scan polite and bounded: every connect, read and host has a deadline and a size cap.</summary>
public sealed record ScanOptions
{
    /// <summary>The camera ports tried on every host (fingerprinting.md §9.2, without the TLS ones for now).</summary>
    public IReadOnlyList<int> Ports { get; init; } = [80, 554, 8000, 8080, 37777, 34567];

    /// <summary>How long a connect may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How long a service has to answer a probe.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Most bytes kept from one answer.</summary>
    public int MaxBytes { get; init; } = 64 * 1024;

    /// <summary>Connections open at once, over the whole scan.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Least time between two connection attempts (500 a second by default).</summary>
    public TimeSpan AttemptInterval { get; init; } = TimeSpan.FromMilliseconds(2);
}
