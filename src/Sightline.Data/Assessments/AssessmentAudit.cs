namespace Sightline.Data.Assessments;

/// <summary>The audit log's entity types and actions for self-assessments, so every writer names them alike.</summary>
public static class AssessmentAudit
{
    /// <summary>Entity type of entries about an assessment (the entity id is the assessment's).</summary>
    public const string Assessment = "assessment";

    /// <summary>Entity type of entries about a question set (the entity id is "SET VERSION").</summary>
    public const string QuestionSet = "question-set";

    public const string Load = "load";
    public const string Start = "start";
    public const string Answer = "answer";
    public const string AddEvidence = "add-evidence";
    public const string DecideFinding = "decide-finding";
    public const string AddAction = "add-action";
    public const string ActionStatus = "action-status";
    public const string SignOff = "sign-off";
    public const string Publish = "publish";
    public const string Import = "import";
}
