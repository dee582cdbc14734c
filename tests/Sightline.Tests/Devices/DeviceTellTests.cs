using System.Text.RegularExpressions;

namespace Sightline.Tests.Devices;

public sealed class DeviceTellTests
{
    // Sold as LTS; a Hikvision NVR model number (knowledge pattern DS-[79]\d{3}N) and a Hikvision MAC.
    private const string Recorder =
        Samples.Header + "\n" +
        "NVR-LTS,Town Centre CCTV,Control Room,,,,nvr,LTS,DS-7608NXI-I2,,,,BC:AD:28:00:00:09,,,,active,,\n";

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Show_WhiteLabelTells_GiveEachRuleIdAndWhatItMeans_NeverThePattern(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Recorder)).Ok();

        var show = await Cli.RunAsync(register, "devices", "show", "NVR-LTS").Ok();

        Assert.Contains("white label     suspected: sold as LTS, made on Hikvision's platform", show.Output);
        var tells = show.Output.Split('\n').Where(l => l.TrimStart().StartsWith("tell: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(tells, t => Regex.IsMatch(t, @"tell: Hikvision nvr model numbering, as in DS-7608NXI-I2 \(model:hikvision:\d+\)$"));
        Assert.Contains(tells, t => Regex.IsMatch(t, @"tell: MAC address in the block BCAD28 registered to .+ \(oui:BCAD28\)$"));
        Assert.DoesNotContain(tells, t => t.Contains("(brand:", StringComparison.Ordinal)); // the brand's link is what is checked, not a tell
        Assert.All(tells, t =>
        {
            Assert.DoesNotContain("[79]", t, StringComparison.Ordinal);
            Assert.DoesNotContain(@"\d", t, StringComparison.Ordinal);
        });
    }
}
