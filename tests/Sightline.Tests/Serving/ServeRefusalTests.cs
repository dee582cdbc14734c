using System.Security.Cryptography.X509Certificates;

namespace Sightline.Tests.Serving;

/// <summary>
/// What `sightline serve` refuses to start with, each in one line naming what is wrong, exit code 2, no stack trace. Problems
/// found before the web host is built run in-process; the rest as the real executable.
/// </summary>
public sealed class ServeRefusalTests
{
    [Fact]
    public async Task Https_WithoutACertificate_IsRefusedInOneLine()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();

        var run = await ServeProcess.RunAsync(register, ["--urls", "http://127.0.0.1:0;https://127.0.0.1:0"]);

        AssertOneLine(run, "error: https://127.0.0.1:0 needs a certificate: give --certificate FILE (.pfx, or .pem with --certificate-key FILE), "
            + "or set Kestrel:Certificates:Default (e.g. Kestrel__Certificates__Default__Path)");
    }

    [Fact]
    public async Task Https_WithAMissingKestrelDefaultCertificate_IsRefusedInOneLine()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        var missing = Path.Combine(register.Folder, "missing.pfx");

        var run = await ServeProcess.RunAsync(register, ["--urls", "https://127.0.0.1:0"],
            new Dictionary<string, string> { ["Kestrel__Certificates__Default__Path"] = missing });

        AssertOneLine(run, $"error: cannot serve at https://127.0.0.1:0: Could not find file '{missing}'.");
    }

    [Theory]
    [InlineData("missing file", "error: certificate file {pfx}: no such file")]
    [InlineData("not a certificate", "error: certificate file {pfx}: neither a PKCS#12 (.pfx) file nor a PEM certificate")]
    [InlineData("wrong password", "error: certificate file {pfx}: cannot be opened with the password given (SIGHTLINE_CERTIFICATE_PASSWORD)")]
    [InlineData("no password", "error: certificate file {pfx}: needs a password: set SIGHTLINE_CERTIFICATE_PASSWORD")]
    [InlineData("pfx without key", "error: certificate file {pfx}: has no private key")]
    [InlineData("pem without key", "error: certificate file {pem}: has no private key: give it with --certificate-key FILE")]
    [InlineData("key of another certificate", "error: key file {key}: is not the key of the certificate in {pem}")]
    [InlineData("key not pem", "error: key file {key}: no PEM private key in it")]
    [InlineData("missing key", "error: key file {key}: no such file")]
    [InlineData("key with a pfx", "error: --certificate-key is for a PEM certificate; {pfx} is PKCS#12, which holds its own key")]
    [InlineData("certificate without https", "error: --certificate is given but no address in --urls is https://")]
    public async Task BadCertificates_AreRefusedInOneLine_NamingTheFile(string problem, string expected)
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        using var certificate = TestCertificate.Create();
        using var other = TestCertificate.Create("CN=someone else");
        var pfx = Path.Combine(register.Folder, "server.pfx");
        var (pem, key) = (Path.Combine(register.Folder, "server.crt"), Path.Combine(register.Folder, "server.key"));
        var environment = new Dictionary<string, string> { ["SIGHTLINE_CERTIFICATE_PASSWORD"] = "right" };
        string[] args = problem switch
        {
            "missing file" => ["--certificate", pfx],
            "not a certificate" => ["--certificate", register.File("server.pfx", "hello, I am not a certificate\n")],
            "wrong password" => ["--certificate", certificate.WritePfx(register.Folder, "wrong")],
            "no password" => ["--certificate", certificate.WritePfx(register.Folder, "right")],
            "pfx without key" => ["--certificate", WritePfxWithoutKey(certificate, pfx)],
            "pem without key" => ["--certificate", certificate.WritePem(register.Folder).Certificate],
            "key of another certificate" => ["--certificate", certificate.WritePem(register.Folder).Certificate, "--certificate-key", KeyOf(other, register)],
            "key not pem" => ["--certificate", certificate.WritePem(register.Folder).Certificate, "--certificate-key", register.File("server.key", "not a key")],
            "missing key" => ["--certificate", WritePemOnly(certificate, pem), "--certificate-key", key],
            "key with a pfx" => ["--certificate", certificate.WritePfx(register.Folder, "right"), "--certificate-key", certificate.WritePem(register.Folder).Key],
            _ => ["--certificate", certificate.WritePfx(register.Folder, "right")],
        };
        if (problem == "no password")
        {
            environment.Clear();
        }
        var urls = problem == "certificate without https" ? "http://127.0.0.1:0" : "https://127.0.0.1:0";

        var run = await ServeAsync(register, ["--urls", urls, .. args], environment);

        AssertOneLine(run, expected.Replace("{pfx}", pfx, StringComparison.Ordinal).Replace("{pem}", pem, StringComparison.Ordinal)
            .Replace("{key}", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Https_WithAnExpiredCertificate_ServesWithAWarning()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = TestCertificate.Create("CN=expired", now.AddDays(-60), now.AddDays(-1));
        var pfx = certificate.WritePfx(register.Folder, null);

        await using var serve = await ServeProcess.StartAsync(register, ["--urls", "https://127.0.0.1:0", "--certificate", pfx]);

        Assert.StartsWith($"warning: the certificate in {pfx} is valid only from {certificate.Certificate.NotBefore.ToUniversalTime():u} to ",
            await serve.LineAsync("warning: the certificate"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://[::]:0")]
    [InlineData("http://sightline.example:0")]
    public async Task PlainHttp_OffLoopback_IsRefusedUnlessAllowed(string urls)
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();

        var run = await ServeAsync(register, ["--urls", $"http://127.0.0.1:0;{urls}"]);

        AssertOneLine(run, $"error: {urls} is plain HTTP off this machine: passwords and session cookies would cross the network unencrypted; "
            + "serve https:// with --certificate, or give --allow-http when a reverse proxy on the way encrypts it");
    }

    [Fact]
    public async Task PlainHttp_OffLoopback_WithAllowHttp_ServesWithAWarning()
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();

        await using var serve = await ServeProcess.StartAsync(register, ["--urls", "http://0.0.0.0:0", "--allow-http"]);

        Assert.StartsWith("http://0.0.0.0:", serve.Address("http"), StringComparison.Ordinal);
        Assert.Equal("warning: http://0.0.0.0:0 is plain HTTP off this machine (--allow-http): keep it behind a reverse proxy that encrypts it",
            await serve.LineAsync("warning: http://0.0.0.0:0"));
    }

    [Theory]
    [InlineData("--known-proxy", "proxy.example", "error: --known-proxy: 'proxy.example' is not an IP address or a network such as 10.0.0.0/24")]
    [InlineData("--known-proxy", "10.0.0.1/33", "error: --known-proxy: '10.0.0.1/33' is not an IP address or a network such as 10.0.0.0/24")]
    [InlineData("SIGHTLINE_KNOWN_PROXIES", "127.0.0.1, nonsense", "error: SIGHTLINE_KNOWN_PROXIES: 'nonsense' is not an IP address or a network such as 10.0.0.0/24")]
    [InlineData("--urls", "127.0.0.1:5080", "error: --urls: '127.0.0.1:5080' is not an address such as http://127.0.0.1:5080 or https://0.0.0.0:443")]
    public async Task BadAddresses_AreRefusedInOneLine(string how, string value, string expected)
    {
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        string[] args = how.StartsWith("--", StringComparison.Ordinal) ? [how, value] : [];
        var environment = how.StartsWith("--", StringComparison.Ordinal) ? null : new Dictionary<string, string> { [how] = value };

        var run = await ServeAsync(register, args, environment);

        AssertOneLine(run, expected);
    }

    private static Task<CliRun> ServeAsync(TestRegister register, string[] args, IReadOnlyDictionary<string, string>? environment = null) =>
        Cli.RunAsync(["serve", .. args, .. register.Options], register.Folder, environment ?? new Dictionary<string, string>());

    private static void AssertOneLine(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        Assert.Equal(expected, run.Error.TrimEnd('\n'));
        Assert.DoesNotContain("Serving", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    private static string WritePfxWithoutKey(TestCertificate certificate, string path)
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Certificate.RawData);
        File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pkcs12, "right"));
        return path;
    }

    private static string WritePemOnly(TestCertificate certificate, string path)
    {
        File.WriteAllText(path, certificate.Certificate.ExportCertificatePem());
        return path;
    }

    private static string KeyOf(TestCertificate other, TestRegister register)
    {
        using var key = other.Certificate.GetECDsaPrivateKey()!;
        return register.File("server.key", key.ExportPkcs8PrivateKeyPem());
    }
}
