namespace Sightline.Data.Remediation;

/// <summary>At the end of a month: how many plan lines were due by then (their target passed) and how many were done by then.</summary>
public sealed record ProgressPoint(DateOnly MonthEnd, int Due, int Done);
