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
    private readonly TextWriter _out = TerminalWriter.Over(Out);
    private readonly TextWriter _error = TerminalWriter.Over(Error);

    /// <summary>Standard output; every unsafe character escaped (<see cref="TerminalWriter"/>).</summary>
    public TextWriter Out { get => _out; init => _out = TerminalWriter.Over(value); }

    /// <summary>Standard error; every unsafe character escaped (<see cref="TerminalWriter"/>).</summary>
    public TextWriter Error { get => _error; init => _error = TerminalWriter.Over(value); }

    /// <summary>
    /// Where a data format (an export's CSV) is written: as it is when output goes to a file or a pipe, escaped like
    /// everything else when it goes to a terminal.
    /// </summary>
    public TextWriter Data => Interactive ? Out : TerminalWriter.Unwrap(Out);

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

    /// <summary>
    /// A Spectre console writing to standard output (not escaped, so its colours work: what it shows must be made with
    /// <see cref="TerminalText.Cells"/>); plain and 160 columns wide when output is not a terminal.
    /// </summary>
    public IAnsiConsole Terminal => MakeTerminal();

    private IAnsiConsole MakeTerminal()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(TerminalWriter.Unwrap(Out)),
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
