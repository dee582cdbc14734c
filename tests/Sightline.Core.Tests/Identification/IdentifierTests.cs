using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Tests.Knowledge;

namespace Sightline.Tests.Identification;

public sealed class IdentifierTests : IDisposable
{
    private const string AcmeMac = "A4:B2:C3:11:22:33";

    private readonly TestKnowledge _folder = TestKnowledge.Create();
    private readonly Lazy<Identifier> _identifier;

    public IdentifierTests() => _identifier = new(() => new Identifier(_folder.Load()));

    public void Dispose() => _folder.Dispose();

    private Identifier Identifier => _identifier.Value;

    private Verdict Identify(params Observation[] observations) => Identifier.Identify(observations);

    private static Observation Server(string value) => new("http.server", value);

    private static Observation Title(string value) => new("http.title", value);

    private static Observation Mac(string value) => new(ObservationKinds.Mac, value);

    private static Observation Brand(string value) => new(ObservationKinds.RegisterBrand, value);

    private static Observation Model(string value) => new(ObservationKinds.RegisterModel, value);

    [Fact]
    public void Identify_RuleClaim_BecomesThePlatform()
    {
        var verdict = Identify(Server("Acme-Webs"));

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Equal("camera", verdict.DeviceClass);
        Assert.Equal("probable", verdict.ConfidenceWord);
        Assert.Contains(verdict.Evidence, c => c is { Type: ClaimType.Platform, Value: "acme", Rule: "acme.http-server.webs", Weight: 0.8 });
    }

    [Fact]
    public void Identify_TwoClaimsFromOneObservation_DoNotStack()
    {
        var verdict = Identify(Server("Acme-Webs"));

        Assert.Equal(2, verdict.Evidence.Count(c => c is { Type: ClaimType.Platform, Value: "acme" }));
        Assert.Equal(0.8, verdict.PlatformConfidence, 6);
    }

    [Fact]
    public void Identify_ObservationsSharingAGroup_CountAsOne()
    {
        var verdict = Identify(new Observation("http.server", "Acme-Webs", Group: "response"), new Observation("http.title", "Acme Live View", Group: "response"));

        Assert.Equal(0.8, verdict.PlatformConfidence, 6);
    }

    [Fact]
    public void Identify_TwoIndependentObservations_CombineByNoisyOr()
    {
        var verdict = Identify(Title("Acme Live View"), Mac(AcmeMac));

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Equal(0.84, verdict.PlatformConfidence, 6);
        Assert.Equal(0.84, Assert.Single(verdict.Candidates).Score, 6);
    }

    [Fact]
    public void Identify_ThreeIndependentObservations_CombineByNoisyOr()
    {
        var verdict = Identify(Server("Acme-Webs"), Title("Acme Live View"), Mac(AcmeMac));

        Assert.Equal(1 - (0.2 * 0.4 * 0.4), verdict.PlatformConfidence, 3);
        Assert.Equal("confirmed", verdict.ConfidenceWord);
    }

    [Fact]
    public void Identify_BelowTheThreshold_LeavesThePlatformUnknown()
    {
        var verdict = Identify(Brand("Vendix"));

        Assert.Null(verdict.Platform);
        Assert.Equal(0, verdict.PlatformConfidence);
        Assert.Equal("unknown", verdict.ConfidenceWord);
        Assert.Equal(0.4, Assert.Single(verdict.Candidates).Score, 6);
        Assert.Equal("Vendix", verdict.Brand);
    }

    [Fact]
    public void Identify_ConflictingPlatformsFromDifferentGroups_LowerConfidenceByHalfTheRival()
    {
        var verdict = Identify(Server("Acme-Webs"), Mac(AcmeMac), Server("OtherServer/2"));

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Equal(1 - (0.2 * 0.4) - (0.6 / 2), verdict.PlatformConfidence, 3);
        Assert.Contains(verdict.Notes, n => n.Contains("conflicting platforms") && n.Contains("Acme") && n.Contains("OtherCo"));
        Assert.Equal(["acme", "other-co"], verdict.Candidates.Select(c => c.Maker.Id));
    }

