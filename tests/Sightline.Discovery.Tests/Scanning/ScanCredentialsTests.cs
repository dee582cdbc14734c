using System.Net;
using Sightline.Scanning;

namespace Sightline.Discovery.Tests.Scanning;

public sealed class ScanCredentialsTests
{
    [Fact]
    public void TheFirstMatchingLineWins_ByAddress_ThenMaker_ThenAnyone()
    {
        var (credentials, problems) = Read("""
            # site A's cameras
            10.1.0.0/16   siteA   pass word with spaces
            maker:hikvision  hik  hikpass
            *  viewer  viewpass
            """);

        Assert.Empty(problems);
        Assert.Equal(new Credential("siteA", "pass word with spaces"), credentials!.For(IPAddress.Parse("10.1.2.3"), "hikvision"));
        Assert.Equal(new Credential("hik", "hikpass"), credentials.For(IPAddress.Parse("10.2.0.1"), "hikvision"));
        Assert.Equal(new Credential("viewer", "viewpass"), credentials.For(IPAddress.Parse("10.2.0.1"), "dahua"));
        Assert.Equal(3, credentials.Count);
    }

    [Fact]
    public void BadLines_AreNamedByNumber_NeverByTheirContent()
    {
        var (credentials, problems) = Read("""
            10.1.0.0/16 onlyuser
            not-a-range user topsecret
            """);

        Assert.Null(credentials);
        Assert.Equal(2, problems.Count);
        Assert.EndsWith(":1: expected TARGET USER PASSWORD", problems[0], StringComparison.Ordinal);
        Assert.Contains(":2: target 'not-a-range'", problems[1], StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => p.Contains("topsecret", StringComparison.Ordinal) || p.Contains("onlyuser", StringComparison.Ordinal));
    }

    [Fact]
    public void ACredential_NeverPrintsItsPassword()
    {
        Assert.DoesNotContain("hunter2", new Credential("admin", "hunter2").ToString(), StringComparison.Ordinal);
    }

    private static (ScanCredentials?, List<string>) Read(string text)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, text);
            return ScanCredentials.Read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
