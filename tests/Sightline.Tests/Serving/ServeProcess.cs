using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Tests.Serving;

/// <summary>`sightline serve` as a real process (the executable users run), stopped and its output kept when disposed.</summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource<string> _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _awaited = [];

    private ServeProcess(Process process) => _process = process;

    /// <summary>Where it listens, as printed on its "Serving … at …" line.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    /// <summary>The one address of this scheme.</summary>
    public string Address(string scheme) => Addresses.Single(a => a.StartsWith(scheme + "://", StringComparison.Ordinal));

    /// <summary>Everything printed on standard output so far (the host's log goes there too).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Everything printed on standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>The first line printed (standard output, where the host logs, or standard error) that contains <paramref name="text"/>.</summary>
    public Task<string> LineAsync(string text)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaited)
        {
            var line = (Output + Error).Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                seen.SetResult(line.TrimEnd('\r'));
            }
            else
            {
                _awaited.Add((text, seen));
            }
        }
        return seen.Task.WaitAsync(Patience);
    }

    private void Printed(StringBuilder stream, string line)
    {
        lock (_awaited)
        {
            lock (stream)
            {
                stream.AppendLine(line);
            }
            foreach (var awaited in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)).ToList())
            {
                awaited.Seen.SetResult(line);
                _awaited.Remove(awaited);
            }
        }
        if (stream == _output && ServingLine().Match(line) is { Success: true } match)
        {
            _serving.TrySetResult(match.Groups[1].Value);
        }
    }

    /// <summary>Starts `sightline serve` on the register with the arguments and environment given, and waits until it serves.</summary>
    public static async Task<ServeProcess> StartAsync(TestRegister register, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var serve = new ServeProcess(Start(register, args, environment));
        serve._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                serve.Printed(serve._output, line);
            }
        };
        serve._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                serve.Printed(serve._error, line);
            }
        };
        serve._process.Exited += (_, _) => serve._serving.TrySetResult("");
        serve._process.EnableRaisingEvents = true;
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        string addresses;
        try
        {
            addresses = await serve._serving.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            // Never leave a server running behind a failed test.
            await serve.DisposeAsync();
            Assert.Fail($"serve printed no 'Serving … at …' line in {Patience.TotalSeconds} s\nstdout:\n{serve.Output}\nstderr:\n{serve._error}");
            throw;
        }
        if (addresses.Length == 0)
        {
            await serve._process.WaitForExitAsync();
            Assert.Fail($"serve stopped with exit code {serve._process.ExitCode}\nstdout:\n{serve.Output}\nstderr:\n{serve._error}");
        }
        serve.Addresses = addresses.Split(';');
        return serve;
    }

    /// <summary>Runs `sightline serve` with arguments that should make it stop by itself, and returns what it printed.</summary>
    public static async Task<CliRun> RunAsync(TestRegister register, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(register, args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliRun(process.ExitCode, await output, await error);
    }

    private static Process Start(TestRegister register, string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var sightline = Path.Combine(AppContext.BaseDirectory, "sightline.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", sightline, "serve", .. args, .. register.Options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = register.Folder,
        };
        // Only what the test gives: a developer's own ASP.NET Core or Kestrel settings must not change the result.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Kestrel", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("SIGHTLINE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"^Serving .* at (\S+) \(Ctrl-C to stop\)$")]
    private static partial Regex ServingLine();
}
