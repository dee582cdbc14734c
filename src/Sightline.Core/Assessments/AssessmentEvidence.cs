namespace Sightline.Assessments;

/// <summary>
/// Evidence for one principle of an assessment: a link, an uploaded file (its bytes with SHA-256 and size), or a
/// finding from the register that the assessor accepted or rejected, kept as it was when decided.
/// </summary>
public sealed class AssessmentEvidence
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The assessment it belongs to.</summary>
    public int AssessmentId { get; set; }

    /// <summary>The principle it is evidence for (1–12).</summary>
    public int Principle { get; set; }

    /// <summary>What kind of evidence it is.</summary>
    public EvidenceKind Kind { get; set; }

    /// <summary>What it is, in words: a link's or file's title, or the finding's text.</summary>
    public required string Title { get; set; }

    /// <summary>A link's address.</summary>
    public string? Url { get; set; }

    /// <summary>An uploaded file's name.</summary>
    public string? FileName { get; set; }

    /// <summary>An uploaded file's SHA-256, lower-case hex.</summary>
    public string? Sha256 { get; set; }

    /// <summary>An uploaded file's size in bytes.</summary>
    public long? Size { get; set; }

    /// <summary>A finding's status when decided: met, attention, not-evidenced.</summary>
    public string? FindingStatus { get; set; }

    /// <summary>A finding's number (devices, records).</summary>
    public int? FindingCount { get; set; }

    /// <summary>The devices behind a finding, their ids separated by ';'.</summary>
    public string? FindingDevices { get; set; }

    /// <summary>Where a finding comes from (the rule or table).</summary>
    public string? FindingSource { get; set; }

    /// <summary>For a finding: true when accepted into the assessment, false when rejected.</summary>
    public bool? Accepted { get; set; }

    /// <summary>Why a finding was accepted or rejected.</summary>
    public string? Reason { get; set; }

    /// <summary>When it was added (UTC).</summary>
    public DateTimeOffset Added { get; set; }

    /// <summary>Who added it.</summary>
    public required string AddedBy { get; set; }
}
