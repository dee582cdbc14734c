namespace Sightline.Publishing;

/// <summary>How precisely a device's location is published. Its word (exact, street, area, hidden) is what users type.</summary>
public enum LocationLevel
{
    /// <summary>The register's coordinates as they are.</summary>
    Exact,
    /// <summary>Rounded to 3 decimal places of a degree: about 110 m north–south, 70 m east–west in Britain.</summary>
    Street,
    /// <summary>Rounded to 2 decimal places of a degree: about 1.1 km north–south, 0.7 km east–west in Britain.</summary>
    Area,
    /// <summary>No location is published.</summary>
    Hidden,
}
