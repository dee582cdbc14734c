namespace Sightline.Data.Audit;

/// <summary>
/// A copy, kept in the register for convenience, of a checkpoint written out as a file. The file is the anchor: whoever
/// can cut the log can also delete these rows.
/// </summary>
public sealed class StoredCheckpoint
{
    public long Id { get; set; }

    /// <summary>The newest entry it covers.</summary>
    public long Sequence { get; set; }

    /// <summary>When it was signed.</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>The file it was written to.</summary>
    public required string File { get; set; }

    /// <summary>The whole signed text, as in the file.</summary>
    public required string Text { get; set; }
}
