using Sightline.Assessments;

namespace Sightline.Data.Assessments;

/// <summary>One line of the list of assessments.</summary>
public sealed record AssessmentSummary(
    int Id,
    string Title,
    AssessmentState State,
    IReadOnlyList<string> Systems,
    string QuestionSet,
    DateTimeOffset Started,
    DateTimeOffset? SignedOff,
    string? SignedOffBy,
    DateTimeOffset? Published,
    int Answered,
    int Questions,
    int Overdue,
    IReadOnlyList<string> StaleReasons);
