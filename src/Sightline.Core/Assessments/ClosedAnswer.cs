namespace Sightline.Assessments;

/// <summary>The closed answer to a question.</summary>
public enum ClosedAnswer
{
    /// <summary>Fully.</summary>
    Yes,
    /// <summary>In part.</summary>
    Partly,
    /// <summary>Not at all.</summary>
    No,
    /// <summary>Does not apply to this scope.</summary>
    NotApplicable,
}