    [Fact]
    public void Identify_ConflictStrongEnough_LeavesThePlatformUnknown()
    {
        var verdict = Identify(Title("Acme Live View"), Server("OtherServer/2"));

        Assert.Null(verdict.Platform);
        Assert.Contains(verdict.Notes, n => n.Contains("conflicting platforms"));
    }

    [Fact]
    public void Identify_RivalBelowTheThreshold_CostsNothing()
    {
        var verdict = Identify(Server("Acme-Webs"), Brand("OldEye"));

        Assert.Equal(0.8, verdict.PlatformConfidence, 6);
        Assert.DoesNotContain(verdict.Notes, n => n.Contains("conflicting"));
    }

    [Fact]
    public void Identify_MakersOfOneGroup_AreNoConflict()
    {
        _folder.WriteRules("group.json", TestKnowledge.Rule("group.server", "rtsp.server", "^AcmeGroup RTSP", "acme-group", "AcmeGroup RTSP"));

        var verdict = Identify(Server("Acme-Webs"), new Observation("rtsp.server", "AcmeGroup RTSP"));

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Equal(0.8, verdict.PlatformConfidence, 6);
        Assert.DoesNotContain(verdict.Notes, n => n.Contains("conflicting"));
    }

    [Fact]
    public void Identify_BrandOnTwoPlatforms_AddsNoPlatformAndSaysSo()
    {
        var verdict = Identify(Brand("dualview"));

        Assert.DoesNotContain(verdict.Evidence, c => c.Type == ClaimType.Platform);
        Assert.Empty(verdict.Candidates);
        Assert.Equal("DualView", verdict.Brand);
        Assert.Contains(verdict.Notes, n => n.Contains("several platforms") && n.Contains("Acme") && n.Contains("OtherCo"));
    }

    [Fact]
    public void Identify_PlaceholderBrand_IsDropped()
    {
        var verdict = Identify(Brand("ONVIF"));

        Assert.Null(verdict.Brand);
        Assert.DoesNotContain(verdict.Evidence, c => c.Type is ClaimType.Brand or ClaimType.Platform);
        Assert.Contains(verdict.Notes, n => n.Contains("placeholder"));
    }

    [Fact]
    public void Identify_OemBrand_PointsToTheOemMakerWeakly()
    {
        var claim = Assert.Single(Identify(Brand("ShopCam")).Evidence, c => c.Type == ClaimType.Platform);

        Assert.Equal(("acme", 0.45, "brand:oem:shopcam"), (claim.Value, claim.Weight, claim.Rule));
    }

    [Fact]
    public void Identify_LocallyAdministeredMac_AddsNoPlatformAndSaysSo()
    {
        var verdict = Identify(Mac("02:B2:C3:11:22:33"));

        Assert.DoesNotContain(verdict.Evidence, c => c.Type == ClaimType.Platform);
        Assert.Contains(verdict.Notes, n => n.Contains("locally administered"));
    }

    [Theory]
    [InlineData("a4-b2-c3-11-22-33", "acme", "oui:A4B2C3")]
    [InlineData("A4B2.C35F.0001", "other-co", "oui:A4B2C35")]
    public void Identify_MacInAMakersBlock_AddsAPlatformClaimAtTheOuiWeight(string mac, string maker, string rule)
    {
        var verdict = Identify(Mac(mac));

        var claim = Assert.Single(verdict.Evidence, c => c.Type == ClaimType.Platform);
        Assert.Equal((maker, Identifier.OuiWeight, rule), (claim.Value, claim.Weight, claim.Rule));
        Assert.Equal(maker, verdict.Platform?.Id);
        Assert.Equal(0.6, verdict.PlatformConfidence, 6);
    }

