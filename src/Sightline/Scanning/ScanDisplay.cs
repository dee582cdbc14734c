using System.Globalization;
using Sightline.Cli;
using Spectre.Console;

namespace Sightline.Scanning;

/// <summary>
/// Shows a running scan's progress — addresses probed, open ports, hosts, identified, rate and time left — as a
/// live bar on a terminal, or as a plain line every few seconds when the output is a file or a pipe. Written to
/// standard error, so <c>--json</c> on standard output stays clean.
/// </summary>
public static class ScanDisplay
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5), LiveEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>Waits for the scan, showing its progress meanwhile.</summary>
    public static async Task<T> ShowAsync<T>(CliContext context, ScanProgress progress, Task<T> scan)
    {
        var started = context.Time.GetTimestamp();
        if (!context.Interactive)
        {
            context.Error.WriteLine(Line(progress, context.Time.GetElapsedTime(started)));
            while (await Task.WhenAny(scan, Task.Delay(PlainEvery, context.Time)) != scan)
            {
                context.Error.WriteLine(Line(progress, context.Time.GetElapsedTime(started)));
            }
            context.Error.WriteLine(Line(progress, context.Time.GetElapsedTime(started)));
            return await scan;
        }
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TerminalWriter.Unwrap(context.Error)) });
        await terminal.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async live =>
            {
                var task = live.AddTask("Scanning", maxValue: Math.Max(progress.Total, 1));
                while (true)
                {
                    task.Value = progress.Probed;
                    task.Description = Markup.Escape(Line(progress, context.Time.GetElapsedTime(started), eta: false));
                    if (scan.IsCompleted)
                    {
                        break;
                    }
                    await Task.WhenAny(scan, Task.Delay(LiveEvery, context.Time));
                }
            });
        return await scan;
    }

    /// <summary>One line: probed of total, open ports, hosts, identified, rate and (when asked) the time left.</summary>
    public static string Line(ScanProgress progress, TimeSpan elapsed, bool eta = true)
    {
        var rate = elapsed.TotalSeconds > 0.5 ? progress.Probed / elapsed.TotalSeconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds((progress.Total - progress.Probed) / rate) : (TimeSpan?)null;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{progress.Probed:N0} of {progress.Total:N0} addresses probed, {progress.OpenPorts:N0} open ports, {progress.Hosts:N0} hosts, {progress.Identified:N0} identified, {rate:N0} addresses/s");
        return eta && left is { } l && progress.Probed < progress.Total ? line + string.Create(CultureInfo.InvariantCulture, $", about {l.TotalSeconds:N0} s left") : line;
    }
}
