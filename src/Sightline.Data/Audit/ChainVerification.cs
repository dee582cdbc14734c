namespace Sightline.Data.Audit;

/// <summary>
/// The point up to which the audit log's hash chain was last verified in full (one row): reads that need the chain's
/// state (the compliance findings) verify only the entries after it, chained onto its hash, instead of the whole log.
/// </summary>
public sealed class ChainVerification
{
    /// <summary>Always 1: the register keeps only the newest point.</summary>
    public int Id { get; set; } = 1;

    /// <summary>The newest entry the full verification covered (entries 1 to this one).</summary>
    public long Sequence { get; set; }

    /// <summary>That entry's hash when it was verified.</summary>
    public required string Hash { get; set; }

    /// <summary>When the full verification ran.</summary>
    public DateTimeOffset Time { get; set; }
}
