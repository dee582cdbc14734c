using Sightline.Csv;

namespace Sightline.Tests.Csv;

public sealed class CsvTextTests
{
    private static List<CsvRecord> Read(byte[] bytes, CsvEncoding encoding = CsvEncoding.Utf8)
    {
        using var reader = CsvText.Open(new MemoryStream(bytes), encoding);
        return new CsvReader(reader).ReadAll().ToList();
    }

    [Fact]
    public void Check_FindsAControlCharacterInAQuotedCellOverSeveralLines_AtItsLineAndColumn()
    {
        var records = Read("a,\"x\ny\"\"z\u0007\"\n"u8.ToArray());

        var problem = CsvText.Check(records[0].Fields[1], "notes");

        Assert.Equal((2, 5), (problem!.Line, problem.Column));
        Assert.StartsWith("notes has control character U+0007", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FindsAByteThatIsNotUtf8_AtItsColumn_AndPassesRealReplacementCharactersAndEmoji()
    {
        var records = Read([.. "\uFFFD 😀 ok,x"u8, 0xC3, 0xFF, .. "y,"u8, 0x80, .. "\n"u8]);

        Assert.Null(CsvText.Check(records[0].Fields[0], null));
        Assert.Equal("\uFFFD 😀 ok", records[0].Fields[0].Value);
        var problem = CsvText.Check(records[0].Fields[1], null)!;
        Assert.Equal((1, 10), (problem.Line, problem.Column));
        Assert.StartsWith("a cell has a byte that is not UTF-8", problem.Reason, StringComparison.Ordinal);
        Assert.Equal((1, 14), (records[0].Fields[2].Line, records[0].Fields[2].Column));
    }

    [Fact]
    public void Open_Latin1_ReadsWindows1252_AndAUtf8BomIsSkipped()
    {
        Assert.Equal("€’é", Read([0x80, 0x92, 0xE9], CsvEncoding.Latin1)[0].Fields[0].Value);
        Assert.Equal("asset_id", Read([0xEF, 0xBB, 0xBF, .. "asset_id\n"u8])[0].Fields[0].Value);
        Assert.Equal(CsvEncoding.Latin1, CsvText.Parse("Windows-1252"));
        Assert.Null(CsvText.Parse("ebcdic"));
    }
}
