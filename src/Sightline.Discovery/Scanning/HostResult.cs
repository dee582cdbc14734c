using System.Net;
using Sightline.Identification;

namespace Sightline.Scanning;

/// <summary>What one responsive host gave: its open ports, the observations its services answered with, and notes on what timed out or was cut.</summary>
public sealed record HostResult(IPAddress Address, IReadOnlyList<int> OpenPorts, IReadOnlyList<Observation> Observations, IReadOnlyList<string> Notes);
