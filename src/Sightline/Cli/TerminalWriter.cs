using System.Text;

namespace Sightline.Cli;

/// <summary>
/// Writes to another writer with every character <see cref="TerminalText"/> calls unsafe escaped, except line feeds and
/// tabs, so that no line a command prints can carry an escape sequence or reorder itself.
/// </summary>
public sealed class TerminalWriter : TextWriter
{
    private TerminalWriter(TextWriter inner) => Inner = inner;

    /// <summary>The writer underneath, for output that must stay byte for byte (Spectre's own colour codes, data files).</summary>
    public TextWriter Inner { get; }

    /// <summary><paramref name="writer"/> wrapped, or itself if it already is one.</summary>
    public static TerminalWriter Over(TextWriter writer) => writer as TerminalWriter ?? new TerminalWriter(writer);

    /// <summary>The writer under <paramref name="writer"/> if it is a <see cref="TerminalWriter"/>.</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is TerminalWriter terminal ? terminal.Inner : writer;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    // Each call reaches the writer underneath as one call: a console writer is locked per call, so a line written in
    // pieces could be split by another thread's output (the web host's log lines), and a reader matching whole lines
    // would miss it.
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (TerminalText.NextUnsafe(buffer, keepLines: true) < 0)
        {
            Inner.Write(buffer);
            return;
        }
        Inner.Write(Escaped(buffer));
    }

    public override void WriteLine() => Inner.WriteLine();

    // The string overload stays a string call underneath, for writers that watch for whole lines by it.
    public override void WriteLine(string? value) =>
        Inner.WriteLine(value is null || TerminalText.NextUnsafe(value, keepLines: true) < 0 ? value : Escaped(value));

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        if (TerminalText.NextUnsafe(buffer, keepLines: true) < 0)
        {
            Inner.WriteLine(buffer);
            return;
        }
        Inner.WriteLine(Escaped(buffer));
    }

    private static string Escaped(ReadOnlySpan<char> buffer) => TerminalText.Escape(buffer.ToString(), keepLines: true);

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync() => Inner.FlushAsync();

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
