namespace Sightline.Tests.Kb;

public sealed class KbCommandTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task Verify_TheShippedKnowledgeIsSound()
    {
        var run = await Cli.RunAsync(["kb", "verify"], Repository.Root, NoEnvironment).Ok();

        Assert.Contains("is sound", run.Output);
        Assert.Matches(@"\d+ rules \(\d+ examples\)", run.Output);
    }

    [Fact]
    public async Task Verify_NamesEveryBrokenRow()
    {
        var folder = Repository.CopyOfKnowledge();
        try
        {
            File.AppendAllText(Path.Combine(folder, "makers.csv"), "nosource-co,NoSource,NoSource Ltd,GB,,,,yes,,,2026-11-29\n");
            File.AppendAllText(Path.Combine(folder, "brands.csv"), "Ghost,no-such-maker,oem,,,reported,,https://example.org/,2026-11-29\n");
            File.WriteAllText(Path.Combine(folder, "rules", "zz-broken.json"), """
                { "rules": [
                  { "id": "zz.example", "kind": "http.server", "pattern": "^Webs$",
                    "claims": [ { "type": "platform", "value": "hikvision", "weight": 0.7 } ],
                    "examples": [ { "value": "Not-Webs" } ],
                    "source": "https://example.org/", "checked": "2026-11-29" },
                  { "id": "zz.contradiction", "kind": "http.server", "pattern": "^App-webs/$",
                    "claims": [ { "type": "platform", "value": "axis", "weight": 0.7 } ],
                    "examples": [ { "value": "App-webs/" } ],
                    "source": "https://example.org/", "checked": "2026-11-29" }
                ] }
                """);

            var run = await Cli.RunAsync(["kb", "verify", "--knowledge", folder], Repository.Root, NoEnvironment);

            Assert.Equal(1, run.ExitCode);
            Assert.Matches(@"makers\.csv:\d+:\d+: no source URL", run.Output);
            Assert.Matches(@"brands\.csv:\d+:\d+: 'no-such-maker' is not a maker id", run.Output);
            Assert.Contains("(zz.example): does not match its example 'Not-Webs'", run.Output);
            Assert.Matches(@"contradicts rule '[^']+' on 'App-webs/': platform", run.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task BrokenKnowledge_StopsOtherCommandsWithAClearError()
    {
        var folder = Repository.CopyOfKnowledge();
        try
        {
            File.AppendAllText(Path.Combine(folder, "designations.csv"), "x,X list,US,no-such-maker,no,any,security,ban,,,,,https://example.org/,2026-11-29\n");

            var run = await Cli.RunAsync(["identify", "--kind", "http.server", "--knowledge", folder, Path.Combine(Repository.Corpus, "http_server_dnvrs-webs.txt")],
                Repository.Root, NoEnvironment);

            Assert.Equal(2, run.ExitCode);
            Assert.Matches(@"designations\.csv:\d+:\d+: 'no-such-maker' is not a maker id", run.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Show_AMaker_GivesItsGroupListsConcernsAndSources()
    {
        var run = await Cli.RunAsync(["kb", "show", "hikvision"], Repository.Root, NoEnvironment).Ok();

        Assert.Matches(@"group +Hikvision → CETHIK[^\n]* → CETC", run.Output);
        Assert.Contains("Designations covering it", run.Output);
        Assert.Contains("NDAA", run.Output);
        Assert.Contains("Concerns (its corporate group)", run.Output);
        Assert.Contains("Hikvision's response:", run.Output);
        Assert.Matches(@"source: https?://", run.Output);
    }

    [Fact]
    public async Task List_ShowsRowsWithTheirSources()
    {
        var counts = await Cli.RunAsync(["kb", "list"], Repository.Root, NoEnvironment).Ok();
        var designations = await Cli.RunAsync(["kb", "list", "designations"], Repository.Root, NoEnvironment).Ok();
        var unknown = await Cli.RunAsync(["kb", "list", "nonsense"], Repository.Root, NoEnvironment);

        Assert.Contains("knowledge version", counts.Output);
        Assert.Matches(@"Table\s+Rows", counts.Output);
        Assert.Matches(@"Designation\s+List\s+Jurisdiction\s+Applies to", designations.Output);
        Assert.Contains("us-ndaa-889", designations.Output);
        Assert.Contains("https://", designations.Output);
        Assert.Equal(2, unknown.ExitCode);
    }
}
