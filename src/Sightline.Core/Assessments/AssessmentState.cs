namespace Sightline.Assessments;

/// <summary>Where a self-assessment is in its life: draft → complete (signed off) → published.</summary>
public enum AssessmentState
{
    /// <summary>Being answered; answers, evidence and actions may change.</summary>
    Draft,
    /// <summary>Signed off by a named person; no longer changes.</summary>
    Complete,
    /// <summary>Complete and made public.</summary>
    Published,
}
