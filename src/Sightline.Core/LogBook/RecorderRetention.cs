namespace Sightline.LogBook;

/// <summary>
/// How long a recorder said it is configured to keep what it records, read from the device itself with the operator's
/// login (`sightline logbook retention read`): the evidence, for principle 6, that recordings are kept no longer than the
/// policy. Every reading is kept; the latest for a device is the one judged.
/// </summary>
public sealed class RecorderRetention
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The recorder read.</summary>
    public int DeviceId { get; set; }

    /// <summary>When it was read.</summary>
    public DateTimeOffset ReadAt { get; set; }

    /// <summary>Who read it.</summary>
    public string ReadBy { get; set; } = "";

    /// <summary>The call that said it, e.g. "ONVIF GetRecordings".</summary>
    public string Method { get; set; } = "";

    /// <summary>The longest limit, in days, among the recordings or tracks that have one; 0 when none has.</summary>
    public int LongestDays { get; set; }

    /// <summary>Whether some recording or track is kept with no limit but the disk.</summary>
    public bool Unlimited { get; set; }

    /// <summary>Each recording or track and its limit, in words.</summary>
    public string Detail { get; set; } = "";
}
