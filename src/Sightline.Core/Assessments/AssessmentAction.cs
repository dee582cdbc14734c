namespace Sightline.Assessments;

/// <summary>One action of an assessment's plan for a principle: what, who, by when, and how far it has got.</summary>
public sealed class AssessmentAction
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The assessment it belongs to.</summary>
    public int AssessmentId { get; set; }

    /// <summary>The principle (1–12).</summary>
    public int Principle { get; set; }

    /// <summary>What is to be done.</summary>
    public required string Text { get; set; }

    /// <summary>Who is responsible for it.</summary>
    public required string Owner { get; set; }

    /// <summary>When it is due.</summary>
    public DateOnly Due { get; set; }

    /// <summary>How far it has got.</summary>
    public ActionStatus Status { get; set; }

    /// <summary>When it was added (UTC).</summary>
    public DateTimeOffset Added { get; set; }

    /// <summary>Who added it.</summary>
    public required string AddedBy { get; set; }

    /// <summary>Overdue: not done and its due date has passed.</summary>
    public bool IsOverdue(DateOnly today) => Status != ActionStatus.Done && Due < today;
}
