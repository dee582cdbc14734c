namespace Sightline.Audit;

/// <summary>Where and how the audit chain is broken.</summary>
public sealed record AuditBreak(long Sequence, string Reason);
