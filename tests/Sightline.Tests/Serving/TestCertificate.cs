using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sightline.Tests.Serving;

/// <summary>A self-signed server certificate for 127.0.0.1 and localhost, made for one test and written as PKCS#12 or PEM.</summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The certificate with its private key; by default valid both for in-process runs (whose clock starts at
    /// Cli.Start) and for real processes (the system clock).</summary>
    public X509Certificate2 Certificate { get; }

    public static TestCertificate Create(string subject = "CN=sightline test") =>
        Create(subject, Cli.Start.AddDays(-30), TimeProvider.System.GetUtcNow().AddDays(30));

    /// <summary>One valid only between the times given.</summary>
    public static TestCertificate Create(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return new TestCertificate(request.CreateSelfSigned(notBefore, notAfter));
    }

    /// <summary>Writes the certificate and its key as one PKCS#12 file.</summary>
    public string WritePfx(string folder, string? password, string name = "server.pfx")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, Certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>Writes the certificate and its private key as two PEM files.</summary>
    public (string Certificate, string Key) WritePem(string folder)
    {
        var certificate = Path.Combine(folder, "server.crt");
        var key = Path.Combine(folder, "server.key");
        File.WriteAllText(certificate, Certificate.ExportCertificatePem());
        using var privateKey = Certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(key, privateKey.ExportPkcs8PrivateKeyPem());
        return (certificate, key);
    }

    /// <summary>A client that trusts this certificate alone (and checks the name as usual); cookies are left to the test.</summary>
    public HttpClient TrustingClient(string address)
    {
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            CustomTrustStore = { X509CertificateLoader.LoadCertificate(Certificate.RawData) },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(address) };
    }

    public void Dispose() => Certificate.Dispose();
}
