namespace Sightline.Register;

/// <summary>How the Surveillance Camera Code of Practice applies to an organisation (PoFA 2012 s.33).</summary>
public enum PofaStatus
{
    /// <summary>Neither bound nor a voluntary adopter.</summary>
    Neither,
    /// <summary>A relevant authority under s.33(5), which must have regard to the Code.</summary>
    RelevantAuthority,
    /// <summary>Not bound, but has adopted the Code voluntarily.</summary>
    VoluntaryAdopter,
}
