using Sightline.Knowledge;

namespace Sightline.Identification;

/// <summary>
/// What Sightline concludes about a device and why: the platform maker (null when unknown: below
/// <see cref="Identifier.Threshold"/>, or not a surveillance device), brand as sold, model, firmware,
/// device class, and whether the device looks white-labelled, with the <see cref="Tells"/> that gave its platform away.
/// Every claim in <see cref="Evidence"/> names its rule and observation.
/// </summary>
public sealed record Verdict(
    Maker? Platform,
    double PlatformConfidence,
    string? Brand,
    string? Model,
    string? Firmware,
    string? DeviceClass,
    bool WhiteLabelSuspected,
    IReadOnlyList<Tell> Tells,
    IReadOnlyList<PlatformCandidate> Candidates,
    IReadOnlyList<Claim> Evidence,
    IReadOnlyList<string> Notes)
{
    /// <summary>The confidence in words: confirmed (≥ 0.9), probable (≥ 0.7), possible (≥ 0.5), unknown.</summary>
    public string ConfidenceWord => Identifier.ConfidenceWord(PlatformConfidence);
}
