namespace Sightline.Assessments;

/// <summary>
/// A self-assessment against the Code's twelve principles, covering one or more systems and following one stored
/// question set. Answers, evidence and actions hang off it.
/// </summary>
public sealed class SelfAssessment
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>A name for people ("Town centre CCTV 2026").</summary>
    public required string Title { get; set; }

    /// <summary>Where it is in its life cycle.</summary>
    public AssessmentState State { get; set; }

    /// <summary>The stored question set it follows.</summary>
    public int QuestionSetId { get; set; }

    /// <summary>When it was started (UTC).</summary>
    public DateTimeOffset Started { get; set; }

    /// <summary>Who started it.</summary>
    public required string StartedBy { get; set; }

    /// <summary>The named person who signed it off as complete (with their role, as they gave it).</summary>
    public string? SignedOffBy { get; set; }

    /// <summary>When it was signed off (UTC).</summary>
    public DateTimeOffset? SignedOff { get; set; }

    /// <summary>The account or CLI actor that recorded the sign-off.</summary>
    public string? SignOffRecordedBy { get; set; }

    /// <summary>When it was published (UTC).</summary>
    public DateTimeOffset? Published { get; set; }

    /// <summary>Who published it.</summary>
    public string? PublishedBy { get; set; }
}
