namespace Sightline.Publishing;

/// <summary>
/// What a publication rule may withhold. The system's own fields apply to a system; the device fields apply to its
/// devices (a system's rule is the default for every device on it) or to one device. Words as users type them.
/// </summary>
public enum PublicField
{
    /// <summary>A system's purposes.</summary>
    Purposes,
    /// <summary>A system's lawful basis.</summary>
    LawfulBasis,
    /// <summary>A system's data controller, joint controllers and operator.</summary>
    Controller,
    /// <summary>How long a system keeps recordings.</summary>
    Retention,
    /// <summary>A system's camera counts by platform maker and brand.</summary>
    Makers,
    /// <summary>A system's compliance status by Code principle.</summary>
    Compliance,
    /// <summary>A system's published self-assessment.</summary>
    SelfAssessment,
    /// <summary>A system's DPIA summary.</summary>
    Dpia,
    /// <summary>A device's platform maker.</summary>
    Maker,
    /// <summary>A device's brand as sold.</summary>
    Brand,
    /// <summary>A device's capabilities (ANPR, face recognition, PTZ…).</summary>
    Capabilities,
    /// <summary>The direction a device faces.</summary>
    Direction,
    /// <summary>The device altogether: it is left out of every public list, file and count.</summary>
    Device,
}
