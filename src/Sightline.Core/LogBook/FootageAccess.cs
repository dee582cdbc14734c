namespace Sightline.LogBook;

/// <summary>
/// One viewing or export of footage: who, which system and cameras, which time range, why, and for an export the hash of
/// the file made and when that copy was deleted. Entered in the web or the CLI, or imported from a video management
/// system's own log.
/// </summary>
public sealed class FootageAccess
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>When the footage was viewed or exported.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who viewed or exported it.</summary>
    public string Person { get; set; } = "";

    /// <summary>Viewed or exported.</summary>
    public AccessAction Action { get; set; }

    /// <summary>The system, by ID.</summary>
    public int? SystemId { get; set; }

    /// <summary>The cameras, by asset ID, separated by ';'.</summary>
    public string? Cameras { get; set; }

    /// <summary>The start of the footage.</summary>
    public DateTimeOffset? FootageFrom { get; set; }

    /// <summary>The end of the footage.</summary>
    public DateTimeOffset? FootageTo { get; set; }

    /// <summary>Why.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The request it served: "sar:3", "disclosure:5", a crime number…</summary>
    public string? Reference { get; set; }

    /// <summary>The SHA-256 of the exported file, lower-case hex.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The day an exported copy was deleted; null while it is kept (or for a viewing).</summary>
    public DateOnly? CopyDeleted { get; set; }

    /// <summary>Where the entry came from: web, cli, or the imported file's name.</summary>
    public string Source { get; set; } = "";
}

/// <summary>What was done with footage.</summary>
public enum AccessAction
{
    /// <summary>Watched, no copy made.</summary>
    Viewed,
    /// <summary>Copied out of the system to a file.</summary>
    Exported,
}
