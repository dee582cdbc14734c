using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sightline.Tests.Farming;

/// <summary>
/// A network namespace a test creates with <c>ip netns add</c> (root and iproute2, as CI has), the processes it
/// starts inside, and their removal when disposed, whatever happened: nothing inside can reach the machine's real
/// networks unless the test links it.
/// </summary>
internal sealed class NetworkNamespace : IAsyncDisposable
{
    private readonly List<(Process Process, StringBuilder Output)> _processes = [];

    private NetworkNamespace(string name) => Name = name;

    /// <summary>The namespace's name.</summary>
    public string Name { get; }

    /// <summary>Creates a namespace named <paramref name="prefix"/> and a random number, with its loopback up and IPv6 off.</summary>
    public static async Task<NetworkNamespace> CreateAsync(string prefix)
    {
        var ns = new NetworkNamespace(prefix + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture));
        await RunAsync("ip", "netns", "add", ns.Name);
        try
        {
            await RunAsync("ip", "-n", ns.Name, "link", "set", "lo", "up");
            await ns.ExecAsync("sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
            return ns;
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Links two namespaces with a veth pair on <paramref name="subnet"/> (its first three octets): <paramref name="near"/>
    /// gets .1, <paramref name="far"/> .2 on the interface this returns (the one a daemon inside is told to use).
    /// </summary>
    public static async Task<string> LinkAsync(NetworkNamespace near, NetworkNamespace far, string subnet)
    {
        var id = near.Name[^4..];
        await RunAsync("ip", "link", "add", $"vs{id}", "netns", near.Name, "type", "veth", "peer", "name", $"vc{id}", "netns", far.Name);
        await RunAsync("ip", "-n", near.Name, "addr", "add", $"{subnet}.1/24", "dev", $"vs{id}");
        await RunAsync("ip", "-n", far.Name, "addr", "add", $"{subnet}.2/24", "dev", $"vc{id}");
        await RunAsync("ip", "-n", near.Name, "link", "set", $"vs{id}", "up");
        await RunAsync("ip", "-n", far.Name, "link", "set", $"vc{id}", "up");
        return $"vc{id}";
    }

    /// <summary>Runs a program inside and returns its output; fails the test if it exits with an error.</summary>
    public Task<string> ExecAsync(string program, params string[] args) => RunAsync("ip", ["netns", "exec", Name, program, .. args]);

    /// <summary>Runs a program inside with <paramref name="input"/> on its standard input; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> TryExecAsync(string input, string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", Name, program, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts a long-running program inside and waits until it prints <paramref name="ready"/> on either stream.</summary>
    public async Task<StringBuilder> StartAsync(string ready, string program, params string[] args)
    {
        var process = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", Name, program, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = new StringBuilder();
        _processes.Add((process, output));
        var started = new TaskCompletionSource();
        void Line(object? _, DataReceivedEventArgs e)
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.Contains(ready, StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        }
        process.OutputDataReceived += Line;
        process.ErrorDataReceived += Line;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(started.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(started.Task.IsCompleted, $"{program} in {Name} did not start: {output}");
        return output;
    }

    /// <summary>Stops what was started inside and deletes the namespace (and with it its interfaces).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (process, _) in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        await RunAsync("ip", "netns", "del", Name).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Runs a program in the test's own namespace; fails the test if it exits with an error.</summary>
    public static async Task<string> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
