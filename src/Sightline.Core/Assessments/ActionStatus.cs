namespace Sightline.Assessments;

/// <summary>How far an action of the plan has got.</summary>
public enum ActionStatus
{
    /// <summary>Not started.</summary>
    Open,
    /// <summary>Under way.</summary>
    InProgress,
    /// <summary>Finished.</summary>
    Done,
}
