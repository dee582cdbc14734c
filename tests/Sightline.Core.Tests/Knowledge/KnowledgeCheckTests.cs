using Sightline.Knowledge;

namespace Sightline.Tests.Knowledge;

public sealed class KnowledgeCheckTests : IDisposable
{
    private readonly TestKnowledge _folder = TestKnowledge.Create();

    public void Dispose() => _folder.Dispose();

    private List<string> Check() => KnowledgeCheck.Run(_folder.Load());

    [Fact]
    public void Run_CleanFolder_FindsNothing() => Assert.Empty(Check());

    [Fact]
    public void Run_ExampleTheRuleDoesNotMatch_IsReported()
    {
        _folder.WriteRules("extra.json", TestKnowledge.Rule("zeta.server", "http.server", "^Zeta-Webs$", "acme", "ZetaWebs"));

        var problem = Assert.Single(Check());

        Assert.StartsWith("rules/extra.json, rule 1 (zeta.server)", problem, StringComparison.Ordinal);
        Assert.Contains("does not match its example 'ZetaWebs'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ExampleExpectingAnotherClaimValue_IsReported()
    {
        _folder.WriteRules("extra.json", TestKnowledge.Rule("zeta.server", "http.server", "^Zeta-Webs$", "acme", "Zeta-Webs", expect: "other-co"));

        var problem = Assert.Single(Check());

        Assert.Contains("zeta.server", problem, StringComparison.Ordinal);
        Assert.Contains("expected platform 'other-co', got 'acme'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TemplateClaimFilledWithTheWrongGroup_IsReported()
    {
        var rule = TestKnowledge.Rule("zeta.model", "http.title", "^Zeta (?<model>[A-Z]+-\\d+) (?<name>\\w+)$", "acme", "Zeta AB-12 Home");
        rule["claims"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["type"] = "model", ["value"] = "{name}", ["weight"] = 0.8 });
        rule["examples"]![0]!["expect"]!["model"] = "AB-12";
        _folder.WriteRules("extra.json", rule);

        Assert.Contains("expected model 'AB-12', got 'Home'", Assert.Single(Check()), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RuleMatchingItsCounterexample_IsReported()
    {
        _folder.WriteRules("extra.json", TestKnowledge.Rule("zeta.server", "http.server", "Zeta", "acme", "Zeta-Webs", null, "NotZeta", "Webs"));

        var problem = Assert.Single(Check());

        Assert.Contains("zeta.server", problem, StringComparison.Ordinal);
        Assert.Contains("matches its counterexample 'NotZeta'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RulesOfOneKindNamingPlatformsOfDifferentGroups_AreAContradiction()
    {
        _folder.WriteRules("extra.json",
            TestKnowledge.Rule("zeta.acme", "http.server", "^Zeta", "acme", "Zeta/1.0"),
            TestKnowledge.Rule("zeta.other", "http.server", "^Zeta/\\d", "other-co", "Zeta/2.0"));

        var problems = Check();

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains("contradicts rule", p, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("zeta.acme") && p.Contains("zeta.other") && p.Contains("platform"));
    }

    [Fact]
    public void Run_RulesNamingMakersOfOneGroup_AreNoContradiction()
    {
        _folder.WriteRules("extra.json",
            TestKnowledge.Rule("zeta.acme", "http.server", "^Zeta", "acme", "Zeta/1.0"),
            TestKnowledge.Rule("zeta.group", "http.server", "^Zeta/\\d", "acme-group", "Zeta/2.0"));

        Assert.Empty(Check());
    }

    [Fact]
    public void Run_RulesOfDifferentKinds_AreNoContradiction()
    {
        _folder.WriteRules("extra.json",
            TestKnowledge.Rule("zeta.acme", "http.server", "^Zeta", "acme", "Zeta/1.0"),
            TestKnowledge.Rule("zeta.other", "rtsp.server", "^Zeta/\\d", "other-co", "Zeta/2.0"));

        Assert.Empty(Check());
    }

    [Fact]
    public void Run_SurveillanceAndNonSurveillanceClassOnOneExample_AreAContradiction()
    {
        var camera = TestKnowledge.Rule("zeta.camera", "http.title", "^Zeta", "acme", "Zeta Console");
        camera["claims"]![0]!["type"] = "class";
        camera["claims"]![0]!["value"] = "camera";
        camera["examples"]![0]!["expect"] = new System.Text.Json.Nodes.JsonObject { ["class"] = "camera" };
        var printer = TestKnowledge.Rule("zeta.printer", "http.title", "Console$", "acme", "Zeta Console");
        printer["claims"]![0]!["type"] = "class";
        printer["claims"]![0]!["value"] = "printer";
        printer["examples"]![0]!["expect"] = new System.Text.Json.Nodes.JsonObject { ["class"] = "printer" };
        _folder.WriteRules("extra.json", camera, printer);

        Assert.Contains(Check(), p => p.Contains("contradicts rule") && p.Contains("class"));
    }

    [Fact]
    public void Run_ModelPatternNotMatchingItsExample_IsReported()
    {
        var line = _folder.Append("models.csv", "ZZ-,other-co,camera,0.5,ZZ-1;AB-1,https://example.org/zz,2026-01-15");

        var problem = Assert.Single(Check());

        Assert.StartsWith($"models.csv:{line}", problem, StringComparison.Ordinal);
        Assert.Contains("does not match its example 'AB-1'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelPatterns_AreAnchoredAtTheStartAndIgnoreCase()
    {
        _folder.Append("models.csv", "ZZ-,other-co,camera,0.5,zz-1;XZZ-1,https://example.org/zz,2026-01-15");

        Assert.Contains("does not match its example 'XZZ-1'", Assert.Single(Check()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp.banner")]
    [InlineData("http.server")]
    public void Run_RulePatternTooBigForTheEngine_IsReportedNotThrown(string kind)
    {
        // Loads (the syntax is fine) but the non-backtracking engine refuses to build it; http.server also has other rules,
        // so the contradiction check runs it against their examples too.
        _folder.WriteRules("extra.json", TestKnowledge.Rule("zeta.huge", kind, "^Z{0,100000}eta", "acme", "Zeta"));

        var problems = KnowledgeCheck.Run(KnowledgeBase.Read(_folder.Folder));

        Assert.Contains(problems, p => p.Contains("zeta.huge"));
    }

    [Fact]
    public void Run_ModelPatternTooBigForTheEngine_IsReportedNotThrown()
    {
        _folder.Append("models.csv", "\"ZZ-\\d{0,100000}\",other-co,camera,0.5,ZZ-1,https://example.org/zz,2026-01-15");

        var problems = KnowledgeCheck.Run(KnowledgeBase.Read(_folder.Folder));

        Assert.Contains(problems, p => p.StartsWith("models.csv:", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_FolderWithLoadingProblems_ListsThemFirst()
    {
        _folder.Append("brands.csv", "Nixie,nobody,oem,,,reported,,https://example.org/nixie,2026-01-15");
        _folder.WriteRules("extra.json", TestKnowledge.Rule("zeta.server", "http.server", "^Zeta-Webs$", "acme", "ZetaWebs"));

        var problems = KnowledgeCheck.Run(KnowledgeBase.Read(_folder.Folder));

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("brands.csv:", problems[0], StringComparison.Ordinal);
        Assert.Contains("does not match its example", problems[1], StringComparison.Ordinal);
    }
}
