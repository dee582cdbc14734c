using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Sightline.Web.Security;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. None unless the operator names them:
/// anyone can send those headers, and believing them would let a client pose as another address or as HTTPS.
/// </summary>
public static class KnownProxies
{
    /// <summary>The environment variable that lists known proxies (comma-, semicolon- or space-separated) besides --known-proxy.</summary>
    public const string Variable = "SIGHTLINE_KNOWN_PROXIES";

    /// <summary>Addresses (10.0.0.5, ::1) and networks (10.0.0.0/24); <paramref name="source"/> names where they came from in errors.</summary>
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> values, string source)
    {
        var networks = new List<IPNetwork>();
        foreach (var value in values.SelectMany(v => v.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))
        {
            if (IPAddress.TryParse(value, out var address) && !value.Contains('/', StringComparison.Ordinal))
            {
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else if (IPNetwork.TryParse(value, out var network))
            {
                networks.Add(network);
            }
            else
            {
                throw new ServeException($"{source}: '{value}' is not an IP address or a network such as 10.0.0.0/24");
            }
        }
        return networks;
    }

    /// <summary>Forwarded-header handling that trusts these proxies and nobody else.</summary>
    public static ForwardedHeadersOptions Options(IReadOnlyList<IPNetwork> proxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Each hop is taken only while the address it came from is a known proxy, so a chain of them is safe to follow.
            ForwardLimit = null,
        };
        // The defaults trust loopback; only what the operator named is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownIPNetworks.Add(proxy);
        }
        return options;
    }
}
