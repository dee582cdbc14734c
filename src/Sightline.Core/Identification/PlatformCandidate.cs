using Sightline.Knowledge;

namespace Sightline.Identification;

/// <summary>A maker the evidence points to, with the combined weight of its independent evidence groups.</summary>
public sealed record PlatformCandidate(Maker Maker, double Score);
