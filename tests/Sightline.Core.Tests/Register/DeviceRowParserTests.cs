using Sightline.Csv;
using Sightline.Register;

namespace Sightline.Tests.Register;

public sealed class DeviceRowParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static (DeviceRow? Row, List<CsvProblem> Problems) Parse(string header, string row)
    {
        var reader = new CsvReader(new StringReader(header + "\n" + row + "\n"));
        var problems = new List<CsvProblem>();
        var parsed = DeviceHeader.Parse(reader.Read()!, problems);
        Assert.NotNull(parsed);
        return (new DeviceRowParser(parsed, Today).Parse(reader.Read()!, problems), problems);
    }

    [Fact]
    public void Parse_InstallerWords_BecomeCanonicalValues()
    {
        var (row, problems) = Parse("Asset No,Type,Lat,Lng,Install Date,Features,MAC Address,Status",
            "A-1,IP Camera,51.50720,-0.1276,04/03/2021,LPR | PTZ,00-11-22-aa-bb-cc,In service");

        Assert.Empty(problems);
        var values = row!.Values;
        Assert.Equal("A-1", values[DeviceColumn.AssetId]);
        Assert.Equal("camera", values[DeviceColumn.Kind]);
        Assert.Equal("51.5072", values[DeviceColumn.Latitude]);
        Assert.Equal("2021-03-04", values[DeviceColumn.InstalledOn]);
        Assert.Equal("anpr;ptz", values[DeviceColumn.Capabilities]);
        Assert.Equal("00:11:22:AA:BB:CC", values[DeviceColumn.Mac]);
        Assert.Equal("active", values[DeviceColumn.Status]);
    }

    [Theory]
    [InlineData("51.5072", "-0.1276", "51.5072", "-0.1276")]
    [InlineData("51.50720", "-0.12760", "51.5072", "-0.1276")]
    [InlineData("+51.5", "-0", "51.5", "-0")]
    [InlineData("5e1", "1E2", "50", "100")]
    [InlineData(" 51.5 ", "0.0", "51.5", "0")]
    public void Parse_Numbers_BecomeTheirShortestRoundTripText(string latitude, string longitude, string canonicalLatitude,
        string canonicalLongitude)
    {
        var (row, problems) = Parse("asset_id,latitude,longitude", $"A1,{latitude},{longitude}");

        Assert.Empty(problems);
        Assert.Equal(canonicalLatitude, row!.Values[DeviceColumn.Latitude]);
        Assert.Equal(canonicalLongitude, row.Values[DeviceColumn.Longitude]);
    }

    [Theory]
    [InlineData("analytics;infrared", "analytics;infrared")]
    [InlineData(" Infrared ;; Analytics |", "analytics;infrared")]
    [InlineData("none", null)]
    public void Parse_Capabilities_BecomeCanonicalWords(string text, string? canonical)
    {
        var (row, problems) = Parse("asset_id,capabilities", $"A1,{text}");

        Assert.Empty(problems);
        Assert.Equal(canonical, row!.Values[DeviceColumn.Capabilities]);
    }

    [Fact]
    public void Parse_UnknownCapability_IsNamed()
    {
        var (row, problems) = Parse("asset_id,capabilities", "A1,analytics; x-ray ;ptz");

        Assert.Null(row);
        Assert.StartsWith("unknown capability 'x-ray';", Assert.Single(problems).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-03-04", "2021-03-04")]
    [InlineData("4/3/2021", "2021-03-04")]
    [InlineData("04/03/2021", "2021-03-04")]
    public void Parse_Dates_BecomeIsoText(string date, string canonical)
    {
        var (row, problems) = Parse("asset_id,installed_on", $"A1,{date}");

        Assert.Empty(problems);
        Assert.Equal(canonical, row!.Values[DeviceColumn.InstalledOn]);
    }

    [Theory]
    [InlineData("2027-01-01", "is in the future")]
    [InlineData("2021-02-29", "is not a real date")]
    [InlineData("31/13/2020", "is not a real date")]
    public void Parse_ImpossibleDates_AreProblems(string date, string reason)
    {
        var (row, problems) = Parse("asset_id,installed_on", $"A1,{date}");

        Assert.Null(row);
        Assert.Contains(reason, Assert.Single(problems).Reason, StringComparison.Ordinal);
        Assert.Equal(4, problems[0].Column);
    }

    [Fact]
    public void Parse_UnknownColumns_BecomeAttributes()
    {
        var (row, _) = Parse("serial,Cost Centre,Empty", "S1,CC-9,");

        Assert.Equal("CC-9", row!.Values.Attributes["Cost Centre"]);
        Assert.False(row.Values.Attributes.ContainsKey("Empty"));
    }

    [Fact]
    public void Header_WithoutAMatchKey_IsRefused()
    {
        var problems = new List<CsvProblem>();
        var header = DeviceHeader.Parse(new CsvReader(new StringReader("brand,model\n")).Read()!, problems);

        Assert.Null(header);
        Assert.Contains("asset_id, serial or mac", Assert.Single(problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_RepeatedColumnUnderAnotherName_IsRefused()
    {
        var problems = new List<CsvProblem>();
        DeviceHeader.Parse(new CsvReader(new StringReader("asset_id,Asset No\n")).Read()!, problems);

        Assert.Equal("column 'Asset No' repeats column 1 ('asset_id')", Assert.Single(problems).Reason);
    }
}
