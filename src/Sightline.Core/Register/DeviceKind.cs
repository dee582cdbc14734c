namespace Sightline.Register;

/// <summary>What a device is, as a CCTV manager would say it.</summary>
public enum DeviceKind
{
    /// <summary>A camera.</summary>
    Camera,
    /// <summary>A network video recorder.</summary>
    Nvr,
    /// <summary>A digital (analogue-input) video recorder.</summary>
    Dvr,
    /// <summary>A video encoder for analogue cameras.</summary>
    Encoder,
    /// <summary>Anything else on the system (switch, monitor, workstation).</summary>
    Other,
}
