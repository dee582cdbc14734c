namespace Sightline.Assessments;

/// <summary>
/// A question set as loaded into the register: its JSON kept whole, so an assessment made with it stays readable after
/// a newer set is loaded. The newest loaded set is the current one.
/// </summary>
public sealed class StoredQuestionSet
{
    /// <summary>Surrogate key; the highest is the current set.</summary>
    public int Id { get; set; }

    /// <summary>The set's own id.</summary>
    public required string SetId { get; set; }

    /// <summary>The set's version.</summary>
    public required string Version { get; set; }

    /// <summary>The version of the Code of Practice it was written for.</summary>
    public required string CodeVersion { get; set; }

    /// <summary>The file as loaded.</summary>
    public required string Json { get; set; }

    /// <summary>When it was loaded (UTC).</summary>
    public DateTimeOffset Loaded { get; set; }

    /// <summary>Who loaded it.</summary>
    public required string LoadedBy { get; set; }
}
