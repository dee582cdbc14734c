namespace Sightline.Register;

/// <summary>The kind of surveillance a system does.</summary>
public enum SystemType
{
    /// <summary>Closed-circuit television.</summary>
    Cctv,
    /// <summary>Automatic number-plate recognition.</summary>
    Anpr,
    /// <summary>Body-worn video.</summary>
    BodyWorn,
    /// <summary>Drones.</summary>
    Drone,
    /// <summary>Facial recognition.</summary>
    FacialRecognition,
    /// <summary>Video analytics.</summary>
    Analytics,
    /// <summary>Anything else.</summary>
    Other,
}
