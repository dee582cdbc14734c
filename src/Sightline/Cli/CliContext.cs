using System.Collections;
using Spectre.Console;

namespace Sightline.Cli;

/// <summary>Everything a command touches outside itself, so tests can run the real entry point in-process.</summary>
public sealed record CliContext(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    TimeProvider Time,
    IReadOnlyDictionary<string, string> Environment,
    string CurrentDirectory,
    bool Interactive)
{
    /// <summary>The console of this process.</summary>
    public static CliContext FromProcess() => new(
        Console.In,
        Console.Out,
        Console.Error,
        TimeProvider.System,
        System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? ""),
        Directory.GetCurrentDirectory(),
        !Console.IsOutputRedirected);

    /// <summary>A Spectre console writing to <see cref="Out"/>; plain and 160 columns wide when output is not a terminal.</summary>
    public IAnsiConsole Terminal => MakeTerminal();

    private IAnsiConsole MakeTerminal()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!Interactive)
        {
            terminal.Profile.Width = 160;
        }
        return terminal;
    }

    /// <summary>A path as given on the command line, resolved against the current directory.</summary>
    public string PathOf(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>An environment variable, or null when unset or empty.</summary>
    public string? Variable(string name) => Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
