namespace Sightline.Procurement;

/// <summary>A stage's record on a case, and who signed it off and when (null until signed off; fixed after).</summary>
public sealed class CaseStageRecord
{
    /// <summary>The case.</summary>
    public int CaseId { get; set; }

    /// <summary>Which stage.</summary>
    public CaseStage Stage { get; set; }

    /// <summary>The record itself: the problem statement, requirement, specification's standards, evaluation, and so on.</summary>
    public string Text { get; set; } = "";

    /// <summary>Who last wrote the record.</summary>
    public string WrittenBy { get; set; } = "";

    /// <summary>When the record was last written.</summary>
    public DateTimeOffset WrittenAt { get; set; }

    /// <summary>The account that signed the stage off.</summary>
    public string? SignedOffBy { get; set; }

    /// <summary>When it was signed off.</summary>
    public DateTimeOffset? SignedOffAt { get; set; }
}
