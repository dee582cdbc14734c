using System.Net;
using Sightline.Identification;

namespace Sightline.Data.Scanning;

/// <summary>What a scan gives <see cref="ScanRecord"/> for one host: what answered, what it said, what the scanner noted, and the verdict.</summary>
public sealed record ScannedHost(IPAddress Address, string? Mac, IReadOnlyList<int> OpenPorts, IReadOnlyList<Observation> Observations,
    IReadOnlyList<string> Notes, Verdict Verdict);
