using Sightline.Data;

namespace Sightline.Web;

/// <summary>What `sightline serve` was told: the register, the knowledge folder, where to listen, and the clock.</summary>
public sealed record WebSettings(RegisterLocation Location, string KnowledgeFolder, string Urls, TimeProvider Time)
{
    /// <summary>Where checked import files wait for their commit (Pages/Import/Uploads).</summary>
    public string UploadFolder { get; init; } = Path.Combine(Path.GetTempPath(), "sightline-uploads");
}
