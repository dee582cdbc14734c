using Sightline.Assessments;

namespace Sightline.Data.Assessments;

/// <summary>
/// One assessment as people read it (the CLI's show, the pages, the published report): its question set, scope,
/// answers, evidence (without file bytes), actions, and whether it is stale, as of <paramref name="Today"/>.
/// </summary>
public sealed record AssessmentView(
    SelfAssessment Assessment,
    IReadOnlyList<string> Systems,
    StoredQuestionSet StoredSet,
    QuestionSet Set,
    IReadOnlyList<AssessmentAnswer> Answers,
    IReadOnlyList<AssessmentEvidence> Evidence,
    IReadOnlyList<AssessmentAction> Actions,
    IReadOnlyList<string> StaleReasons,
    DateOnly Today)
{
    /// <summary>The answer to a question, or null.</summary>
    public AssessmentAnswer? Answer(string questionId) => Answers.FirstOrDefault(a => a.QuestionId == questionId);

    /// <summary>A principle's evidence: links and files, and findings (accepted and rejected).</summary>
    public IEnumerable<AssessmentEvidence> EvidenceFor(int principle) => Evidence.Where(e => e.Principle == principle);

    /// <summary>A principle's action plan, by due date.</summary>
    public IEnumerable<AssessmentAction> ActionsFor(int principle) => Actions.Where(a => a.Principle == principle);

    /// <summary>Actions not done whose due date has passed.</summary>
    public IEnumerable<AssessmentAction> Overdue => Actions.Where(a => a.IsOverdue(Today));

    /// <summary>Questions with no closed answer yet.</summary>
    public IEnumerable<Question> Unanswered => Set.All.Select(q => q.Question).Where(q => Answer(q.Id)?.Answer is null);

    public bool IsStale => StaleReasons.Count > 0;
}