    [Fact]
    public void Identify_MacInANonSurveillanceMakersBlock_AddsNoPlatformAndNamesTheRegistrant()
    {
        var verdict = Identify(Mac("A4:B2:C3:56:78:90"));

        Assert.DoesNotContain(verdict.Evidence, c => c.Type == ClaimType.Platform);
        Assert.Contains(verdict.Notes, n => n.Contains("Print Company plc"));
    }

    [Theory]
    [InlineData("not a mac", "is not a MAC address")]
    [InlineData("00:11:22:33:44:55", "in no registered block")]
    public void Identify_MacWithoutAMaker_IsNoted(string mac, string note)
    {
        var verdict = Identify(Mac(mac));

        Assert.DoesNotContain(verdict.Evidence, c => c.Type == ClaimType.Platform);
        Assert.Contains(verdict.Notes, n => n.Contains(note));
    }

    [Fact]
    public void Identify_ModelOfAMaker_ClaimsItsPlatformAndClass()
    {
        var verdict = Identify(Model("ac-100"));

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Equal("camera", verdict.DeviceClass);
        Assert.Equal("ac-100", verdict.Model);
        Assert.Contains(verdict.Evidence, c => c.Type == ClaimType.Platform && c.Rule.StartsWith("model:acme:", StringComparison.Ordinal) && c.Weight == 0.6);
    }

    [Fact]
    public void Identify_ModelOfARelabeller_ClaimsTheBrandNotThePlatform()
    {
        var verdict = Identify(Model("SC-10"));

        Assert.DoesNotContain(verdict.Evidence, c => c is { Type: ClaimType.Platform, Value: "shopcam" });
        Assert.Contains(verdict.Evidence, c => c.Type == ClaimType.Brand && c.Value == "ShopCam" && c.Rule.StartsWith("model:shopcam:", StringComparison.Ordinal));
        Assert.Equal("ShopCam", verdict.Brand);
        Assert.Equal("camera", verdict.DeviceClass);
        Assert.NotEqual("shopcam", verdict.Platform?.Id);
    }

    [Fact]
    public void Identify_NonSurveillanceClass_GivesNoPlatform()
    {
        var verdict = Identify(Server("Acme-Webs"), Title("PrintCo Web Console"));

        Assert.Null(verdict.Platform);
        Assert.Equal(0, verdict.PlatformConfidence);
        Assert.Equal("printer", verdict.DeviceClass);
        Assert.Contains(verdict.Notes, n => n.Contains("not a surveillance device"));
    }

    [Fact]
    public void Identify_NonSurveillanceModel_GivesNoPlatform()
    {
        var verdict = Identify(Model("PX-1"));

        Assert.Null(verdict.Platform);
        Assert.Equal("printer", verdict.DeviceClass);
    }

    [Fact]
    public void Identify_XmlFieldRuleWithTemplate_FillsTheModelFromTheDocument()
    {
        const string xml = """
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>
              <tds:GetDeviceInformationResponse xmlns:tds="http://www.onvif.org/ver10/device/wsdl">
                <tds:Manufacturer>Vendix</tds:Manufacturer><tds:Model>AC-2000X</tds:Model><tds:FirmwareVersion>V5.3.0</tds:FirmwareVersion>
              </tds:GetDeviceInformationResponse></s:Body></s:Envelope>
            """;

        var verdict = Identify(new Observation("onvif.device-information", xml));

        Assert.Equal("AC-2000X", verdict.Model);
        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Contains(verdict.Evidence, c => c is { Type: ClaimType.Model, Value: "AC-2000X", Rule: "acme.onvif.model" });
    }

    [Fact]
    public void Identify_FieldRule_DoesNotMatchOtherFields()
    {
        const string xml = "<r><Manufacturer>AC-100</Manufacturer><Model>X</Model></r>";

        Assert.DoesNotContain(Identify(new Observation("onvif.device-information", xml)).Evidence, c => c.Rule == "acme.onvif.model");
    }

