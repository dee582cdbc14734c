namespace Sightline.Procurement;

/// <summary>
/// A due-diligence questionnaire sent to a supplier: the question set and version it was built from, the questions asked
/// (kept here, so that the record stands when the set changes), when it was sent and the deadline for answers.
/// </summary>
public sealed class Questionnaire
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The supplier it was sent to.</summary>
    public int SupplierId { get; set; }

    /// <summary>The question set's id.</summary>
    public string SetId { get; set; } = "";

    /// <summary>The question set's version.</summary>
    public string Version { get; set; } = "";

    /// <summary>The IDs of the questions asked, separated by ';'.</summary>
    public string Questions { get; set; } = "";

    /// <summary>The day it was sent.</summary>
    public DateOnly Sent { get; set; }

    /// <summary>The last day for answers.</summary>
    public DateOnly Deadline { get; set; }
}
