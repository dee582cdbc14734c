namespace Sightline.Compliance;

/// <summary>
/// Something that calls for a system's DPIA to be reviewed (devices added, moved or removed; a face-recognition, ANPR
/// or analytics capability appearing; a new system; a year passed). It stays open until the DPIA is reviewed.
/// </summary>
public sealed class DpiaTrigger
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The system whose DPIA it concerns.</summary>
    public int SystemId { get; set; }

    /// <summary>What happened: devices-added, devices-moved, devices-removed, capability, new-system, year-passed.</summary>
    public required string Kind { get; set; }

    /// <summary>What it is about, in words (e.g. "3 devices added by scan 2026-12-06").</summary>
    public required string Detail { get; set; }

    /// <summary>When it was raised (UTC).</summary>
    public DateTimeOffset Raised { get; set; }

    /// <summary>For a capability trigger, the capability that appeared (face-recognition, anpr, analytics); null otherwise.</summary>
    public string? Capability { get; set; }

    /// <summary>How many devices (or events) are behind it; an open trigger counts up as more of the same happens.</summary>
    public int Count { get; set; }

    /// <summary>The newest audit entry behind it (its sequence); 0 for a year passed.</summary>
    public long LastEntry { get; set; }

    /// <summary>When a DPIA review cleared it (UTC); null while open.</summary>
    public DateTimeOffset? Cleared { get; set; }
}
