using Sightline.Register;

namespace Sightline.Tests.Register;

public sealed class NetworkAddressTests
{
    [Theory]
    [InlineData("00:11:22:aa:bb:cc", "00:11:22:AA:BB:CC")]
    [InlineData("00-11-22-AA-BB-CC", "00:11:22:AA:BB:CC")]
    [InlineData("0011.22aa.bbcc", "00:11:22:AA:BB:CC")]
    [InlineData("001122AABBCC", "00:11:22:AA:BB:CC")]
    [InlineData("00:11:22:AA:BB", null)]
    [InlineData("00:11:22:AA:BB:CC:DD", null)]
    [InlineData("00:11:22:AA:BB:CG", null)]
    [InlineData("00:1122:AA:BB:CC", null)]
    public void NormaliseMac_AcceptsCommonFormsOnly(string text, string? expected) =>
        Assert.Equal(expected, NetworkAddress.NormaliseMac(text));

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("10.1", null)]
    [InlineData("1.2.3", null)]
    [InlineData("1.2.3.4.5", null)]
    [InlineData("1.2.3.4.", null)]
    [InlineData("1234.0.0.1", null)]
    [InlineData("10.0.0.256", null)]
    [InlineData("camera-1", null)]
    public void NormaliseIp_RejectsShorthand(string text, string? expected) =>
        Assert.Equal(expected, NetworkAddress.NormaliseIp(text));

    [Theory]
    [InlineData("02:00:00:00:00:01", true)]
    [InlineData("44:19:B6:00:00:01", false)]
    public void IsLocallyAdministered_ReadsTheBit(string mac, bool expected) =>
        Assert.Equal(expected, NetworkAddress.IsLocallyAdministered(mac));
}
