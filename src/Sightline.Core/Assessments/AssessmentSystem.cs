namespace Sightline.Assessments;

/// <summary>One system in an assessment's scope.</summary>
public sealed class AssessmentSystem
{
    /// <summary>The assessment it belongs to.</summary>
    public int AssessmentId { get; set; }

    /// <summary>The system in scope.</summary>
    public int SystemId { get; set; }
}
