namespace Sightline.Compliance;

/// <summary>How recordings leave a system at the end of its retention period.</summary>
public enum RetentionDeletion
{
    /// <summary>The recorder overwrites or deletes them by itself.</summary>
    Automatic,

    /// <summary>A person deletes them.</summary>
    Manual,
}
