using Sightline.Risk;

namespace Sightline.Identification;

/// <summary>
/// A device's verdict as stored in the register, for listing and filtering: derived from the register's
/// fields and the knowledge of <see cref="Knowledge"/>, and rewritten whenever either changes.
/// </summary>
public sealed class DeviceIdentity
{
    /// <summary>The device.</summary>
    public int DeviceId { get; set; }

    /// <summary>Maker id of the platform, null when unknown.</summary>
    public string? Platform { get; set; }

    /// <summary>Confidence in the platform, 0–1.</summary>
    public double Confidence { get; set; }

    /// <summary>Brand as sold, in its usual spelling.</summary>
    public string? Brand { get; set; }

    /// <summary>Device class (camera, nvr…), null when unknown.</summary>
    public string? DeviceClass { get; set; }

    /// <summary>Whether the device looks white-labelled.</summary>
    public bool WhiteLabel { get; set; }

    /// <summary>The risk dimensions in which something applies to this device in its system's use.</summary>
    public RiskDimension Flags { get; set; }

    /// <summary>Whether a person set the platform.</summary>
    public bool Overridden { get; set; }

    /// <summary>Version of the knowledge it was derived with.</summary>
    public required string Knowledge { get; set; }
}
