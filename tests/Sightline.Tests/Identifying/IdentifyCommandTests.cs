using System.Text.Json;

namespace Sightline.Tests.Identifying;

public sealed class IdentifyCommandTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task Json_ForAWhiteLabelledRecorder_NamesPlatformBrandAndTells()
    {
        var file = Path.Combine(Repository.Corpus, "magicbox_getsysteminfo_lorex_nvr.txt");

        var run = await Cli.RunAsync(["identify", "--kind", "dahua.magicbox", file, "--json"], Repository.Root, NoEnvironment).Ok();

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("Dahua", root.GetProperty("platform").GetString());
        Assert.True(root.GetProperty("platformConfidence").GetDouble() >= 0.8);
        Assert.Equal(file, root.GetProperty("file").GetString());
        Assert.NotEmpty(root.GetProperty("evidence").EnumerateArray());
        Assert.True(root.GetProperty("whiteLabelSuspected").GetBoolean());
        var tells = root.GetProperty("tells").EnumerateArray().ToList();
        Assert.NotEmpty(tells);
        Assert.All(tells, tell =>
        {
            Assert.Equal(["rule", "meaning"], tell.EnumerateObject().Select(p => p.Name));
            Assert.NotEqual("", tell.GetProperty("rule").GetString());
            Assert.NotEqual("", tell.GetProperty("meaning").GetString());
            Assert.DoesNotContain("(?", tell.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(@"\\", tell.GetRawText(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Text_ExplainsEachClaimWithItsRule()
    {
        var file = Path.Combine(Repository.Corpus, "http_server_dnvrs-webs.txt");

        var run = await Cli.RunAsync(["identify", "--kind", "http.server", file], Repository.Root, NoEnvironment).Ok();

        Assert.Contains("platform maker  Hikvision", run.Output);
        Assert.Matches(@"platform +hikvision +0\.\d\d +hikvision\.", run.Output);
    }

    [Fact]
    public async Task HeaderLine_IsReadAsItsValue_AndUnknownSaysWhy()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-header-").FullName;
        try
        {
            var line = Path.Combine(folder, "server-line.txt");
            File.WriteAllText(line, "server: " + File.ReadAllText(Path.Combine(Repository.Corpus, "http_server_dnvrs-webs.txt")).Trim() + "\r\n");
            var nothing = Path.Combine(folder, "nothing.txt");
            File.WriteAllText(nothing, "Server: SimpleHTTP/0.6 Python/3.11.2");

            var run = await Cli.RunAsync(["identify", "--kind", "http.server", line, nothing], Repository.Root, NoEnvironment).Ok();

            var (first, second) = (run.Output[..run.Output.IndexOf(nothing, StringComparison.Ordinal)], run.Output[run.Output.IndexOf(nothing, StringComparison.Ordinal)..]);
            Assert.Contains("platform maker  Hikvision", first);
            Assert.Contains("note: read the value of the 'server:' header line", first);
            Assert.Contains("platform maker  unknown", second);
            Assert.Matches(@"note: unknown because none of the \d+ rules for http\.server matched this answer", second);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task HostileFiles_AreCutOrRefusedWithANote_NotFailed()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-hostile-").FullName;
        try
        {
            var huge = Path.Combine(folder, "huge.txt");
            await File.WriteAllTextAsync(huge, "App-webs/" + new string('A', 10 * 1024 * 1024));
            var dtd = Path.Combine(folder, "dtd.xml");
            await File.WriteAllTextAsync(dtd, "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"bbbbbbbb\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]><a>&c;</a>");
            var binary = Path.Combine(folder, "binary.bin");
            await File.WriteAllBytesAsync(binary, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 256))]);

            var big = await Cli.RunAsync(["identify", "--kind", "http.server", huge], folder, NoEnvironment).Ok();
            var xml = await Cli.RunAsync(["identify", "--kind", "onvif.device-information", dtd], folder, NoEnvironment).Ok();
            var noise = await Cli.RunAsync(["identify", "--kind", "dhip.devinfo", binary, "--json"], folder, NoEnvironment).Ok();

            Assert.Contains("only the first 1,048,576 were read", big.Output);
            Assert.Contains("only the first 65,536 were read", big.Output);
            Assert.Contains("DTD", xml.Output);
            Assert.Contains("not valid UTF-8", noise.Output);
            Assert.Null(JsonDocument.Parse(noise.Output).RootElement.GetProperty("platform").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task BadArguments_SayWhatIsWrong()
    {
        var unknownKind = await Cli.RunAsync(["identify", "--kind", "http.banner", "x.txt"], Repository.Root, NoEnvironment);
        var missingFile = await Cli.RunAsync(["identify", "--kind", "http.server", "no-such-file.txt"], Repository.Root, NoEnvironment);
        var nothing = await Cli.RunAsync(["identify"], Repository.Root, NoEnvironment);

        Assert.Equal(2, unknownKind.ExitCode);
        Assert.Contains("unknown kind 'http.banner'", unknownKind.Error);
        Assert.Equal(1, missingFile.ExitCode);
        Assert.Contains("no-such-file.txt: no such file", missingFile.Error);
        Assert.Equal(2, nothing.ExitCode);
    }
}
