using Sightline.Data.Audit;
using Sightline.Register;

namespace Sightline.Data.Reports;

/// <summary>
/// The organisation's annual review of its surveillance camera systems (Code of Practice principle 10), as of
/// <see cref="Today"/>: everything <see cref="AnnualReportRead"/> read for the page the organisation publishes.
/// </summary>
public sealed record AnnualReport(
    Organisation? Organisation,
    ReportPeriod Period,
    DateOnly Today,
    IReadOnlyList<SystemReview> Systems,
    PeriodChanges Changes,
    LogBookYear LogBook,
    AuditLog.Check Audit);
