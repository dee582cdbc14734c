namespace Sightline.Assessments;

/// <summary>The answer to one question of an assessment: closed (yes / partly / no / not applicable) and open text.</summary>
public sealed class AssessmentAnswer
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The assessment it belongs to.</summary>
    public int AssessmentId { get; set; }

    /// <summary>The question's id in the assessment's set.</summary>
    public required string QuestionId { get; set; }

    /// <summary>The principle the question belongs to (1–12).</summary>
    public int Principle { get; set; }

    /// <summary>The closed answer; null while only text has been given.</summary>
    public ClosedAnswer? Answer { get; set; }

    /// <summary>The open answer.</summary>
    public string? Text { get; set; }

    /// <summary>When it was last changed (UTC).</summary>
    public DateTimeOffset Answered { get; set; }

    /// <summary>Who gave the answer.</summary>
    public required string AnsweredBy { get; set; }
}
