using System.Net;
using System.Net.Sockets;

namespace Sightline.Tests.Serving;

/// <summary>`sightline serve --public-urls`: the public address serves only /public; the inside address serves everything.</summary>
public sealed class PublicAddressTests
{
    [Fact]
    public async Task PublicAddress_ServesOnlyThePublicSite_TheInsideAddressEverything()
    {
        await using var register = await Registers.NewAsync("sqlite");
        await Cli.RunAsync(register, "init", "--org", "Northmoor Borough Council").Ok();
        await Cli.RunAsync(register, "publish", "site", "--enable").Ok();
        var port = FreePort();
        await using var serve = await ServeProcess.StartAsync(register,
            ["--urls", "http://127.0.0.1:0", "--public-urls", $"http://127.0.0.1:{port}", "--public-rate-limit", "0"]);
        var outside = $"http://127.0.0.1:{port}";
        var inside = serve.Addresses.Single(a => a != outside);
        using var client = new HttpClient();

        async Task<HttpStatusCode> StatusAsync(string url)
        {
            using var response = await client.GetAsync(new Uri(url));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(outside + "/public"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(outside + "/public/open-data/devices.geojson"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(outside + "/site.css"));
        // The public map, with the script and the vendored Leaflet it loads.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(outside + "/public/map"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(outside + "/map.js"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(outside + "/vendor/leaflet/leaflet.js"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(outside + "/vendor/leaflet.markercluster/leaflet.markercluster.js"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outside + "/Map"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outside + "/Account/Login"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outside + "/api/v1/devices"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outside + "/exports/devices.csv"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(inside + "/public"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(inside + "/Account/Login"));
    }

    [Fact]
    public async Task PublicUrls_WithoutAPortOfTheirOwn_AreRefused()
    {
        await using var register = await Registers.NewAsync("sqlite");
        await Cli.RunAsync(register, "init").Ok();

        var same = await Cli.RunAsync(register, "serve", "--urls", "http://127.0.0.1:5080", "--public-urls", "http://127.0.0.1:5080");
        var zero = await Cli.RunAsync(register, "serve", "--public-urls", "http://127.0.0.1:0");

        Assert.Equal((2, "error: --public-urls: http://127.0.0.1:5080 needs a port of its own, not 0 and not one of --urls"), (same.ExitCode, same.Error.Trim()));
        Assert.Equal((2, "error: --public-urls: http://127.0.0.1:0 needs a port of its own, not 0 and not one of --urls"), (zero.ExitCode, zero.Error.Trim()));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
