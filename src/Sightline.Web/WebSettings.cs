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

    /// <summary>The public site's address, which printed signs' QR codes point into (--public-base-url); null: the address each request came to.</summary>
    public string? PublicUrl { get; init; }

    /// <summary>Where the maps' tiles come from (--map-tiles, --map-attribution); null: a plain background with no tiles, nothing fetched.</summary>
    public Maps.MapTiles? MapTiles { get; init; }

    /// <summary>Where checked import files wait for their commit (Pages/Import/Uploads).</summary>
    public string UploadFolder { get; init; } = Path.Combine(Path.GetTempPath(), "sightline-uploads");

    /// <summary>Addresses (';'-separated, each with its own port) that serve only the public site (--public-urls); none by default.</summary>
    public string? PublicUrls { get; init; }

    /// <summary>Requests a minute one client address may make of /public (--public-rate-limit); 0 for no limit.</summary>
    public int PublicRequestsPerMinute { get; init; } = 300;

    /// <summary>How long the public site trusts its last look at the register's freshness key before reading it again.</summary>
    public TimeSpan PublicFreshnessWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a public request waits for the register's new state to be read before it is served the previous one.</summary>
    public TimeSpan PublicRefreshWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where large public files (the device files of a big register) are kept once rendered; a folder per server inside it.</summary>
    public string PublicCacheFolder { get; init; } = Path.Combine(Path.GetTempPath(), "sightline-public");
}
