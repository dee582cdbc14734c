using Sightline.Knowledge;
using Sightline.Risk;
using Sightline.Tests.Knowledge;

namespace Sightline.Tests.Risk;

public sealed class RiskAssessorTests : IDisposable
{
    private const string InRange = "V5.3.0 build 150101";

    private readonly TestKnowledge _folder = TestKnowledge.Create();
    private readonly Lazy<KnowledgeBase> _knowledge;

    public RiskAssessorTests() => _knowledge = new(_folder.Load);

    public void Dispose() => _folder.Dispose();

    private KnowledgeBase Knowledge => _knowledge.Value;

    private List<RiskFinding> Assess(string maker, SystemUse use, string? model = "AC-100", string? firmware = InRange) =>
        RiskAssessor.Assess(Knowledge, Knowledge.Makers[maker], model, firmware, use);

    private static RiskFinding Finding(List<RiskFinding> findings, string id) => Assert.Single(findings, f => f.Id == id);

    [Theory]
    [InlineData("Port security")]
    [InlineData("Crime Prevention in the town centre")]
    [InlineData("monitoring the port-side gates")]
    [InlineData("CCTV for public safety.")]
    public void Designation_ScopedToPurposes_AppliesWhenTheSystemHasOneOfItsWords(string purposes)
    {
        var finding = Finding(Assess("acme", new SystemUse(purposes, false)), "xx-procurement");

        Assert.True(finding.Applies);
        Assert.Equal(RiskDimension.SecurityTrust, finding.Dimension);
        Assert.Equal("designation", finding.Kind);
        Assert.Contains("Acme Group and its affiliates, which include Acme", finding.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customer support desk")]
    [InlineData("passport office queue")]
    [InlineData("airports and seaports")]
    [InlineData("public safetys")]
    [InlineData("")]
    public void Designation_ScopedToPurposes_DoesNotApplyToOtherPurposes(string purposes)
    {
        var finding = Finding(Assess("acme", new SystemUse(purposes, false)), "xx-procurement");

        Assert.False(finding.Applies);
        Assert.Contains("only when used for", finding.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Designation_ScopedToPurposes_CannotBeToldForADeviceWithoutASystem()
    {
        var finding = Finding(Assess("acme", SystemUse.Unknown), "xx-procurement");

        Assert.Null(finding.Applies);
        Assert.Contains("not recorded", finding.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Designation_CoveringAffiliates_CoversASubsidiary()
    {
        var findings = Assess("acme", new SystemUse("public safety", false));

        Assert.Contains(findings, f => f.Id == "xx-procurement");
        Assert.DoesNotContain(findings, f => f.Id == "xx-entity-list");
    }

    [Fact]
    public void Designation_NotCoveringAffiliates_CoversOnlyTheNamedCompany()
    {
        var findings = Assess("acme-group", new SystemUse("anything", false));

        var finding = Finding(findings, "xx-entity-list");
        Assert.True(finding.Applies);
        Assert.Equal(RiskDimension.HumanRights, finding.Dimension);
        Assert.Contains("for any purpose", finding.Why, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Id == "old-ban");
    }

    [Fact]
    public void Designation_OfAnotherGroup_IsNotConsidered()
    {
        var findings = Assess("other-co", new SystemUse("public safety", true));

        Assert.DoesNotContain(findings, f => f.Kind == "designation");
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData("car park", true, true)]
    [InlineData("car park", false, false)]
    [InlineData("public safety", false, false)]
    public void Designation_ByCountryForSensitiveSites_AppliesOnlyOnASensitiveSite(string? purposes, bool sensitive, bool applies)
    {
        var finding = Finding(Assess("acme", new SystemUse(purposes, sensitive)), "xx-sensitive-sites");

        Assert.Equal(applies, finding.Applies);
        Assert.Contains("companies incorporated in XX", finding.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public safety", true)]
    [InlineData(null, false)]
    public void Designation_Removed_DoesNotApply(string? purposes, bool sensitive)
    {
        var finding = Finding(Assess("acme", new SystemUse(purposes, sensitive)), "old-ban");

        Assert.False(finding.Applies);
        Assert.Contains("removed on 2020-01-01", finding.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Concern_AboutAnyCompanyInTheGroup_IsListedWithTheMakersResponse()
    {
        var findings = Assess("acme", SystemUse.Unknown);

        var concern = Finding(findings, "acme-group-camps");
        Assert.Equal(("concern", RiskDimension.HumanRights, true), (concern.Kind, concern.Dimension, concern.Applies));
        Assert.Contains("Acme Group says the report is unsubstantiated.", concern.Detail, StringComparison.Ordinal);
        Assert.Contains("about Acme Group, in the same group", concern.Why, StringComparison.Ordinal);
        Assert.Contains("Test Watch", concern.Title, StringComparison.Ordinal);
        Assert.Equal("https://example.org/report", concern.Provenance.Source);
        Assert.DoesNotContain(findings, f => f.Id == "other-co-passwords");
    }

    [Fact]
    public void Concern_WithoutAResponse_SaysNoneIsOnRecord()
    {
        var concern = Finding(Assess("other-co", SystemUse.Unknown), "other-co-passwords");

        Assert.Equal(RiskDimension.SecurityTrust, concern.Dimension);
        Assert.Contains("No published response from OtherCo is on record.", concern.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InRange, true)]
    [InlineData("V5.2.0 build 140721", true)]
    [InlineData("V5.4.0 build 160530", true)]
    [InlineData("build 150101", true)]
    [InlineData("V5.4.0", true)]
    [InlineData("V5.1.0 build 130101", false)]
    [InlineData("V5.5.0 build 170101", false)]
    [InlineData("V5.4.1 build 160601", false)]
    [InlineData("V5.4.1", false)]
    public void Vulnerability_AppliesWhenTheFirmwareIsInTheAffectedRange(string firmware, bool applies)
    {
        var finding = Finding(Assess("acme", SystemUse.Unknown, "AC-100", firmware), "CVE-2099-0009");

        Assert.Equal(applies, finding.Applies);
        Assert.Equal(RiskDimension.CyberHygiene, finding.Dimension);
        Assert.Contains(firmware, finding.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.4", true)]
    [InlineData("1.0", true)]
    [InlineData("2.5", false)]
    [InlineData("2.9", false)]
    [InlineData("0.9", false)]
    public void Vulnerability_InRangeButAtOrAfterTheFix_DoesNotApply(string firmware, bool applies)
    {
        Assert.Equal(applies, Finding(Assess("acme", SystemUse.Unknown, "AC-7", firmware), "CVE-2099-0005").Applies);
    }

    [Fact]
    public void Vulnerability_OfOtherModels_IsNotListed()
    {
        var findings = Assess("acme", SystemUse.Unknown, "XY-9", InRange);

        Assert.DoesNotContain(findings, f => f.Id is "CVE-2099-0009" or "CVE-2099-0005");
        Assert.True(Finding(findings, "CVE-2099-0001").Applies);
    }

    [Theory]
    [InlineData("AC-100", null)]
    [InlineData("AC-100", "unknown")]
    [InlineData(null, InRange)]
    [InlineData(null, null)]
    public void Vulnerability_WithModelOrFirmwareUnknown_CannotBeTold(string? model, string? firmware)
    {
        var finding = Finding(Assess("acme", SystemUse.Unknown, model, firmware), "CVE-2099-0009");

        Assert.Null(finding.Applies);
        Assert.Contains("not known", finding.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Vulnerability_FirmwareThatCannotBeComparedWithTheRange_CannotBeTold()
    {
        var finding = Finding(Assess("acme", SystemUse.Unknown, "AC-7", "build 150101"), "CVE-2099-0005");

        Assert.Null(finding.Applies);
        Assert.Contains("cannot be compared", finding.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Vulnerability_OfAnotherGroup_IsNotListed()
    {
        Assert.DoesNotContain(Assess("other-co", SystemUse.Unknown), f => f.Kind == "vulnerability");
    }

    [Fact]
    public void Assess_KnownExploitedVulnerabilities_ComeFirstInCyberHygiene()
    {
        var cyber = Assess("acme", SystemUse.Unknown).Where(f => f.Dimension == RiskDimension.CyberHygiene).ToList();

        Assert.Equal(["CVE-2099-0009", "CVE-2099-0001", "CVE-2099-0005"], cyber.Select(f => f.Id));
        Assert.Equal([true, false, false], cyber.Select(f => f.Kev));
        Assert.Contains("CISA known exploited", cyber[0].Title, StringComparison.Ordinal);
        Assert.DoesNotContain("CISA", cyber[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_OrdersByDimension_ThenApplyingFirst()
    {
        var findings = Assess("acme", new SystemUse("port", false));

        Assert.Equal(["acme-group-camps", "xx-procurement", "old-ban", "xx-sensitive-sites", "CVE-2099-0009", "CVE-2099-0001", "CVE-2099-0005"],
            findings.Select(f => f.Id));
        Assert.Equal(findings.Select(f => f.Dimension).Order(), findings.Select(f => f.Dimension));
    }

    [Fact]
    public void Assess_UnknownMaker_FindsNothing() => Assert.Empty(RiskAssessor.Assess(Knowledge, null, "AC-100", InRange, SystemUse.Unknown));

    [Fact]
    public void Assess_EveryFinding_HasExactlyOneDimension()
    {
        var findings = Assess("acme", new SystemUse("port", true)).Concat(Assess("acme-group", SystemUse.Unknown)).Concat(Assess("other-co", SystemUse.Unknown));

        Assert.All(findings, f => Assert.True(f.Dimension is RiskDimension.HumanRights or RiskDimension.SecurityTrust or RiskDimension.CyberHygiene));
        Assert.All(findings.Where(f => f.Kind == "vulnerability"), f => Assert.Equal(RiskDimension.CyberHygiene, f.Dimension));
        Assert.All(findings.Where(f => f.Kind != "vulnerability"), f => Assert.NotEqual(RiskDimension.CyberHygiene, f.Dimension));
    }

    [Fact]
    public void Flags_CountOnlyFindingsThatApply()
    {
        RiskFinding Made(RiskDimension dimension, bool? applies) =>
            new(dimension, "test", dimension.ToString(), "", "", applies, "", false, Provenance.None);

        Assert.Equal(RiskDimension.None, RiskAssessor.Flags([]));
        Assert.Equal(RiskDimension.HumanRights,
            RiskAssessor.Flags([Made(RiskDimension.SecurityTrust, false), Made(RiskDimension.CyberHygiene, null), Made(RiskDimension.HumanRights, true)]));
        Assert.Equal(RiskDimension.SecurityTrust | RiskDimension.CyberHygiene,
            RiskAssessor.Flags([Made(RiskDimension.SecurityTrust, true), Made(RiskDimension.SecurityTrust, true), Made(RiskDimension.CyberHygiene, true)]));
    }

    [Fact]
    public void Flags_OfADevice_LeaveOutDimensionsWhereNothingApplies()
    {
        var findings = Assess("acme", new SystemUse("customer support", false), "AC-100", "V5.5.0 build 170101");

        Assert.Contains(findings, f => f.Dimension == RiskDimension.SecurityTrust);
        Assert.Equal(RiskDimension.HumanRights | RiskDimension.CyberHygiene, RiskAssessor.Flags(findings));
    }

    [Theory]
    [InlineData("human-rights", RiskDimension.HumanRights)]
    [InlineData("Security", RiskDimension.SecurityTrust)]
    [InlineData("cyber", RiskDimension.CyberHygiene)]
    [InlineData("safety", null)]
    public void Parse_DimensionWords(string word, RiskDimension? dimension) => Assert.Equal(dimension, RiskAssessor.Parse(word));
}
