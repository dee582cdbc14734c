using FsCheck.Fluent;
using FsCheck.Xunit;
using Sightline.Csv;

namespace Sightline.Tests.Csv;

public sealed class CsvReaderTests
{
    [Fact]
    public void Read_QuotedCellsWithCommasQuotesAndLineBreaks_KeepsValuesAndPlaces()
    {
        var reader = new CsvReader(new StringReader("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\r\n\nlast,,\n"));

        var records = reader.ReadAll().ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b,1", "say \"hi\""], records[0].Fields.Select(f => f.Value));
        Assert.Equal(["multi\nline", "x", ""], records[1].Fields.Select(f => f.Value));
        Assert.Equal((2L, 1), (records[1].Fields[0].Line, records[1].Fields[0].Column));
        Assert.Equal((3L, 7), (records[1].Fields[1].Line, records[1].Fields[1].Column));
        Assert.Equal(5, records[2].Line);
        Assert.Equal(["last", "", ""], records[2].Fields.Select(f => f.Value));
    }

    [Theory]
    [InlineData("a,b\"c,d\n", 1, 4, "a quote inside an unquoted cell")]
    [InlineData("a,\"bc\"d\n", 1, 7, "text after a closing quote")]
    [InlineData("a,\"never closed\n", 1, 3, "quoted cell is never closed")]
    public void Read_MalformedRecord_ReportsWhereAndResumes(string text, long line, int column, string reason)
    {
        var reader = new CsvReader(new StringReader(text + "next,row\n"));

        var first = reader.Read()!;
        var second = reader.Read();

        Assert.NotNull(first.Problem);
        Assert.Equal((line, column), (first.Problem.Line, first.Problem.Column));
        Assert.StartsWith(reason, first.Problem.Reason, StringComparison.Ordinal);
        if (!reason.StartsWith("quoted cell", StringComparison.Ordinal))
        {
            Assert.Equal(["next", "row"], second!.Fields.Select(f => f.Value));
        }
    }

    [Fact]
    public void Read_HugeCell_IsAProblemNotAnOutOfMemory()
    {
        var reader = new CsvReader(new StringReader(new string('x', CsvReader.MaxCellLength + 10) + "\nok\n"));

        var first = reader.Read()!;

        Assert.Contains("cell longer than", first.Problem!.Reason, StringComparison.Ordinal);
        Assert.Equal("ok", reader.Read()!.Fields[0].Value);
    }

    [Property(MaxTest = 300)]
    public bool WriteThenRead_AnyCells_RoundTrip(string?[][] rows)
    {
        var cleaned = rows.Where(r => r is { Length: > 0 })
            .Select(r => r.Select(c => (c ?? "").Replace("\r", "", StringComparison.Ordinal)).ToArray())
            .Where(r => !(r.Length == 1 && r[0].Length == 0))
            .ToList();
        var text = new StringWriter();
        var writer = new CsvWriter(text);
        foreach (var row in cleaned)
        {
            writer.WriteRecord(row);
        }

        var read = new CsvReader(new StringReader(text.ToString())).ReadAll().ToList();

        return read.Count == cleaned.Count
            && read.Zip(cleaned).All(p => p.First.Problem is null && p.First.Fields.Select(f => f.Value).SequenceEqual(p.Second));
    }

    [Property(MaxTest = 200)]
    public bool Read_InputArrivingInSmallPieces_ReadsTheSameCellsAndPlaces(string?[][] rows, byte piece)
    {
        var text = new StringWriter();
        var writer = new CsvWriter(text);
        foreach (var row in rows.Where(r => r is { Length: > 0 }))
        {
            writer.WriteRecord(row.Select(c => c ?? ""));
        }
        text.Write("a,b\"c\nlong,");
        text.Write(new string('y', CsvReader.MaxCellLength + 3));
        text.Write("\nend,row\n");

        var whole = new CsvReader(new StringReader(text.ToString())).ReadAll().ToList();
        var pieces = new CsvReader(new TricklingReader(text.ToString(), 1 + (piece % 17))).ReadAll().ToList();

        return whole.Count == pieces.Count
            && whole.Zip(pieces).All(p => p.First.Line == p.Second.Line && p.First.Problem == p.Second.Problem
                && p.First.Fields.SequenceEqual(p.Second.Fields));
    }

    /// <summary>Hands out at most a few characters per read, so that cells straddle the reader's buffer.</summary>
    private sealed class TricklingReader(string text, int piece) : TextReader
    {
        private int _position;

        public override int Peek() => _position < text.Length ? text[_position] : -1;

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, piece), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
