namespace Sightline.Register;

/// <summary>What a device can do that matters for privacy and the Code of Practice.</summary>
[Flags]
public enum Capabilities
{
    /// <summary>No listed capability.</summary>
    None = 0,
    /// <summary>Live or retrospective facial recognition.</summary>
    FaceRecognition = 1,
    /// <summary>Automatic number-plate recognition.</summary>
    Anpr = 2,
    /// <summary>Records or streams audio.</summary>
    Audio = 4,
    /// <summary>Pan, tilt and zoom.</summary>
    Ptz = 8,
    /// <summary>Video analytics (people counting, line crossing, behaviour).</summary>
    Analytics = 16,
    /// <summary>Thermal imaging.</summary>
    Thermal = 32,
    /// <summary>Infrared illumination for night view.</summary>
    Infrared = 64,
}
