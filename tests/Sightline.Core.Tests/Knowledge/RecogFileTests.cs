using Sightline.Identification;
using Sightline.Knowledge;

namespace Sightline.Tests.Knowledge;

/// <summary>Fingerprints in Rapid7 Recog's XML format, which users may add under knowledge/recog/ (these are made up).</summary>
public sealed class RecogFileTests : IDisposable
{
    private const string Servers = """
        <?xml version="1.0"?>
        <fingerprints matches="http_header.server" protocol="http" database_type="service" preference="0.90">
          <fingerprint pattern="^AcmeCam-httpd/(\d+\.\d+) \(([\w-]+)\)$">
            <description>Acme camera web server</description>
            <example hw.product="AC-100">AcmeCam-httpd/1.2 (AC-100)</example>
            <param pos="0" name="hw.vendor" value="Acme"/>
            <param pos="0" name="hw.device" value="IP Camera"/>
            <param pos="2" name="hw.product"/>
            <param pos="1" name="service.version"/>
          </fingerprint>
          <fingerprint pattern="^(?=Look)Lookahead$">
            <description>needs a backtracking engine</description>
            <example>Lookahead</example>
            <param pos="0" name="hw.vendor" value="Acme"/>
          </fingerprint>
          <fingerprint pattern="^Plain-httpd$">
            <description>says nothing about the device</description>
            <example>Plain-httpd</example>
            <param pos="0" name="service.vendor" value="Plain"/>
          </fingerprint>
        </fingerprints>
        """;

    private readonly TestKnowledge _folder = TestKnowledge.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_TurnsUsableFingerprintsIntoRules_AndCountsTheRest()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Folder, "recog"));
        _folder.Write("recog/http_servers.xml", Servers);
        _folder.Write("recog/ssh_banners.xml", """<fingerprints matches="ssh.banner"><fingerprint pattern="x"><example>x</example><param pos="0" name="hw.vendor" value="Acme"/></fingerprint></fingerprints>""");

        var knowledge = _folder.Load();

        var rule = Assert.Single(knowledge.Rules, r => r.Id.StartsWith("recog.", StringComparison.Ordinal));
        Assert.Equal("recog.http_servers.1", rule.Id);
        Assert.Equal("http.server", rule.Kind);
        Assert.StartsWith("https://github.com/rapid7/recog/", rule.Provenance.Source, StringComparison.Ordinal);
        Assert.Contains(knowledge.Notes, n => n.Contains("1 of 3 fingerprints loaded; 1 need a backtracking regex engine, 1 claim nothing", StringComparison.Ordinal));
        Assert.Contains(knowledge.Notes, n => n.Contains("'ssh.banner' has no Sightline observation kind", StringComparison.Ordinal));
        Assert.Empty(KnowledgeCheck.Run(knowledge));
    }

    [Fact]
    public void ARecogRule_ClaimsBrandModelAndClass_AndTheBrandGivesThePlatform()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Folder, "recog"));
        _folder.Write("recog/http_servers.xml", Servers);

        var verdict = new Identifier(_folder.Load()).Identify([new Observation("http.server", "AcmeCam-httpd/1.2 (AC-100)")]);

        Assert.Equal("acme", verdict.Platform?.Id);
        Assert.Equal("AC-100", verdict.Model);
        Assert.Equal("camera", verdict.DeviceClass);
        Assert.Contains(verdict.Evidence, c => c.Rule == "recog.http_servers.1" && c.Type == ClaimType.Brand);
    }

    [Fact]
    public void ARecogFileWithADtd_IsAProblemNamingTheFile()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Folder, "recog"));
        _folder.Write("recog/evil.xml", """<?xml version="1.0"?><!DOCTYPE f [<!ENTITY e "x">]><fingerprints matches="html_title"/>""");

        var error = Assert.Throws<KnowledgeException>(_folder.Load);

        Assert.Contains(error.Problems, p => p.StartsWith("recog/evil.xml:", StringComparison.Ordinal));
    }
}
