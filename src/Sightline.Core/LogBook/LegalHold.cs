namespace Sightline.LogBook;

/// <summary>
/// Footage preserved from routine deletion for a request, an incident or a case, exempt from the retention policy until
/// released, with who placed it, why and until when it is reviewed.
/// </summary>
public sealed class LegalHold
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Why footage is held.</summary>
    public HoldReason Reason { get; set; }

    /// <summary>The request, incident or case it is for (a crime number, a SAR's ID…).</summary>
    public string? Reference { get; set; }

    /// <summary>The systems whose footage is held, by ID, separated by ';'.</summary>
    public string? Systems { get; set; }

    /// <summary>The cameras whose footage is held, by asset ID, separated by ';'; empty for every camera of the systems.</summary>
    public string? Cameras { get; set; }

    /// <summary>The start of the footage held.</summary>
    public DateTimeOffset? FootageFrom { get; set; }

    /// <summary>The end of the footage held.</summary>
    public DateTimeOffset? FootageTo { get; set; }

    /// <summary>The day it was placed.</summary>
    public DateOnly Placed { get; set; }

    /// <summary>Who placed it.</summary>
    public string PlacedBy { get; set; } = "";

    /// <summary>The day it must be reviewed by (kept on, or released).</summary>
    public DateOnly ReviewBy { get; set; }

    /// <summary>The day it was released; null while it holds.</summary>
    public DateOnly? Released { get; set; }

    /// <summary>Who released it.</summary>
    public string? ReleasedBy { get; set; }

    /// <summary>Why it was released.</summary>
    public string? ReleaseReason { get; set; }

    /// <summary>Notes.</summary>
    public string? Notes { get; set; }
}

/// <summary>Why footage is held.</summary>
public enum HoldReason
{
    /// <summary>A subject access request (placed by the request itself).</summary>
    SubjectAccess,
    /// <summary>A request from the police or another third party.</summary>
    DisclosureRequest,
    /// <summary>An incident under investigation.</summary>
    Incident,
    /// <summary>Legal proceedings.</summary>
    LegalCase,
    /// <summary>An insurance claim.</summary>
    Insurance,
    /// <summary>Another reason, given in the notes.</summary>
    Other,
}
