using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Farming;

/// <summary>
/// Multicast discovery on a real link, inside network namespaces this test creates and removes: a scanner namespace
/// joined by one veth pair to a farm namespace (the link in scope) and by another to a second farm (a link outside
/// the scope). WS-Discovery, SADP and DHIP replies must reach the scanner, and nothing may go to the other link.
/// Needs root and iproute2, as CI has.
/// </summary>
public sealed class MulticastTests
{
    [Fact]
    public async Task MulticastDiscovery_FindsTheLinksDevices_AndSendsNothingOutsideTheScope()
    {
        var id = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var (scan, farm, outside) = ($"sl-s{id}", $"sl-f{id}", $"sl-o{id}");
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        var processes = new List<(Process Process, StringBuilder Output)>();
        try
        {
            foreach (var ns in (string[])[scan, farm, outside])
            {
                await Ip("netns", "add", ns);
                await Ip("-n", ns, "link", "set", "lo", "up");
                await Run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
            }
            await Link(scan, $"vs{id}", "10.231.7.1/24", farm, $"vf{id}", "10.231.7.2/24");
            await Link(scan, $"vx{id}", "10.232.7.1/24", outside, $"vo{id}", "10.232.7.2/24");
            foreach (var extra in (int[])[3, 4, 5, 6])
            {
                await Ip("-n", farm, "addr", "add", $"10.231.7.{extra}/24", "dev", $"vf{id}");
            }
            // Seed 4 deals LTS and EZVIZ (Hikvision-made: SADP, WS-Discovery) then three Dahua-made devices (DHIP, WS-Discovery).
            processes.Add(await StartFarmAsync(farm, "10.231.7.2-10.231.7.6", 5));
            processes.Add(await StartFarmAsync(outside, "10.232.7.2-10.232.7.2", 1));
            var sentOutsideBefore = await Counter(scan, $"vx{id}", "tx_packets");

            await Run("ip", ["netns", "exec", scan, "dotnet", "exec", Sightline, "init", .. register.Options]);
            var json = await Run("ip", ["netns", "exec", scan, "dotnet", "exec", Sightline, "scan", "10.231.7.0/29", "--multicast", "--rate", "0", "--json", .. register.Options]);

            var sentOutside = await Counter(scan, $"vx{id}", "tx_packets") - sentOutsideBefore;
            foreach (var (process, _) in processes)
            {
                await Run("kill", "-INT", process.Id.ToString(CultureInfo.InvariantCulture));
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            var results = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["10.231.7.2", "10.231.7.3", "10.231.7.4", "10.231.7.5", "10.231.7.6"], results.Select(r => r.GetProperty("address").GetString()));
            Assert.Equal(["hikvision", "hikvision", "dahua", "dahua", "dahua"], results.Select(r => r.GetProperty("platformId").GetString()));
            // The neighbour table knew each device's link-layer address.
            Assert.All(results, r => Assert.Matches("^[0-9A-F]{2}(:[0-9A-F]{2}){5}$", r.GetProperty("mac").GetString()));
            await using (var db = await register.OpenAsync())
            {
                var heard = await db.Observations.Where(o => o.Where!.EndsWith("/udp multicast")).Select(o => o.Kind).Distinct().ToListAsync();
                Assert.Equal(["dhip.devinfo", "sadp.probematch", "wsd.probematch"], heard.Order());
            }
            Assert.Contains("0 connections and 0 datagrams received", processes[1].Output.ToString());
            Assert.DoesNotContain(" 0 datagrams received", processes[0].Output.ToString());
            Assert.Equal(0, sentOutside);
        }
        finally
        {
            foreach (var (process, _) in processes.Where(p => !p.Process.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
            foreach (var ns in (string[])[scan, farm, outside])
            {
                await Run("ip", "netns", "del", ns).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static string Sightline => Path.Combine(AppContext.BaseDirectory, "sightline.dll");

    private static async Task Link(string leftNs, string left, string leftAddress, string rightNs, string right, string rightAddress)
    {
        await Ip("link", "add", left, "netns", leftNs, "type", "veth", "peer", "name", right, "netns", rightNs);
        await Ip("-n", leftNs, "addr", "add", leftAddress, "dev", left);
        await Ip("-n", rightNs, "addr", "add", rightAddress, "dev", right);
        await Ip("-n", leftNs, "link", "set", left, "up");
        await Ip("-n", rightNs, "link", "set", right, "up");
    }

    private static async Task<(Process, StringBuilder)> StartFarmAsync(string ns, string range, int devices)
    {
        var process = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", ns, "dotnet", "exec", Sightline, "farm", "--range", range, "--devices", devices.ToString(CultureInfo.InvariantCulture), "--seed", "4", "--multicast"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = new StringBuilder();
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.Contains("Ctrl-C stops it.", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(ready.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(ready.Task.IsCompleted, $"the farm in {ns} did not start: {output}");
        return (process, output);
    }

    private static async Task<long> Counter(string ns, string device, string name) =>
        long.Parse((await Run("ip", "netns", "exec", ns, "cat", $"/sys/class/net/{device}/statistics/{name}")).Trim(), CultureInfo.InvariantCulture);

    private static Task<string> Ip(params string[] args) => Run("ip", args);

    private static async Task<string> Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
