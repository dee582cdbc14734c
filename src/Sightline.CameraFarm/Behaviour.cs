namespace Sightline.CameraFarm;

/// <summary>How a farm device treats a connection.</summary>
public enum Behaviour
{
    /// <summary>Answers as its persona does.</summary>
    Normal,
    /// <summary>Accepts and never answers.</summary>
    Silent,
    /// <summary>Answers one byte a second.</summary>
    Trickle,
    /// <summary>Answers binary noise.</summary>
    Garbage,
    /// <summary>Answers a 10 MB header.</summary>
    Huge,
    /// <summary>Resets the connection at once.</summary>
    Reset,
}
