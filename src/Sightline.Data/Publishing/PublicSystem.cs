using Sightline.Compliance;
using Sightline.Publishing;

namespace Sightline.Data.Publishing;

/// <summary>
/// A system's public page and its entry in systems.json: what it is for, on what basis, who answers for it, how long it keeps
/// recordings, its cameras by platform maker, the register's compliance status by principle, the published self-assessment
/// and DPIA summary — each null when withheld (and then named in <see cref="Withheld"/> with its basis) or not recorded.
/// </summary>
public sealed record PublicSystem(
    int Id,
    string Name,
    string Type,
    bool PublicSpace,
    IReadOnlyList<string>? Purposes,
    string? LawfulBasis,
    string? Controller,
    IReadOnlyList<string>? JointControllers,
    int? RetentionDays,
    long Cameras,
    long OtherDevices,
    IReadOnlyList<PublicMakerCount>? Makers,
    IReadOnlyList<(Principle Principle, FindingStatus Status)>? Compliance,
    PublicAssessment? SelfAssessment,
    PublicDpia? Dpia,
    LocationLevel Location,
    IReadOnlyList<PublicWithholding> Withheld,
    IReadOnlySet<PublicField> WithheldFields,
    DateTimeOffset? LastChanged);
