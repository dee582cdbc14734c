namespace Sightline.Scanning;

/// <summary>Limits that keep a scan polite and bounded: every connect, read and host has a deadline and a size cap.</summary>
public sealed record ScanOptions
{
    /// <summary>The camera ports tried on every host (fingerprinting.md §9.2).</summary>
    public IReadOnlyList<int> Ports { get; init; } = [80, 443, 554, 8000, 8080, 8443, 37777, 34567];

    /// <summary>How long a connect may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How long a service has to answer a probe.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a server-speaks-first port is listened to.</summary>
    public TimeSpan GreetingTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a unicast UDP discovery probe waits for its reply (a closed port answers at once with ICMP).</summary>
    public TimeSpan UdpTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long multicast discovery listens for replies.</summary>
    public TimeSpan MulticastListen { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Most bytes kept from one answer.</summary>
    public int MaxBytes { get; init; } = 64 * 1024;

    /// <summary>Hosts probed at once, over the whole scan; each host gets one connection at a time.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Least time between two connection attempts (500 a second by default).</summary>
    public TimeSpan AttemptInterval { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Whether to send discovery to the multicast groups of local links in the scope.</summary>
    public bool Multicast { get; init; }

    /// <summary>
    /// The options an operator chose (connection attempts a second, 0 for no limit; hosts at once; seconds a device has
    /// to answer; multicast), or what is wrong with them. The CLI's and the web's scans both come through here.
    /// </summary>
    public static (ScanOptions? Options, string? Problem) Chosen(int rate, int concurrency, double readTimeout, bool multicast) =>
        rate < 0 || concurrency is < 1 or > 4096 || readTimeout is < 0.1 or > 60 || double.IsNaN(readTimeout)
            ? (null, "the rate cannot be negative, hosts at once must be between 1 and 4,096, and the read timeout between 0.1 and 60 seconds")
            : (new ScanOptions
            {
                AttemptInterval = rate == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1.0 / rate),
                Concurrency = concurrency,
                Multicast = multicast,
                ReadTimeout = TimeSpan.FromSeconds(readTimeout),
                UdpTimeout = TimeSpan.FromSeconds(Math.Min(readTimeout, 2)),
            }, null);
}
