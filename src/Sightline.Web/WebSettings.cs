using System.Net;
using System.Security.Cryptography.X509Certificates;
using Sightline.Data;

namespace Sightline.Web;

/// <summary>What `sightline serve` was told: the register, the knowledge folder, where to listen, and the clock.</summary>
public sealed record WebSettings(RegisterLocation Location, string KnowledgeFolder, string Urls, TimeProvider Time)
{
    /// <summary>The certificate for https:// addresses (--certificate); without it Kestrel's configuration (Kestrel:Certificates:Default) decides.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; none unless named.</summary>
    public IReadOnlyList<IPNetwork> KnownProxies { get; init; } = [];

    /// <summary>The public site's address, which printed signs' QR codes point into (--public-url); null: the address each request came to.</summary>
    public string? PublicUrl { get; init; }

    /// <summary>Where the maps' tiles come from (--map-tiles, --map-attribution); null: a plain background with no tiles, nothing fetched.</summary>
    public Maps.MapTiles? MapTiles { get; init; }

    /// <summary>Where checked import files wait for their commit (Pages/Import/Uploads).</summary>
    public string UploadFolder { get; init; } = Path.Combine(Path.GetTempPath(), "sightline-uploads");
}
