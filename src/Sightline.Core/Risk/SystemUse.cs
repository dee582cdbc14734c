namespace Sightline.Risk;

/// <summary>How a device is used: its system's stated purposes and whether the site is sensitive.</summary>
public sealed record SystemUse(string? Purposes, bool SensitiveSite)
{
    /// <summary>A device on no system: its purposes and site are unknown.</summary>
    public static SystemUse Unknown { get; } = new(null, false) { Known = false };

    /// <summary>False for a device on no system.</summary>
    public bool Known { get; private init; } = true;
}
