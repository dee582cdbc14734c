using Sightline.Knowledge;

namespace Sightline.Risk;

/// <summary>
/// One designation, concern or vulnerability considered for a device. <see cref="Applies"/> is true when
/// it applies to this device in this use, false when it does not (and <see cref="Why"/> says why not),
/// null when it cannot be told (the model, firmware or purposes are unknown).
/// </summary>
public sealed record RiskFinding(
    RiskDimension Dimension,
    string Kind,
    string Id,
    string Title,
    string Detail,
    bool? Applies,
    string Why,
    bool Kev,
    Provenance Provenance);
