using System.Net;
using Microsoft.AspNetCore.Http;

namespace Sightline.Web.Security;

/// <summary>The addresses `sightline serve --urls` names, and which of them are HTTPS or plain HTTP reachable from other machines.</summary>
public sealed record ListenAddresses(IReadOnlyList<string> Urls, IReadOnlyList<string> Https, IReadOnlyList<string> PlainOffLoopback)
{
    public static ListenAddresses Parse(string urls)
    {
        List<string> all = [], https = [], plain = [];
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new ServeException($"--urls: '{url}' is not an address such as http://127.0.0.1:5080 or https://0.0.0.0:443");
            }
            if (address.Scheme is not ("http" or "https") || address.Host.Length == 0)
            {
                throw new ServeException($"--urls: '{url}' is not an address such as http://127.0.0.1:5080 or https://0.0.0.0:443");
            }
            all.Add(url);
            if (address.Scheme == "https")
            {
                https.Add(url);
            }
            else if (!IsLocal(address))
            {
                plain.Add(url);
            }
        }
        if (all.Count == 0)
        {
            throw new ServeException("--urls: no address given");
        }
        return new ListenAddresses(all, https, plain);
    }

    // Kestrel binds "localhost" to loopback only, and a Unix socket is not on the network; any other name, *, + or
    // 0.0.0.0 binds every interface.
    private static bool IsLocal(BindingAddress address) =>
        address.IsUnixPipe || address.IsNamedPipe
        || string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
