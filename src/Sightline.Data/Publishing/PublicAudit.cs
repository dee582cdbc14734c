namespace Sightline.Data.Publishing;

/// <summary>The entity types and actions publication decisions put on the audit log (`sightline audit --entity publication:system:3`).</summary>
public static class PublicAudit
{
    /// <summary>A publication rule; its id is "system:ID" or "device:ID".</summary>
    public const string Publication = "publication";

    /// <summary>The public site's settings (on or off, the licence).</summary>
    public const string Site = "public-site";

    public const string Set = "set";
    public const string Clear = "clear";
}
