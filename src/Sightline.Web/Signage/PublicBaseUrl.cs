namespace Sightline.Web.Signage;

/// <summary>
/// The address the public site is served at, which a sign's QR code points into (`{base}/public/systems/{id}`): given as
/// --base-url, --public-base-url or <see cref="Variable"/>. Only an absolute http(s) address without query or fragment is taken.
/// </summary>
public static class PublicBaseUrl
{
    /// <summary>The environment variable that stores the address for the CLI and `sightline serve`.</summary>
    public const string Variable = "SIGHTLINE_PUBLIC_URL";

    /// <summary>The base address without its trailing slash, or null with the reason.</summary>
    public static (string? Base, string? Problem) Parse(string text, string name)
    {
        var trimmed = text.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0)
        {
            return (null, $"{name} '{text}' is not an http:// or https:// address, e.g. https://cctv.example.gov.uk");
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return (null, $"{name} '{text}' has a query, fragment or user name; give the site's address alone");
        }
        return (uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), null);
    }

    /// <summary>The public page of the system whose ID is <paramref name="system"/>.</summary>
    public static string SystemPage(string baseUrl, int system) =>
        $"{baseUrl}/public/systems/{system.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
