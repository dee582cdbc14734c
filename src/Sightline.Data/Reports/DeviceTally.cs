using Sightline.Register;

namespace Sightline.Data.Reports;

/// <summary>
/// A system's devices in service (decommissioned ones are not counted): the total, by kind, by platform maker with the
/// brands white-labelled devices were sold under, and those flagged in each risk dimension (the stored verdicts, as
/// `devices list --flagged` reads them).
/// </summary>
public sealed record DeviceTally(
    long Total,
    IReadOnlyList<(DeviceKind Kind, long Count)> ByKind,
    IReadOnlyList<MakerCount> ByMaker,
    long HumanRights,
    long SecurityTrust,
    long CyberHygiene)
{
    /// <summary>No devices.</summary>
    public static DeviceTally None { get; } = new(0, [], [], 0, 0, 0);
}
