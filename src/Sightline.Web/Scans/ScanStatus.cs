namespace Sightline.Web.Scans;

/// <summary>A web scan as the API shows it: state, counters and, once ended, what it found.</summary>
public sealed record ScanStatus(string State, string Scope, string Actor, DateTimeOffset Started, DateTimeOffset? Ended, long Addresses, long Probed,
    long OpenPorts, long Hosts, long Identified, int Missing, string? Failure, IReadOnlyList<ScanFinding> Findings)
{
    public static ScanStatus Of(WebScan scan) => new(scan.State, scan.Scope, scan.Actor, scan.Started, scan.Ended, scan.Progress.Total, scan.Progress.Probed,
        scan.Progress.OpenPorts, scan.Progress.Hosts, scan.Progress.Identified, scan.Missing, scan.Failure, scan.Findings);
}
