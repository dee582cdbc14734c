namespace Sightline.Identification;

/// <summary>A person's decision on a device's platform maker, with the reason; it outlasts re-identification.</summary>
public sealed class IdentityOverride
{
    /// <summary>The device.</summary>
    public int DeviceId { get; set; }

    /// <summary>Maker id decided on.</summary>
    public required string Maker { get; set; }

    /// <summary>Why.</summary>
    public required string Reason { get; set; }

    /// <summary>Who decided.</summary>
    public required string Actor { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTimeOffset Time { get; set; }
}
