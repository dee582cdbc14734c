using System.Net;
using Sightline.Identification;

namespace Sightline.Scanning;

/// <summary>
/// What one responsive host gave: its open ports, the observations its services answered with, its MAC when the
/// neighbour table knew it, its verdict when the scan identified, and notes on what timed out, was cut or was refused.
/// </summary>
public sealed record HostResult(IPAddress Address, IReadOnlyList<int> OpenPorts, IReadOnlyList<Observation> Observations, IReadOnlyList<string> Notes)
{
    /// <summary>The MAC from the neighbour table, when the host is on a local link.</summary>
    public string? Mac { get; init; }

    /// <summary>What the observations point to, when the scan was given an identifier.</summary>
    public Verdict? Verdict { get; init; }
}
