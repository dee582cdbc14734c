using System.Globalization;
using Sightline.CameraFarm;

namespace Sightline.Tests.Farming;

/// <summary>
/// A farm of one device of every persona, run by <c>sightline farm --multicast</c> inside a network namespace of its
/// own whose loopback carries multicast: real clients that find devices by WS-Discovery multicast run there too,
/// and their probes reach the farm and nothing else.
/// </summary>
public sealed class OnvifFarm : IAsyncLifetime
{
    private const int Seed = 3;

    internal NetworkNamespace Namespace { get; private set; } = null!;

    /// <summary>Each device's address and persona, as the farm process deals them.</summary>
    internal IReadOnlyList<(string Address, Persona Persona)> Devices { get; } =
        Farm.Deal(Personas.Templates.Count, Seed).Select((p, i) => ($"127.77.60.{i + 1}", p)).ToList();

    /// <summary>The password every device accepts (the farm's rule: farm-SEED-password).</summary>
    internal static string Password => $"farm-{Seed}-password";

    public async ValueTask InitializeAsync()
    {
        Namespace = await NetworkNamespace.CreateAsync("sl-ov");
        await Namespace.ExecAsync("ip", "link", "set", "lo", "multicast", "on");
        await Namespace.ExecAsync("ip", "route", "add", "224.0.0.0/4", "dev", "lo");
        var count = Devices.Count.ToString(CultureInfo.InvariantCulture);
        await Namespace.StartAsync("Ctrl-C stops it.", "dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "sightline.dll"), "farm",
            "--range", $"127.77.60.1-127.77.60.{count}", "--devices", count, "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--multicast");
    }

    public ValueTask DisposeAsync() => Namespace?.DisposeAsync() ?? ValueTask.CompletedTask;
}
