using System.Text.Json;

namespace Sightline.Tests.Identifying;

/// <summary>
/// The shipped knowledge against labelled real device responses (tests/corpus) and our own handmade
/// captures (Observations/*): the platform maker right for at least 95% of surveillance samples, and no
/// non-camera device called a camera or given a camera maker.
/// </summary>
public sealed class CorpusConformanceTests
{
    [Fact]
    public async Task SharedCorpus_PlatformRightForAtLeast95Percent_AndNoNegativeCalledACamera()
    {
        Assert.True(File.Exists(Path.Combine(Repository.Corpus, "index.tsv")), $"the conformance corpus is missing at {Repository.Corpus}");

        var summary = await SummaryAsync(Repository.Corpus);

        var positives = summary.GetProperty("positives").GetInt32();
        var correct = summary.GetProperty("correct").GetInt32();
        Assert.True(positives >= 80, $"only {positives} surveillance samples were scored");
        Assert.True(correct >= positives * 0.95, $"platform right for {correct} of {positives}; confusions: {summary.GetProperty("confusions")}");
        Assert.True(summary.GetProperty("negatives").GetInt32() >= 20);
        Assert.Equal(0, summary.GetProperty("negativesCalledCameras").GetArrayLength());
    }

    [Fact]
    public async Task SharedCorpus_IsScoredPerBatchOfAddedRows_NewestAtLeast95PercentAndNoNegativeCalledACamera()
    {
        var summary = await SummaryAsync(Repository.Corpus);

        var batches = summary.GetProperty("byAdded").EnumerateObject().ToList();
        Assert.True(batches.Count >= 2, $"expected the seed rows and at least one later batch, got {summary.GetProperty("byAdded")}");
        Assert.Equal(summary.GetProperty("positives").GetInt32(), batches.Sum(b => b.Value.GetProperty("positives").GetInt32()));
        Assert.Equal(summary.GetProperty("negatives").GetInt32(), batches.Sum(b => b.Value.GetProperty("negatives").GetInt32()));
        var newest = batches[^1].Value;
        Assert.True(newest.GetProperty("positives").GetInt32() >= 10 && newest.GetProperty("negatives").GetInt32() >= 20, $"newest batch too small: {newest}");
        Assert.True(newest.GetProperty("correct").GetInt32() >= newest.GetProperty("positives").GetInt32() * 0.95, $"newest batch: {newest}");
        Assert.All(batches, b => Assert.Equal(0, b.Value.GetProperty("negativesCalledCameras").GetInt32()));
    }

    [Fact]
    public async Task CorpusText_SaysHowEachBatchOfRowsScored()
    {
        var run = await Cli.RunAsync(["identify", "--corpus", Repository.Corpus], Repository.Root, new Dictionary<string, string>()).Ok();

        Assert.Contains("By the date rows were added:", run.Output);
        Assert.Matches(@"2026-12-06 +cameras/recorders \d+/\d+ \(\d+\.\d ?%\); negatives \d+, called cameras 0", run.Output);
    }

    [Theory]
    [InlineData("asia")]
    [InlineData("west")]
    public async Task HandmadeCaptures_AreAllIdentified(string folder)
    {
        var summary = await SummaryAsync(Repository.Folder("tests", "Sightline.Tests", "Observations", folder));

        Assert.True(summary.GetProperty("positives").GetInt32() > 0);
        Assert.Equal(summary.GetProperty("positives").GetInt32(), summary.GetProperty("correct").GetInt32());
        Assert.Equal(0, summary.GetProperty("negativesCalledCameras").GetArrayLength());
    }

    [Fact]
    public async Task EverySampleGetsOneJsonObjectWithItsEvidence()
    {
        var run = await Cli.RunAsync(["identify", "--corpus", Repository.Corpus, "--json"], Repository.Root, new Dictionary<string, string>()).Ok();

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var samples = File.ReadAllLines(Path.Combine(Repository.Corpus, "index.tsv")).Skip(1).Count(l => l.Length > 0);
        Assert.Equal(samples + 1, lines.Length);
        foreach (var line in lines[..^1])
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            foreach (var field in (string[])["file", "platform", "platformConfidence", "brand", "model", "firmware", "deviceClass", "whiteLabelSuspected", "evidence"])
            {
                Assert.True(root.TryGetProperty(field, out _), $"{field} missing in {line}");
            }
            foreach (var claim in root.GetProperty("evidence").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(claim.GetProperty("rule").GetString()));
                Assert.False(string.IsNullOrEmpty(claim.GetProperty("claim").GetString()));
            }
        }
    }

    private static async Task<JsonElement> SummaryAsync(string folder)
    {
        var run = await Cli.RunAsync(["identify", "--corpus", folder, "--json"], Repository.Root, new Dictionary<string, string>()).Ok();
        var last = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonDocument.Parse(last).RootElement.GetProperty("summary").Clone();
    }
}
