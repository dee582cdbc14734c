namespace Sightline.Data.Compliance;

/// <summary>
/// How far the audit log has been read for DPIA review triggers (one row): triggers are raised from the entries after it,
/// so every writer (import, scan, web edit) is covered without each one raising them itself.
/// </summary>
public sealed class TriggerWatermark
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; } = 1;

    /// <summary>The last audit entry read.</summary>
    public long Sequence { get; set; }
}
