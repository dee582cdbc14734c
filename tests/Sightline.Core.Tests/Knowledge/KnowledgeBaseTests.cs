using Sightline.Knowledge;

namespace Sightline.Tests.Knowledge;

public sealed class KnowledgeBaseTests : IDisposable
{
    private readonly TestKnowledge _folder = TestKnowledge.Create();

    public void Dispose() => _folder.Dispose();

    private KnowledgeException LoadFails() => Assert.Throws<KnowledgeException>(_folder.Load);

    [Fact]
    public void Load_TestFolder_ReadsEveryTable()
    {
        var knowledge = _folder.Load();

        Assert.Empty(knowledge.Problems);
        Assert.Equal(["acme", "acme-group", "other-co", "printer-co", "shopcam"], knowledge.Makers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(7, knowledge.BrandLinks.Count);
        Assert.Equal(6, knowledge.Rules.Count);
        Assert.Equal(3, knowledge.ModelPatterns.Count);
        Assert.Equal(4, knowledge.OuiBlocks.Count);
        Assert.Equal(4, knowledge.Designations.Count);
        Assert.Equal(2, knowledge.Concerns.Count);
        Assert.Equal(3, knowledge.Vulnerabilities.Count);
        Assert.Equal("2026-01-12", knowledge.OuiDate);
        Assert.Equal(["https://example.org/acme", "https://example.org/acme-annual-report"], knowledge.Makers["acme"].Provenance.Urls);
    }

    [Fact]
    public void Load_SameFiles_GiveTheSameVersion_AndAChangeGivesAnother()
    {
        var before = _folder.Load().Version;

        Assert.Equal(before, _folder.Load().Version);
        _folder.Append("models.csv", "AX-,acme,camera,0.5,AX-1,https://example.org/ax,2026-01-15");
        Assert.NotEqual(before, _folder.Load().Version);
    }

    [Theory]
    [InlineData("acme", "acme")]
    [InlineData("Acme", "acme")]
    [InlineData("ACME VISION", "acme")]
    [InlineData("acme-vision tech", "acme")]
    [InlineData("Acme Vision Technology Co Ltd", "acme")]
    [InlineData("acme vision technology co., ltd.", "acme")]
    [InlineData("  ACME   HOLDINGS ", "acme-group")]
    [InlineData("Other-Co", "other-co")]
    [InlineData("other co cameras", "other-co")]
    [InlineData("Print Company PLC", "printer-co")]
    public void FindMaker_IdNameLegalNameOrAlias_IgnoringCaseAndPunctuation(string name, string expected)
    {
        Assert.Equal(expected, _folder.Load().FindMaker(name)?.Id);
    }

    [Theory]
    [InlineData("Acme Visions")]
    [InlineData("Vendix")]
    [InlineData("")]
    [InlineData("---")]
    public void FindMaker_UnknownName_IsNull(string name) => Assert.Null(_folder.Load().FindMaker(name));

    [Fact]
    public void Maker_RootAndSameGroup_FollowTheParents()
    {
        var makers = _folder.Load().Makers;

        Assert.Same(makers["acme-group"], makers["acme"].Root);
        Assert.Same(makers["acme-group"], makers["acme"].Parent);
        Assert.Same(makers["acme-group"], makers["acme-group"].Root);
        Assert.True(makers["acme"].SameGroup(makers["acme-group"]));
        Assert.True(makers["acme-group"].SameGroup(makers["acme"]));
        Assert.False(makers["acme"].SameGroup(makers["other-co"]));
        Assert.False(makers["shopcam"].SameGroup(makers["acme"]));
        Assert.Equal(["acme", "acme-group"], makers["acme"].Chain().Select(m => m.Id));
    }

    [Theory]
    [InlineData("A4B2C3567890", "A4B2C3567", "printer-co")]
    [InlineData("A4B2C3500000", "A4B2C35", "other-co")]
    [InlineData("A4B2C3111111", "A4B2C3", "acme")]
    [InlineData("F4E2D1000000", "F4E2D1", null)]
    public void FindOui_LongestPrefixWins(string mac, string prefix, string? maker)
    {
        var block = _folder.Load().FindOui(mac);

        Assert.NotNull(block);
        Assert.Equal(prefix, block.Prefix);
        Assert.Equal(maker, block.Maker?.Id);
    }

    [Fact]
    public void FindOui_UnregisteredMac_IsNull() => Assert.Null(_folder.Load().FindOui("001122334455"));

    [Fact]
    public void PlatformLinksFor_RelabelledBrandThatIsAlsoAMakersName_ReturnsTheOemLinks()
    {
        var links = _folder.Load().PlatformLinksFor("SHOPCAM");

        var link = Assert.Single(links);
        Assert.Equal(BrandRelationship.Oem, link.Relationship);
        Assert.Equal("acme", link.Maker?.Id);
        Assert.Equal("ShopCam", link.Brand);
    }

    [Fact]
    public void PlatformLinksFor_AMakerWhoseOwnBrandsAreAllRelabelled_ReturnsThePlatformsItSells()
    {
        _folder.Append("makers.csv", "resello,Resello,Resello Security Inc.,YY,,A privately held distributor.,no,yes,,https://example.org/resello,2026-01-15");
        _folder.Append("brands.csv", "ResView,resello,own,,,confirmed,A product line of Resello.,https://example.org/resello,2026-01-15");
        _folder.Append("brands.csv", "ResView,acme,oem,,,probable,ResView devices are Acme's.,https://example.org/resview,2026-01-15");

        var link = Assert.Single(_folder.Load().PlatformLinksFor("Resello"));

        Assert.Equal((BrandRelationship.Oem, "acme", "ResView"), (link.Relationship, link.Maker?.Id, link.Brand));
    }

    [Fact]
    public void PlatformLinksFor_AMakersOwnNameOrAlias_IsItsOwn()
    {
        var knowledge = _folder.Load();

        foreach (var name in new[] { "Acme", "acme vision", "OtherCo" })
        {
            var link = Assert.Single(knowledge.PlatformLinksFor(name));
            Assert.Equal(BrandRelationship.Own, link.Relationship);
            Assert.Equal(knowledge.FindMaker(name), link.Maker);
        }
    }

    [Fact]
    public void PlatformLinksFor_GroupAndFormerOwnerBrands_ReturnTheirRows()
    {
        var knowledge = _folder.Load();

        var group = Assert.Single(knowledge.PlatformLinksFor("acmehome"));
        var former = Assert.Single(knowledge.PlatformLinksFor("Old Eye"));

        Assert.Equal((BrandRelationship.Group, "acme"), (group.Relationship, group.Maker?.Id));
        Assert.Equal((BrandRelationship.FormerOwner, "other-co"), (former.Relationship, former.Maker?.Id));
        Assert.Equal("2015-06", former.To?.Text);
        Assert.Equal(new DateOnly(2015, 6, 30), former.To?.Last);
    }

    [Fact]
    public void PlatformLinksFor_BrandOnTwoPlatforms_ReturnsBoth()
    {
        var links = _folder.Load().PlatformLinksFor("DualView");

        Assert.Equal(["acme", "other-co"], links.Select(l => l.Maker?.Id));
    }

    [Fact]
    public void PlatformLinksFor_Placeholder_ReturnsOnlyThePlaceholderRow()
    {
        var link = Assert.Single(_folder.Load().PlatformLinksFor("onvif"));

        Assert.Equal(BrandRelationship.Placeholder, link.Relationship);
        Assert.Null(link.Maker);
    }

    [Fact]
    public void PlatformLinksFor_UnknownBrand_IsEmpty() => Assert.Empty(_folder.Load().PlatformLinksFor("Nobody Cameras"));

    [Fact]
    public void RulesFor_Kind_ReturnsItsRulesOnly()
    {
        var knowledge = _folder.Load();

        Assert.Equal(["acme.http-server.webs", "acme.http-server.prefix", "other.http-server"], knowledge.RulesFor("http.server").Select(r => r.Id));
        Assert.Equal("Model", Assert.Single(knowledge.RulesFor("onvif.device-information")).Field);
        Assert.Empty(knowledge.RulesFor("tls.subject"));
    }

    [Fact]
    public void Load_EnterpriseNumbers_AreFoundByNumber_AndAreOptional()
    {
        Assert.Empty(_folder.Load().EnterpriseNumbers);
        _folder.Write("enterprises.csv", "number,organisation,maker,source,checked\n39999,Acme Vision,acme,https://example.org/iana,2026-01-15\n8072,net-snmp,,https://example.org/iana,2026-01-15\n");

        var knowledge = _folder.Load();

        Assert.Equal("acme", knowledge.FindEnterprise(39999)?.Maker?.Id);
        Assert.Null(knowledge.FindEnterprise(8072)?.Maker);
        Assert.Null(knowledge.FindEnterprise(1));
    }

    [Theory]
    [InlineData("1.3.6,Acme Vision,acme", "'1.3.6' is not an enterprise number")]
    [InlineData("39999,Acme Vision,nobody", "'nobody' is not a maker id")]
    [InlineData("39999,Acme Vision,acme\n39999,Acme again,acme", "enterprise number 39999 is listed twice")]
    public void Load_BadEnterpriseRow_NamesFileLineAndWhatIsWrong(string rows, string problem)
    {
        var lines = rows.Split("\n").Select(r => r + ",https://example.org/iana,2026-01-15");
        _folder.Write("enterprises.csv", "number,organisation,maker,source,checked\n" + string.Join("\n", lines) + "\n");

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("enterprises.csv:", StringComparison.Ordinal) && p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RowWithoutSource_NamesFileAndLine()
    {
        var line = _folder.Append("makers.csv", "nosource,NoSource,NoSource Ltd,XX,,,no,yes,,,2026-01-15");

        Assert.Contains(LoadFails().Problems, p => p.StartsWith($"makers.csv:{line}:", StringComparison.Ordinal) && p.Contains("no source URL"));
    }

    [Fact]
    public void Load_SourceThatIsNotAUrl_IsAProblem()
    {
        var line = _folder.Append("brands.csv", "Nixie,acme,oem,,,reported,,see the manual,2026-01-15");

        Assert.Contains(LoadFails().Problems, p => p.StartsWith($"brands.csv:{line}:", StringComparison.Ordinal) && p.Contains("no source URL"));
    }

    [Fact]
    public void Load_ParentThatIsNotAMaker_NamesFileAndLine()
    {
        var line = _folder.Append("makers.csv", "orphan,Orphan,Orphan Ltd,XX,nobody,,no,yes,,https://example.org/orphan,2026-01-15");

        Assert.Contains(LoadFails().Problems,
            p => p.StartsWith($"makers.csv:{line}", StringComparison.Ordinal) && p.Contains("parent 'nobody' of 'orphan' is not a maker"));
    }

    [Fact]
    public void Load_BrandOfAnUnknownMaker_NamesFileAndLine()
    {
        var line = _folder.Append("brands.csv", "Nixie,nobody,oem,,,reported,,https://example.org/nixie,2026-01-15");

        Assert.Contains(LoadFails().Problems,
            p => p.StartsWith($"brands.csv:{line}:", StringComparison.Ordinal) && p.Contains("'nobody' is not a maker id"));
    }

    [Theory]
    [InlineData("2019-02-30", "2026-01-15", "is not a date")]
    [InlineData("2019", "15/01/2026", "no checked date")]
    [InlineData("May 2019", "2026-01-15", "is not a date")]
    public void Load_BadDate_NamesFileAndLine(string from, string checkedOn, string reason)
    {
        var line = _folder.Append("brands.csv", $"Nixie,acme,oem,{from},,reported,,https://example.org/nixie,{checkedOn}");

        Assert.Contains(LoadFails().Problems, p => p.StartsWith($"brands.csv:{line}:", StringComparison.Ordinal) && p.Contains(reason));
    }

    [Fact]
    public void Load_RuleWithUnknownClaimType_NamesFileAndRule()
    {
        var rule = TestKnowledge.Rule("bad.claim", "http.server", "^Bad$", "acme", "Bad");
        rule["claims"]![0]!["type"] = "vendor";
        _folder.WriteRules("bad.json", rule);

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("rules/bad.json", StringComparison.Ordinal)
            && p.Contains("rule 1 (bad.claim)") && p.Contains("unknown claim type 'vendor'"));
    }

    [Fact]
    public void Load_RuleWithUnknownDeviceClass_NamesFileAndRule()
    {
        var rule = TestKnowledge.Rule("bad.class", "http.server", "^Bad$", "acme", "Bad");
        rule["claims"]![0]!["type"] = "class";
        rule["claims"]![0]!["value"] = "toaster";
        rule["examples"]![0]!["expect"] = new System.Text.Json.Nodes.JsonObject();
        _folder.WriteRules("bad.json", rule);

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("rules/bad.json", StringComparison.Ordinal)
            && p.Contains("rule 1 (bad.class)") && p.Contains("unknown device class 'toaster'"));
    }

