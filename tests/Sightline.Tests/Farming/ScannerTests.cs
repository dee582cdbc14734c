using System.Diagnostics;
using System.Net;
using Sightline.CameraFarm;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Scanning;
using Sightline.Scope;

namespace Sightline.Tests.Farming;

/// <summary>The scanner against the camera farm: finds every device, identifies cameras, survives bad ones, and never leaves its scope.</summary>
public sealed class ScannerTests
{
    private static readonly ScanOptions Quick = new()
    {
        ConnectTimeout = TimeSpan.FromMilliseconds(500),
        ReadTimeout = TimeSpan.FromSeconds(1),
        AttemptInterval = TimeSpan.Zero,
    };

    [Fact]
    public async Task Scan_FindsEveryFarmDevice_IdentifiesTheCameras_AndNeverTouchesTheExcludedRange()
    {
        await using var farm = Farm.OfEveryPersona(60, seed: 2);
        await using var excluded = Farm.Start(Enumerable.Range(1, 10).Select(i => IPAddress.Parse($"127.77.61.{i}")), 10, seed: 3);
        var (scope, problems) = ScanScope.Parse(["127.77.60.0/24", "127.77.61.0/24"], ["127.77.61.0/24"], allowPublic: false, allowLarge: false);
        Assert.Empty(problems);
        var identifier = new Identifier(KnowledgeBase.Load(Repository.Folder("knowledge")));

        var clock = Stopwatch.StartNew();
        var (hosts, _) = await new Scanner(Quick, TimeProvider.System).ScanAsync(scope!, new ScanProgress(), CancellationToken.None);
        clock.Stop();

        Assert.Equal(0, excluded.Connections);
        Assert.Equal(0, excluded.Datagrams);
        Assert.Equal(farm.Devices.Select(d => d.Address), hosts.Select(h => h.Address));
        var (cameras, right) = (0, 0);
        foreach (var (address, persona) in farm.Devices.Where(d => d.Persona.Behaviour == Behaviour.Normal))
        {
            var verdict = identifier.Identify(hosts.Single(h => h.Address.Equals(address)).Observations);
            if (persona.Platform.Length == 0)
            {
                Assert.False(verdict.Platform is { Surveillance: true } || verdict.DeviceClass is "camera" or "nvr" or "dvr", $"{persona.Template} was called a camera");
                continue;
            }
            cameras++;
            right += verdict.Platform?.Id == persona.Platform ? 1 : 0;
        }
        Assert.True(right >= cameras * 0.95, $"platform right for {right} of {cameras}");
        // Five badly behaved devices cost at most a read timeout each, and they are scanned side by side.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the scan took {clock.Elapsed}");
    }

    [Fact]
    public async Task BadlyBehavedDevices_EndInNotes_NotStalls()
    {
        var count = Personas.Templates.Count;
        await using var farm = Farm.OfEveryPersona(62, seed: 2);
        var (scope, _) = ScanScope.Parse(["127.77.62.1-" + count], [], false, false);

        var (hosts, _) = await new Scanner(Quick, TimeProvider.System).ScanAsync(scope!, new ScanProgress(), CancellationToken.None);

        string Notes(Behaviour behaviour) => string.Join(" | ", hosts.Single(h => h.Address.Equals(farm.Devices.First(d => d.Persona.Behaviour == behaviour).Address)).Notes);
        Assert.Contains("no complete answer within 1 s", Notes(Behaviour.Silent), StringComparison.Ordinal);
        Assert.Contains("no complete answer within 1 s", Notes(Behaviour.Trickle), StringComparison.Ordinal);
        Assert.Contains("answer cut at 65,536 bytes", Notes(Behaviour.Huge), StringComparison.Ordinal);
        var garbage = hosts.Single(h => h.Address.Equals(farm.Devices.First(d => d.Persona.Behaviour == Behaviour.Garbage).Address));
        Assert.Contains(garbage.Observations, o => o.Kind == "http.response");
    }
}
