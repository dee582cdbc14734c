using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sightline.Web.Tests.Browser;

/// <summary>The web host on a real loopback port (a browser cannot reach the in-memory test server).</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly IHost _host;

    private LiveServer(IHost host, string address) => (_host, Address) = (host, address);

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234.</summary>
    public string Address { get; }

    public static Task<LiveServer> StartAsync(TestRegister register) => StartAsync(register.Location);

    public static async Task<LiveServer> StartAsync(Sightline.Data.RegisterLocation location)
    {
        var host = SightlineWeb.CreateHostBuilder(new WebSettings(location, Path.Combine(AppContext.BaseDirectory, "knowledge"),
            "http://127.0.0.1:0", TimeProvider.System)).Build();
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LiveServer(host, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
