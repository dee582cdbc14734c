using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sightline.Web.Tests;

public sealed class DeviceTellTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task DevicePageAndApi_GiveEachTellsRuleIdAndMeaning_NeverThePattern(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        // Sold as LTS; a Hikvision NVR model number (knowledge pattern DS-[79]\d{3}N) and a Hikvision MAC. Device 4.
        await register.RunAsync("", "import", "devices", register.File("nvr.csv",
            Estate.Header + "\nNVR-LTS,Town Centre CCTV,Control Room,,,,nvr,LTS,DS-7608NXI-I2,,,,44:19:B6:00:00:09,,,,active,,\n"));
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");

        var page = await viewer.PageAsync("/Devices/4");
        using var detail = JsonDocument.Parse(await viewer.PageAsync("/api/v1/devices/4"));

        var list = Regex.Match(page, "<ul class=\"tells\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        var items = Regex.Matches(list, "<li>(.*?)</li>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(items, i => Regex.IsMatch(i, @"^Hikvision nvr model numbering, as in DS-7608NXI-I2 <code>model:hikvision:\d+</code>$"));
        Assert.Contains(items, i => Regex.IsMatch(i, @"^MAC address in the block 4419B6 registered to .+ <code>oui:4419B6</code>$"));
        Assert.All(items, i => Assert.DoesNotContain("[79]", i, StringComparison.Ordinal));
        Assert.All(items, i => Assert.DoesNotContain(@"\d", i, StringComparison.Ordinal));
        var tells = detail.RootElement.GetProperty("verdict").GetProperty("tells").EnumerateArray().ToList();
        Assert.Equal(items.Count, tells.Count);
        Assert.Contains(tells, t => Regex.IsMatch(t.GetProperty("rule").GetString()!, @"^model:hikvision:\d+$")
            && t.GetProperty("meaning").GetString() == "Hikvision nvr model numbering, as in DS-7608NXI-I2");
        Assert.All(tells, t => Assert.DoesNotContain(@"\\d", t.GetRawText(), StringComparison.Ordinal));
    }
}
