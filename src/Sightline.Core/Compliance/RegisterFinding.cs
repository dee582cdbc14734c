namespace Sightline.Compliance;

/// <summary>
/// One thing the register shows about a principle for a system: its status, what it says, the number it counts, the first of the
/// devices behind that number (by ID; a register of a million devices cannot list them all in every view), and where
/// the rule and the data come from.
/// </summary>
public sealed record RegisterFinding(FindingStatus Status, string Text, long Count, IReadOnlyList<int> Devices, string Source);
