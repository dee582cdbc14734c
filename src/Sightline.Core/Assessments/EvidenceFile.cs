namespace Sightline.Assessments;

/// <summary>The bytes of an uploaded evidence file, apart from its description so that lists never load them.</summary>
public sealed class EvidenceFile
{
    /// <summary>The evidence item it belongs to.</summary>
    public int EvidenceId { get; set; }

    /// <summary>The file as uploaded.</summary>
    public required byte[] Content { get; set; }
}
