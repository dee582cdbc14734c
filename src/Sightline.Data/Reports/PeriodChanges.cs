namespace Sightline.Data.Reports;

/// <summary>
/// What the audit log shows changed in the register during a report's period, counted by entry: devices added, taken out
/// of service, moved (site or position changed), identity overrides made or withdrawn, asset lists imported, scans.
/// </summary>
public sealed record PeriodChanges(long Added, long Decommissioned, long Moved, long Overrides, long Imports, long Scans);