    [Fact]
    public void Load_RuleWithUnknownKind_NamesFileAndRule()
    {
        _folder.WriteRules("bad.json", TestKnowledge.Rule("ok", "http.server", "^Ok$", "acme", "Ok"),
            TestKnowledge.Rule("bad.kind", "http.banana", "^Bad$", "acme", "Bad"));

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("rules/bad.json", StringComparison.Ordinal)
            && p.Contains("rule 2 (bad.kind)") && p.Contains("unknown kind 'http.banana'"));
    }

    [Fact]
    public void Load_RuleClaimingAnUnknownPlatform_IsAProblem()
    {
        _folder.WriteRules("bad.json", TestKnowledge.Rule("bad.platform", "http.server", "^Bad$", "nobody", "Bad"));

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("rules/bad.json", StringComparison.Ordinal)
            && p.Contains("bad.platform") && p.Contains("platform 'nobody' is not a maker"));
    }

    [Theory]
    [InlineData(@"^(a)\1$")]
    [InlineData(@"^(?<x>a)\k<x>$")]
    [InlineData("^Acme(?=-Webs)")]
    [InlineData("(?<!x)Acme")]
    public void Load_RulePatternTheNonBacktrackingEngineCannotRun_IsRefused(string pattern)
    {
        _folder.WriteRules("bad.json", TestKnowledge.Rule("bad.pattern", "http.server", pattern, "acme", "aa"));

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("rules/bad.json", StringComparison.Ordinal)
            && p.Contains("rule 1 (bad.pattern)") && p.Contains("backreferences"));
        Assert.DoesNotContain(KnowledgeBase.Read(_folder.Folder).Rules, r => r.Id == "bad.pattern");
    }

    [Theory]
    [InlineData("(?<a>x)(?<b-a>y)")]
    [InlineData("(?'a'x)(?'-a'y)")]
    [InlineData(@"\Gabc")]
    public void Load_RulePatternWithABalancingGroupOrContiguousAnchor_IsRefused(string pattern)
    {
        // The non-backtracking engine lacks these as it lacks backreferences; a pattern that loads but cannot be built fails every match.
        _folder.WriteRules("bad.json", TestKnowledge.Rule("bad.pattern", "http.server", pattern, "acme", "xy"));

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("rules/bad.json", StringComparison.Ordinal) && p.Contains("rule 1 (bad.pattern)"));
    }

    [Fact]
    public void Load_RulePatternThatIsNotARegularExpression_IsRefused()
    {
        _folder.WriteRules("bad.json", TestKnowledge.Rule("bad.pattern", "http.server", "^(Acme", "acme", "Acme"));

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("rules/bad.json", StringComparison.Ordinal) && p.Contains("rule 1 (bad.pattern)"));
    }

    [Fact]
    public void Load_RuleWithoutSource_IsAProblem()
    {
        var rule = TestKnowledge.Rule("no.source", "http.server", "^Bad$", "acme", "Bad");
        rule["source"] = "";
        _folder.WriteRules("bad.json", rule);

        Assert.Contains(LoadFails().Problems, p => p.Contains("no.source") && p.Contains("needs a source URL and a checked date"));
    }

    [Fact]
    public void Load_RuleFileThatIsNotJson_NamesFileAndLine()
    {
        _folder.Write("rules/bad.json", "{\n  \"rules\": [\n    { \"id\": \n");

        Assert.Contains(LoadFails().Problems, p => p.StartsWith("rules/bad.json:", StringComparison.Ordinal) && p.Contains("not valid JSON"));
    }

    [Fact]
    public void Load_EveryProblem_IsReportedAtOnce()
    {
        _folder.Append("makers.csv", "nosource,NoSource,NoSource Ltd,XX,,,no,yes,,,2026-01-15");
        _folder.Append("brands.csv", "Nixie,nobody,oem,,,reported,,https://example.org/nixie,2026-01-15");

        var problems = LoadFails().Problems;

        Assert.Contains(problems, p => p.StartsWith("makers.csv:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("brands.csv:", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FolderWithProblems_KeepsWhatCouldBeRead()
    {
        _folder.Append("brands.csv", "Nixie,nobody,oem,,,reported,,https://example.org/nixie,2026-01-15");

        var knowledge = KnowledgeBase.Read(_folder.Folder);

        Assert.Single(knowledge.Problems);
        Assert.Equal(5, knowledge.Makers.Count);
        Assert.Equal(6, knowledge.Rules.Count);
    }
}
