using System.Net;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sightline.Scope;

namespace Sightline.Tests.Scope;

public sealed class ScanScopeTests
{
    private static ScanScope Scope(string[] targets, string[]? exclusions = null, bool allowPublic = false, bool allowLarge = false)
    {
        var (scope, problems) = ScanScope.Parse(targets, exclusions ?? [], allowPublic, allowLarge);
        Assert.Empty(problems);
        return scope!;
    }

    private static List<string> Problems(string[] targets, string[]? exclusions = null, bool allowPublic = false, bool allowLarge = false)
    {
        var (scope, problems) = ScanScope.Parse(targets, exclusions ?? [], allowPublic, allowLarge);
        Assert.Null(scope);
        return problems;
    }

    [Theory]
    [InlineData("192.168.1.0/24", 256)]
    [InlineData("10.0.0.10-10.0.0.50", 41)]
    [InlineData("10.0.0.10-50", 41)]
    [InlineData("127.77.0.5", 1)]
    [InlineData("fe80::/120", 256)]
    [InlineData("192.168.1.0/24, 192.168.1.128/25", 256)]
    [InlineData("10.1.0.0/16", 65_536)]
    public void Parse_CountsTheAddressesNamed(string targets, long count) =>
        Assert.Equal(count, Scope([targets]).Count);

    [Fact]
    public void Exclusions_AreNeverProbed()
    {
        var scope = Scope(["127.77.0.0/24"], ["127.77.0.100-127.77.0.199", "127.77.0.7"]);

        var addresses = scope.Addresses().ToList();

        Assert.Equal(155, scope.Count);
        Assert.Equal(155, addresses.Count);
        Assert.DoesNotContain(IPAddress.Parse("127.77.0.7"), addresses);
        Assert.DoesNotContain(IPAddress.Parse("127.77.0.150"), addresses);
        Assert.False(scope.Contains(IPAddress.Parse("127.77.0.150")));
        Assert.True(scope.Contains(IPAddress.Parse("127.77.0.200")));
        Assert.False(scope.Contains(IPAddress.Parse("127.78.0.1")));
    }

    [Theory]
    [InlineData("8.8.8.0/24")]
    [InlineData("192.168.0.0/15")] // half private, half public
    [InlineData("2001:db8::1")]
    public void PublicSpace_IsRefused_UnlessAllowed(string target)
    {
        Assert.Contains(Problems([target]), p => p.Contains("public address space", StringComparison.Ordinal) && p.Contains(target, StringComparison.Ordinal));
        Assert.True(ScanScope.Parse([target], [], allowPublic: true, allowLarge: true).Scope is not null);
    }

    [Theory]
    [InlineData("224.0.0.251")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("ff02::c")]
    public void MulticastBroadcastAndUnspecified_AreNeverTargets(string target) =>
        Assert.Contains(Problems([target], allowPublic: true), p => p.Contains("never probed directly", StringComparison.Ordinal));

    [Fact]
    public void MoreThanASlash16_NeedsTheLargeFlag_AndMoreThanASlash8_IsRefused()
    {
        Assert.Contains(Problems(["10.0.0.0/15"]), p => p.Contains("--large", StringComparison.Ordinal));
        Assert.Equal(131_072, Scope(["10.0.0.0/15"], allowLarge: true).Count);
        Assert.Contains(Problems(["10.0.0.0/7"], allowPublic: true, allowLarge: true), p => p.Contains("at most 16,777,216", StringComparison.Ordinal));
        Assert.Contains(Problems(["fd00::/64"], allowLarge: true), p => p.Contains("at most", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cameras.example.org", "names are not accepted")]
    [InlineData("192.168.1.1/24", "host bits are set; did you mean 192.168.1.0/24?")]
    [InlineData("10.0.0.50-10.0.0.10", "ends before it starts")]
    [InlineData("10.0.0.1/33", "longer than the address")]
    [InlineData("10.0.0.1-fe80::1", "mixes IPv4 and IPv6")]
    [InlineData("10.0.0.1-300", "not a range")]
    public void BadTargets_SayWhatIsWrongAndWhere(string target, string reason) =>
        Assert.Contains(Problems([target]), p => p.StartsWith($"target '{target}': ", StringComparison.Ordinal) && p.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void NoTargets_OrEverythingExcluded_IsAProblem()
    {
        Assert.Contains(Problems([]), p => p.StartsWith("no targets", StringComparison.Ordinal));
        Assert.Contains(Problems(["10.0.0.0/30"], ["10.0.0.0/29"]), p => p.Contains("remove every target", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetsFile_SkipsCommentsAndBlankLines()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# council CCTV VLANs\n10.20.1.0/24\n\n10.20.2.0/24   # depot\n");

            Assert.Equal(["10.20.1.0/24", "10.20.2.0/24"], ScanScope.ReadTargetsFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Property]
    public void EveryAddressProbed_IsInATargetAndInNoExclusion(byte a, byte b, byte c, byte d)
    {
        var target = $"10.{a}.0.0/24";
        var exclusion = $"10.{a}.0.{Math.Min(b, c)}-10.{a}.0.{Math.Max(b, c)}";
        var scope = Scope([target], [exclusion, $"10.{a}.0.{d}"]);
        var excluded = ScanScope.ParseTarget(exclusion, out _)!.Value;

        var addresses = scope.Addresses().ToList();

        Assert.Equal(scope.Count, addresses.Count);
        Assert.All(addresses, address =>
        {
            Assert.True(ScanScope.ParseTarget(target, out _)!.Value.Contains(address));
            Assert.False(excluded.Contains(address));
            Assert.NotEqual(IPAddress.Parse($"10.{a}.0.{d}"), address);
        });
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
    }

    // Any text gives either a non-empty scope or at least one problem saying why not, never both and never an
    // exception; a target excluded by itself always leaves nothing to scan.
    [Property]
    public FsCheck.Property ArbitraryText_GivesAScopeOrSaysWhyNot(string? text)
    {
        var (scope, problems) = ScanScope.Parse([text ?? ""], [], false, false);
        var (remaining, why) = ScanScope.Parse([text ?? ""], [text ?? ""], false, false);
        return ((scope is null) == (problems.Count > 0)
            && (scope is null || scope.Count > 0)
            && problems.TrueForAll(p => p.Length > 0)
            && remaining is null && why.Count > 0).ToProperty();
    }
}
