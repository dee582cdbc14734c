namespace Sightline.Data.Publishing;

/// <summary>A published self-assessment, summarised: its title, when signed off and published, and its answers by principle.</summary>
public sealed record PublicAssessment(string Title, string QuestionSet, DateTimeOffset? SignedOff, DateTimeOffset? Published, bool Stale,
    IReadOnlyList<PublicAssessment.PrincipleAnswers> Principles)
{
    /// <summary>The count of each answer to one principle's questions.</summary>
    public sealed record PrincipleAnswers(int Number, string Title, int Yes, int Partly, int No, int NotApplicable, int Unanswered);
}
