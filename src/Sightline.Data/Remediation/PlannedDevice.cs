using Sightline.Remediation;
using Sightline.Risk;

namespace Sightline.Data.Remediation;

/// <summary>
/// A plan line as read: the line, the device it is for (with its place and platform maker), the dimensions it is
/// flagged in, where it stands against the UK sensitive-site rule (null when the rule does not apply), and whether it is overdue.
/// </summary>
public sealed record PlannedDevice(RemediationItem Item, string Device, string? Model, string? System, string? Site, string? Maker,
    RiskDimension Flags, BlockerState? Blocker, bool Overdue);
