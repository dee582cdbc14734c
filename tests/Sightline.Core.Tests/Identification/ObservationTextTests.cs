using Sightline.Identification;

namespace Sightline.Tests.Identification;

public sealed class ObservationTextTests
{
    [Theory]
    [InlineData("HIKVISION\u001b[31m", "HIKVISION")]
    [InlineData("HIKVISION\u001b[1;31m DS-2CD\u001b[0m", "HIKVISION DS-2CD")]
    [InlineData("Axis\u001b]0;owned\u0007 Q1615", "Axis Q1615")]
    [InlineData("Axis\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "Axislink")]
    [InlineData("Dahua\u009b2J\u0000\u001e", "Dahua\u0000\u001e")]
    [InlineData("\u202Egpj.exe\u2066x\u2069\u200E", "gpj.exex")]
    [InlineData("a\u001b]never ended", "anever ended")]
    [InlineData("<a>\r\n\t<b/></a>", "<a>\r\n\t<b/></a>")]
    public void Clean_RemovesEscapeSequencesAndBidiCharacters_KeepsOtherControls(string value, string clean)
    {
        Assert.Equal(clean, ObservationText.Clean(value));
    }

    [Fact]
    public void Clean_OfTextWithoutThem_IsTheSameString()
    {
        var value = "Hikvision DS-2CD2143G2-I V5.7.3 café";

        Assert.Same(value, ObservationText.Clean(value));
    }
}