    [Theory]
    [InlineData("ShopCam")]
    [InlineData("Vendix")]
    public void Identify_OemBrandOnAConfidentPlatform_IsASuspectedWhiteLabel(string brand)
    {
        var observations = Identifier.FromRegister(brand, null, null, null, AcmeMac);
        observations.Add(Server("Acme-Webs"));

        var verdict = Identifier.Identify(observations);

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.True(verdict.PlatformConfidence >= Identifier.WhiteLabelConfidence);
        Assert.True(verdict.WhiteLabelSuspected);
        Assert.Equal(new Tell("acme.http-server.webs", "Acme web server"), verdict.Tells[0]);
        Assert.Equal("Acme web server (acme.http-server.webs)", verdict.Tells[0].ToString());
        Assert.Contains(verdict.Tells, t => t.Rule == "oui:A4B2C3" && t.Meaning.StartsWith("MAC address in the block A4B2C3 registered to ", StringComparison.Ordinal));
        Assert.All(verdict.Tells, t => Assert.DoesNotContain("other", t.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Identify_WhiteLabelTells_NameEachRuleAndWhatItMeans_NeverItsPattern()
    {
        _folder.Append("models.csv", @"ZQ-\d{3}[A-Z]?,acme,camera,0.6,ZQ-100;ZQ-200B,https://example.org/zq,2026-01-15");
        var observations = Identifier.FromRegister("ShopCam", "ZQ-100", null, null, AcmeMac);
        observations.Add(Server("Acme-Webs"));

        var verdict = Identifier.Identify(observations);

        Assert.True(verdict.WhiteLabelSuspected);
        Assert.Contains(new Tell("model:acme:2", "Acme camera model numbering, as in ZQ-100"), verdict.Tells);
        // The brand's link to Acme is what the white label is checked against, not a tell of it.
        Assert.DoesNotContain(verdict.Tells, t => t.Rule.StartsWith("brand:", StringComparison.Ordinal));
        Assert.Contains(verdict.Evidence, c => c.Rule == "model:acme:2");
        Assert.All(verdict.Tells, t =>
        {
            Assert.NotEqual("", t.Meaning);
            Assert.DoesNotContain(@"\d{3}", t.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("[A-Z]", t.ToString(), StringComparison.Ordinal);
        });
    }

    private void AddRelabeller(params string[] platforms)
    {
        _folder.Append("makers.csv", "resello,Resello,Resello Security Inc.,YY,,A privately held distributor.,no,yes,,https://example.org/resello,2026-01-15");
        for (var i = 0; i < platforms.Length; i++)
        {
            _folder.Append("brands.csv", $"ResView{i},resello,own,,,confirmed,A product line of Resello.,https://example.org/resello,2026-01-15");
            _folder.Append("brands.csv", $"ResView{i},{platforms[i]},oem,,,probable,The line's devices are made by {platforms[i]}.,https://example.org/resview,2026-01-15");
        }
    }

    [Fact]
    public void Identify_ARelabellersOwnNameOnAConfidentPlatform_IsItsBrand_NotARivalPlatform()
    {
        AddRelabeller("acme");
        var observations = Identifier.FromRegister("RESELLO", null, null, null, AcmeMac);
        observations.Add(Server("Acme-Webs"));

        var verdict = Identifier.Identify(observations);

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Equal(1 - (0.2 * 0.4 * 0.6), verdict.PlatformConfidence, 6);
        Assert.Equal("Resello", verdict.Brand);
        Assert.True(verdict.WhiteLabelSuspected);
        Assert.DoesNotContain(verdict.Candidates, c => c.Maker.Id == "resello");
        Assert.DoesNotContain(verdict.Notes, n => n.StartsWith("conflicting platforms", StringComparison.Ordinal));
        Assert.Contains(verdict.Tells, t => t.Rule == "oui:A4B2C3");
        Assert.DoesNotContain(verdict.Tells, t => t.Rule.StartsWith("brand:", StringComparison.Ordinal));
    }

    [Fact]
    public void Identify_ARelabellerOfSeveralPlatforms_NamesOnlyTheBrand()
    {
        AddRelabeller("acme", "other-co");
        var observations = Identifier.FromRegister("Resello", null, null, null, null);
        observations.Add(Server("Acme-Webs"));

        var verdict = Identifier.Identify(observations);

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Equal(0.8, verdict.PlatformConfidence, 6);
        Assert.Equal("Resello", verdict.Brand);
        Assert.Equal(["acme"], verdict.Candidates.Select(c => c.Maker.Id));
    }

    [Fact]
    public void Identify_AMakerWithAnOwnBrandNotRelabelled_KeepsItsNameAsItsOwnPlatform()
    {
        AddRelabeller("acme");
        _folder.Append("brands.csv", "ResHome,resello,own,,,confirmed,A line Resello makes itself.,https://example.org/resello,2026-01-15");
        var observations = Identifier.FromRegister("Resello", null, null, null, null);
        observations.Add(Server("Acme-Webs"));

        var verdict = Identifier.Identify(observations);

        Assert.Contains(verdict.Candidates, c => c.Maker.Id == "resello");
        Assert.Contains(verdict.Notes, n => n.StartsWith("conflicting platforms: Acme (0.80) and Resello (0.60)", StringComparison.Ordinal));
    }

    [Fact]
    public void Identify_OwnBrandCarryingEscapeSequences_IsReadWithoutThem_AndIsNoWhiteLabel()
    {
        var observations = Identifier.FromRegister("AcmeHome\u001b[31m\u202E", null, null, null, AcmeMac);
        observations.Add(Server("Acme-\u001b]0;title\u0007Webs\u009b0m"));

        var verdict = Identifier.Identify(observations);

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.True(verdict.PlatformConfidence >= Identifier.WhiteLabelConfidence);
        Assert.Equal("AcmeHome", verdict.Brand);
        Assert.False(verdict.WhiteLabelSuspected);
        Assert.Contains(verdict.Evidence, c => c.Rule == "acme.http-server.webs");
        Assert.Contains("observation 1: escape sequences and bidirectional formatting characters removed before it was read", verdict.Notes);
    }

    [Fact]
    public void Identify_OemBrandOnAPlatformBelowTheWhiteLabelConfidence_IsNotAWhiteLabel()
    {
        var verdict = Identify(Brand("Vendix"), Title("Acme Live View"));

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.True(verdict.PlatformConfidence < Identifier.WhiteLabelConfidence);
        Assert.False(verdict.WhiteLabelSuspected);
        Assert.Empty(verdict.Tells);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("ACME Vision")]
    [InlineData("AcmeHome")]
    [InlineData("Acme Group")]
    public void Identify_BrandOfThePlatformMakerOrItsGroup_IsNotAWhiteLabel(string brand)
    {
        var observations = Identifier.FromRegister(brand, null, null, null, AcmeMac);
        observations.Add(Server("Acme-Webs"));

        var verdict = Identifier.Identify(observations);

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.True(verdict.PlatformConfidence >= Identifier.WhiteLabelConfidence);
        Assert.False(verdict.WhiteLabelSuspected);
        Assert.Empty(verdict.Tells);
    }

    [Fact]
    public void Identify_BrandIsGivenInItsUsualSpelling()
    {
        Assert.Equal("Acme", Identify(Brand("acme vision technology co., ltd.")).Brand);
        Assert.Equal("ShopCam", Identify(Brand("SHOP-CAM")).Brand);
        Assert.Equal("Nobody Cameras", Identify(Brand(" Nobody Cameras ")).Brand);
    }

    [Fact]
    public void Override_SetsTheMakerWithFullConfidence_AndKeepsTheEvidence()
    {
        var knowledge = Identifier.Knowledge;
        var verdict = Identify(Server("Acme-Webs"), Mac(AcmeMac));

        var decided = Identifier.Override(verdict, knowledge.Makers["other-co"], "label and invoice inspected");

        Assert.Equal("other-co", decided.Platform?.Id);
        Assert.Equal(1, decided.PlatformConfidence);
        Assert.Equal(new Claim(ClaimType.Platform, "other-co", 1, "override", -1, "person"), decided.Evidence[0]);
        Assert.Equal(verdict.Evidence, decided.Evidence.Skip(1));
        Assert.Equal("platform set by a person: label and invoice inspected", decided.Notes[0]);
        Assert.Equal(verdict.Notes, decided.Notes.Skip(1));
        Assert.Equal(verdict.Candidates, decided.Candidates);
    }

    [Fact]
    public void Override_OfAWhiteLabel_WithAnotherMaker_ClearsTheSuspicion()
    {
        var observations = Identifier.FromRegister("ShopCam", null, null, null, AcmeMac);
        observations.Add(Server("Acme-Webs"));
        var verdict = Identifier.Identify(observations);

        Assert.True(verdict.WhiteLabelSuspected);
        var confirmed = Identifier.Override(verdict, Identifier.Knowledge.Makers["acme"], "confirmed");
        var overruled = Identifier.Override(verdict, Identifier.Knowledge.Makers["other-co"], "relabelled OtherCo");
        Assert.True(confirmed.WhiteLabelSuspected);
        Assert.Equal(verdict.Tells, confirmed.Tells);
        Assert.False(overruled.WhiteLabelSuspected);
        Assert.Empty(overruled.Tells);
    }

    [Fact]
    public void Identify_EveryClaim_NamesItsRuleAndObservation()
    {
        Observation[] observations =
        [
            Brand("ShopCam"),
            Model("AC-100"),
            new(ObservationKinds.RegisterFirmware, "V5.3.0 build 150101"),
            new(ObservationKinds.RegisterSerial, "SN-1"),
            Mac(AcmeMac),
            Server("Acme-Webs"),
            Title("Acme Live View"),
            Server("OtherServer/2"),
        ];

        var verdict = Identify(observations);

        Assert.NotEmpty(verdict.Evidence);
        Assert.All(verdict.Evidence, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Rule));
            Assert.InRange(c.Observation, 0, observations.Length - 1);
        });
        Assert.Equal(7, Assert.Single(verdict.Evidence, c => c.Rule == "other.http-server").Observation);
        Assert.Equal(6, Assert.Single(verdict.Evidence, c => c.Rule == "acme.http-title.live").Observation);
        Assert.Equal(4, Assert.Single(verdict.Evidence, c => c.Rule == "oui:A4B2C3").Observation);
        Assert.Equal(1, Assert.Single(verdict.Evidence, c => c.Type == ClaimType.Platform && c.Rule.StartsWith("model:", StringComparison.Ordinal)).Observation);
        Assert.Equal(0, Assert.Single(verdict.Evidence, c => c.Rule == "brand:oem:shopcam").Observation);
        Assert.Equal("V5.3.0 build 150101", verdict.Firmware);
    }

    [Fact]
    public void FromRegister_BrandAndModel_AreOneEvidenceGroup()
    {
        var observations = Identifier.FromRegister("Acme", "AC-100", " ", null, AcmeMac);

        Assert.Equal([ObservationKinds.RegisterBrand, ObservationKinds.RegisterModel, ObservationKinds.Mac], observations.Select(o => o.Kind));
        Assert.Equal(observations[0].Group, observations[1].Group);
        Assert.NotEqual(observations[0].Group, observations[2].Group);

        var verdict = Identifier.Identify(observations);

        Assert.Equal(1 - (0.4 * 0.4), verdict.PlatformConfidence, 6);
    }

    [Fact]
    public void Identify_NothingObserved_IsUnknown()
    {
        var verdict = Identify();

        Assert.Null(verdict.Platform);
        Assert.Empty(verdict.Evidence);
        Assert.Empty(verdict.Notes);
    }
}
