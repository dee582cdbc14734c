using System.Buffers;
using System.Text;

namespace Sightline.Csv;

/// <summary>
/// Turns a CSV file's bytes into text without changing any silently: a byte that is not UTF-8 is kept as a marker
/// that <see cref="Check"/> reports with its place, as it reports control characters other than tab and line breaks.
/// </summary>
public static class CsvText
{
    /// <summary>The words users give for each encoding (<c>--encoding</c>), first the one shown.</summary>
    public static readonly IReadOnlyList<(string Name, CsvEncoding Encoding)> Names =
    [
        ("utf-8", CsvEncoding.Utf8), ("utf8", CsvEncoding.Utf8),
        ("latin1", CsvEncoding.Latin1), ("latin-1", CsvEncoding.Latin1), ("iso-8859-1", CsvEncoding.Latin1),
        ("windows-1252", CsvEncoding.Latin1), ("cp1252", CsvEncoding.Latin1),
    ];

    /// <summary>The encoding a user's word names (case ignored), or null.</summary>
    public static CsvEncoding? Parse(string? name) =>
        Names.FirstOrDefault(n => string.Equals(n.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Name: not null } found
            ? found.Encoding
            : null;

    /// <summary>
    /// An uploaded file read whole into memory, or null when it is larger than <paramref name="maxBytes"/>: reading stops
    /// one buffer past the cap, so a larger file is refused without reading all of it.
    /// </summary>
    public static async Task<MemoryStream?> ReadAtMostAsync(Stream input, long maxBytes, CancellationToken cancel)
    {
        var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, cancel)) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > maxBytes)
            {
                return null;
            }
        }
        bytes.Position = 0;
        return bytes;
    }

    /// <summary>A reader of <paramref name="input"/> in the given encoding; a UTF-8 byte-order mark is skipped.</summary>
    public static StreamReader Open(Stream input, CsvEncoding encoding, bool leaveOpen = false) =>
        new(input, encoding == CsvEncoding.Latin1 ? Windows1252 : MarkedUtf8, detectEncodingFromByteOrderMarks: false,
            bufferSize: -1, leaveOpen);

    // A byte that is not UTF-8 becomes the noncharacter U+FDD0, one character as the byte was one, so that Check can tell
    // it from a real U+FFFD and columns after it still count right. Noncharacters are Unicode's for a program's own use (a
    // decoder may not emit a lone surrogate, which would have carried the byte's value).
    private static readonly Encoding MarkedUtf8 = CreateMarkedUtf8();

    private static Encoding CreateMarkedUtf8()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).Clone();
        encoding.DecoderFallback = new MarkingFallback();
        return encoding;
    }

    // Windows-1252 maps its five unassigned bytes to the C1 controls of the same number, which Check refuses.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private const char NotUtf8 = '\uFDD0';

    // Every control character but tab and line feed (a quoted cell's line breaks read as \n), and the mark of a byte that
    // was not UTF-8.
    private static readonly SearchValues<char> Unreadable = SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not '\t' and not '\n')
            .Concat(Enumerable.Range(0x7F, 0x9F - 0x7F + 1))
            .Append(NotUtf8)
            .Select(c => (char)c).ToArray());

    /// <summary>
    /// The first character of a cell that cannot be stored as text — a byte that was not UTF-8, or a control character
    /// other than tab and line breaks — as a problem at its line and column; null when there is none (the usual case,
    /// found with one vectorised search). <paramref name="column"/> names the cell's column in the message.
    /// </summary>
    public static CsvProblem? Check(CsvField field, string? column)
    {
        var value = field.Value.AsSpan();
        var at = value.IndexOfAny(Unreadable);
        if (at < 0)
        {
            return null;
        }
        var c = value[at];
        var (line, place) = PlaceOf(field, at);
        var cell = column is null ? "a cell" : column;
        var reason = c == NotUtf8
            ? $"{cell} has a byte that is not UTF-8; save the file as UTF-8, or import it as Latin-1 (--encoding latin1) if that is what it is"
            : $"{cell} has control character U+{(int)c:X4}; a cell may hold tabs and line breaks, no other control characters";
        return new CsvProblem(line, place, reason);
    }

    // The line and column in the file of the character at index in a cell: a quoted cell starts after its quote, may
    // span lines, and its doubled quotes read as one.
    private static (long Line, int Column) PlaceOf(CsvField field, int index)
    {
        if (!field.Quoted)
        {
            return (field.Line, field.Column + index);
        }
        var before = field.Value.AsSpan(0, index);
        var lastBreak = before.LastIndexOf('\n');
        var onLine = before[(lastBreak + 1)..];
        var column = (lastBreak < 0 ? field.Column + 1 : 1) + onLine.Length + onLine.Count('"');
        return (field.Line + before.Count('\n'), column);
    }

    private sealed class MarkingFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new MarkingBuffer();
    }

    // Gives one mark for each byte it is handed.
    private sealed class MarkingBuffer : DecoderFallbackBuffer
    {
        private int _count;
        private int _next;

        public override int Remaining => _count - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _count = bytesUnknown.Length;
            _next = 0;
            return _count > 0;
        }

        public override char GetNextChar()
        {
            if (_next >= _count)
            {
                return '\0';
            }
            _next++;
            return NotUtf8;
        }

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }
            _next--;
            return true;
        }

        public override void Reset() => _count = _next = 0;
    }
}
