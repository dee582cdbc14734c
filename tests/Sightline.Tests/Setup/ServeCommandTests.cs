using System.Net;
using System.Net.Sockets;

namespace Sightline.Tests.Setup;

public sealed class ServeCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Serve_OnAnAddressInUse_SaysSoInOneLine(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var urls = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var run = await Cli.RunAsync(register, "serve", "--urls", urls);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: cannot serve at {urls}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("address already in use", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
