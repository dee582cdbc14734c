namespace Sightline.Assessments;

/// <summary>What an evidence item is: a link, an uploaded file, or a finding from the register.</summary>
public enum EvidenceKind
{
    /// <summary>A link to a document or page.</summary>
    Link,
    /// <summary>A file uploaded into the register.</summary>
    File,
    /// <summary>A finding from the register, accepted or rejected.</summary>
    Finding,
}
