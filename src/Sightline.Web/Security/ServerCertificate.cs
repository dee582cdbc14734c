using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sightline.Web.Security;

/// <summary>
/// Loads the certificate `sightline serve --certificate` names: PKCS#12 (.pfx/.p12) holding its key, or PEM with the key
/// in the same file or in --certificate-key. The format is told from the content, not the file name. Every problem is a
/// <see cref="ServeException"/> naming the file and what is wrong with it.
/// </summary>
public static class ServerCertificate
{
    /// <summary>The environment variable holding the PKCS#12 password or the encrypted PEM key's (not an option: options show in `ps`).</summary>
    public const string PasswordVariable = "SIGHTLINE_CERTIFICATE_PASSWORD";

    public static X509Certificate2 Load(string path, string? keyPath, string? password)
    {
        var content = Read(path, "certificate file");
        var certificate = IsPem(content)
            ? LoadPem(path, Encoding.UTF8.GetString(content), keyPath, password)
            : LoadPkcs12(path, content, keyPath, password);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ServeException($"certificate file {path}: has no private key");
        }
        return certificate;
    }

    private static X509Certificate2 LoadPkcs12(string path, byte[] content, string? keyPath, string? password)
    {
        if (ContentType(content) != X509ContentType.Pkcs12)
        {
            throw new ServeException($"certificate file {path}: neither a PKCS#12 (.pfx) file nor a PEM certificate");
        }
        if (keyPath is not null)
        {
            throw new ServeException($"--certificate-key is for a PEM certificate; {path} is PKCS#12, which holds its own key");
        }
        try
        {
            return X509CertificateLoader.LoadPkcs12(content, password);
        }
        catch (CryptographicException)
        {
            // Without a password the loader tries none and the empty one; either way the wrong one gives this.
            throw new ServeException(password is null
                ? $"certificate file {path}: needs a password: set {PasswordVariable}"
                : $"certificate file {path}: cannot be opened with the password given ({PasswordVariable})");
        }
    }

    private static X509Certificate2 LoadPem(string path, string text, string? keyPath, string? password)
    {
        if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            throw new ServeException($"certificate file {path}: a PEM file with no certificate in it (-----BEGIN CERTIFICATE-----)");
        }
        try
        {
            X509Certificate2.CreateFromPem(text).Dispose();
        }
        catch (CryptographicException e)
        {
            throw new ServeException($"certificate file {path}: the PEM certificate cannot be read: {FirstLine(e.Message)}");
        }
        var (keyText, keyFile) = keyPath is null ? (text, path) : (Encoding.UTF8.GetString(Read(keyPath, "key file")), keyPath);
        if (!keyText.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new ServeException(keyPath is null
                ? $"certificate file {path}: has no private key: give it with --certificate-key FILE"
                : $"key file {keyPath}: no PEM private key in it");
        }
        var encrypted = keyText.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal);
        if (encrypted && password is null)
        {
            throw new ServeException($"key file {keyFile}: the key is encrypted: set {PasswordVariable}");
        }
        try
        {
            return encrypted ? X509Certificate2.CreateFromEncryptedPem(text, keyText, password) : X509Certificate2.CreateFromPem(text, keyText);
        }
        catch (ArgumentException)
        {
            throw new ServeException($"key file {keyFile}: is not the key of the certificate in {path}");
        }
        catch (CryptographicException e)
        {
            throw new ServeException($"key file {keyFile}: cannot be read{(encrypted ? $" with the password given ({PasswordVariable})" : "")}: {FirstLine(e.Message)}");
        }
    }

    private static byte[] Read(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ServeException($"{what} {path}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ServeException($"{what} {path}: cannot be read (permission denied)");
        }
        catch (IOException e)
        {
            throw new ServeException($"{what} {path}: cannot be read: {FirstLine(e.Message)}");
        }
    }

    private static X509ContentType ContentType(byte[] content)
    {
        try
        {
            return X509Certificate2.GetCertContentType(content);
        }
        catch (CryptographicException)
        {
            return X509ContentType.Unknown;
        }
    }

    private static bool IsPem(byte[] content) => Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 1 << 16)).Contains("-----BEGIN ", StringComparison.Ordinal);

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('\r');
}
