namespace Sightline.Data.Reports;

/// <summary>
/// The log book over a report's period, in counts only: it holds personal data, and the annual report is published.
/// Requests, holds and disclosures count by the day they were received or placed; "in time" is by the request's due
/// date (one calendar month, with any extension); the recorders are their latest readings, as of the report's day.
/// </summary>
public sealed record LogBookYear(
    int RequestsReceived,
    int RequestsAnswered,
    int RequestsAnsweredInTime,
    int RequestsOpen,
    int RequestsOverdue,
    int DisclosureRequests,
    int Disclosed,
    int Refused,
    int HoldsPlaced,
    int HoldsInForce,
    int HoldsPastReview,
    int Viewings,
    int Exports,
    int RecordersRead,
    int RecordersOverPolicy);
