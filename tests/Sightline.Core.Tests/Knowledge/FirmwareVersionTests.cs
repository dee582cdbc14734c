using Sightline.Knowledge;

namespace Sightline.Tests.Knowledge;

public sealed class FirmwareVersionTests
{
    private static FirmwareVersion Version(string text) => FirmwareVersion.Parse(text) ?? throw new InvalidOperationException($"'{text}' did not parse");

    [Theory]
    [InlineData("V5.4.0 build 160530", new long[] { 5, 4, 0 }, "2016-05-30")]
    [InlineData("2.800.0000016.0.R,build:2020-06-05", new long[] { 2, 800, 16, 0 }, "2020-06-05")]
    [InlineData("2.811.0000013.0.R, Build Date 2023-12-20", new long[] { 2, 811, 13, 0 }, "2023-12-20")]
    [InlineData("build 210628", new long[0], "2021-06-28")]
    [InlineData("BUILD 20190704", new long[0], "2019-07-04")]
    [InlineData("11.2.61", new long[] { 11, 2, 61 }, null)]
    [InlineData("  v4.30.005  ", new long[] { 4, 30, 5 }, null)]
    public void Parse_VendorStyles_GiveNumbersAndBuildDate(string text, long[] numbers, string? build)
    {
        var version = Version(text);

        Assert.Equal(numbers, version.Numbers);
        Assert.Equal(build is null ? null : DateOnly.Parse(build, System.Globalization.CultureInfo.InvariantCulture), version.Build);
        Assert.Equal(text.Trim(), version.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("firmware unknown")]
    [InlineData("7")]
    [InlineData("build 20201399")]
    public void Parse_NeitherNumbersNorABuildDate_IsNull(string? text) => Assert.Null(FirmwareVersion.Parse(text));

    [Fact]
    public void Parse_AbsurdlyLongNumber_DoesNotOverflow()
    {
        var version = Version("1." + new string('9', 40));

        Assert.Equal(1, version.Numbers[0]);
        Assert.True(version.Numbers.Count >= 1);
    }

    [Theory]
    [InlineData("V5.4.0 build 160530", "V5.3.0 build 170101", -1)]
    [InlineData("V5.4.0 build 160530", "V5.4.0 build 160530", 0)]
    [InlineData("2.800.0000016.0.R,build:2020-06-05", "2.800.0000016.0.R,build:2020-06-04", 1)]
    [InlineData("2.800.0000016.0.R,build:2020-06-05", "V1.0 build 200606", -1)]
    [InlineData("build 210628", "2.811.0000013.0.R, Build Date 2023-12-20", -1)]
    public void CompareTo_BothWithBuildDates_UsesTheDates(string a, string b, int sign)
    {
        Assert.Equal(sign, Math.Sign(Version(a).CompareTo(Version(b))!.Value));
        Assert.Equal(-sign, Math.Sign(Version(b).CompareTo(Version(a))!.Value));
    }

    [Theory]
    [InlineData("V5.4.0 build 160530", "5.5.0", -1)]
    [InlineData("11.2.61", "11.10.1", -1)]
    [InlineData("5.4", "5.4.0", 0)]
    [InlineData("5.4.0.1", "5.4", 1)]
    [InlineData("2.800.0000016.0", "2.800.16.0", 0)]
    public void CompareTo_NotBothWithBuildDates_UsesTheNumbers(string a, string b, int sign)
    {
        Assert.Equal(sign, Math.Sign(Version(a).CompareTo(Version(b))!.Value));
        Assert.Equal(-sign, Math.Sign(Version(b).CompareTo(Version(a))!.Value));
    }

    [Theory]
    [InlineData("build 210628", "5.5.0")]
    [InlineData("5.5.0", "build 210628")]
    public void CompareTo_NeitherBothDatesNorBothNumbers_IsNull(string a, string b) => Assert.Null(Version(a).CompareTo(Version(b)));
}
