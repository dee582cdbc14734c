using System.Text.Json;

namespace Sightline.Tests.Farming;

/// <summary>
/// A real WS-Discovery responder: Debian's <c>wsdd</c>, which answers as a Windows computer, in a namespace of its own
/// joined by a veth pair to the scanner's. It answers only a Probe for exactly <c>wsdp:Device</c>, so the scan sees it
/// only because Sightline probes that type. Needs root, iproute2 and the wsdd package, as CI has.
/// </summary>
public sealed class WsddTests
{
    [Fact]
    public async Task MulticastScan_SeesAComputerAnsweringAsWsdd_AndDoesNotCallItACamera()
    {
        await using var scanner = await NetworkNamespace.CreateAsync("sl-ws");
        await using var computer = await NetworkNamespace.CreateAsync("sl-wc");
        var link = await NetworkNamespace.LinkAsync(scanner, computer, "10.233.7");
        var log = await computer.StartAsync("joined multicast group", "wsdd", "--interface", link, "--ipv4only", "--verbose", "--hostname", "SIGHTLINE-PC");
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        var sightline = Path.Combine(AppContext.BaseDirectory, "sightline.dll");

        await scanner.ExecAsync("dotnet", ["exec", sightline, "init", .. register.Options]);
        var json = await scanner.ExecAsync("dotnet", ["exec", sightline, "scan", "10.233.7.0/29", "--multicast", "--rate", "0", "--json", .. register.Options]);

        var hosts = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var pc = Assert.Single(hosts);
        Assert.Equal("10.233.7.2", pc.GetProperty("address").GetString());
        Assert.Contains(pc.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("group").GetString() == "WS-Discovery://10.233.7.2/");
        Assert.Equal(JsonValueKind.Null, pc.GetProperty("platformId").ValueKind);
        Assert.Equal("pc", pc.GetProperty("deviceClass").GetString());
        Assert.NotEqual("created", pc.GetProperty("register").GetString());
        // wsdd heard the three typed probes (it logs each Probe, answered or not).
        lock (log)
        {
            Assert.Equal(3, log.ToString().Split('\n').Count(l => l.Contains("\"Probe urn:uuid:", StringComparison.Ordinal)));
        }
    }
}
