namespace Sightline.Assessments;

/// <summary>
/// Whether a signed-off assessment is still current: it goes stale 12 months after sign-off, or as soon as the
/// current question set is another version or was written for another version of the Code.
/// </summary>
public static class AssessmentCurrency
{
    /// <summary>How long an assessment stays current.</summary>
    public const int MonthsCurrent = 12;

    /// <summary>Why the assessment is stale, empty when it is current (a draft is never stale: it is not finished).</summary>
    public static IReadOnlyList<string> StaleReasons(SelfAssessment assessment, StoredQuestionSet itsSet, StoredQuestionSet current,
        DateTimeOffset now)
    {
        var reasons = new List<string>();
        if (assessment.State == AssessmentState.Draft || assessment.SignedOff is not { } signed)
        {
            return reasons;
        }
        if (now >= signed.AddMonths(MonthsCurrent))
        {
            reasons.Add($"signed off more than {MonthsCurrent} months ago ({signed:yyyy-MM-dd})");
        }
        if (current.CodeVersion != itsSet.CodeVersion)
        {
            reasons.Add($"written for Code version {itsSet.CodeVersion}; the current question set follows version {current.CodeVersion}");
        }
        if (current.SetId != itsSet.SetId || current.Version != itsSet.Version)
        {
            reasons.Add($"answers question set {itsSet.SetId} {itsSet.Version}; the current set is {current.SetId} {current.Version}");
        }
        return reasons;
    }
}
