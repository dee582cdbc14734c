namespace Sightline.Scanning;

/// <summary>Counters a scan keeps as it goes, safe to read from another thread for a progress display.</summary>
public sealed class ScanProgress
{
    private long _probed, _openPorts, _hosts, _identified;

    /// <summary>Addresses in the scope.</summary>
    public long Total { get; init; }

    /// <summary>Addresses finished.</summary>
    public long Probed => Interlocked.Read(ref _probed);

    /// <summary>Open ports found.</summary>
    public long OpenPorts => Interlocked.Read(ref _openPorts);

    /// <summary>Hosts that answered.</summary>
    public long Hosts => Interlocked.Read(ref _hosts);

    /// <summary>Hosts whose platform maker was identified.</summary>
    public long Identified => Interlocked.Read(ref _identified);

    internal void AddressDone() => Interlocked.Increment(ref _probed);

    internal void PortOpen() => Interlocked.Increment(ref _openPorts);

    internal void HostFound() => Interlocked.Increment(ref _hosts);

    /// <summary>Counts a host as identified (the caller identifies, the scanner does not).</summary>
    public void HostIdentified() => Interlocked.Increment(ref _identified);
}
