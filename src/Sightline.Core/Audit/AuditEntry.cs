namespace Sightline.Audit;

/// <summary>
/// One event in the register's history: who did what to which entity, with the values before and after.
/// Each entry holds the hash of the one before it, so an edited, removed or reordered entry is detectable.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the log, from 1 with no gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When it happened (UTC, whole microseconds so that every database keeps it exactly).</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>Who did it: a user name, or "cli:NAME" for the command line.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done: create, update, decommission, import, init, upgrade…</summary>
    public required string Action { get; set; }

    /// <summary>The kind of entity: device, site, system, register, file.</summary>
    public required string EntityType { get; set; }

    /// <summary>The entity's key.</summary>
    public required string EntityId { get; set; }

    /// <summary>The changed values before, as a JSON object; null for a creation.</summary>
    public string? Before { get; set; }

    /// <summary>The changed values after, as a JSON object.</summary>
    public string? After { get; set; }

    /// <summary>Hash of the previous entry; empty for the first.</summary>
    public required string PreviousHash { get; set; }

    /// <summary>SHA-256 over this entry's fields and <see cref="PreviousHash"/>, in lower-case hex.</summary>
    public required string Hash { get; set; }
}
