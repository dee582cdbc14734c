using System.Security.Cryptography;
using System.Text;

namespace Sightline.Audit;

/// <summary>
/// The private key that signs audit checkpoints: ECDSA on NIST P-256, kept in a PKCS#8 PEM file readable only by its
/// owner, outside the register. The register holds only the public key.
/// </summary>
public sealed class CheckpointKey : IDisposable
{
    private readonly ECDsa _key;

    private CheckpointKey(ECDsa key)
    {
        _key = key;
        PublicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The public key: DER SubjectPublicKeyInfo in Base64.</summary>
    public string PublicKey { get; }

    /// <summary>See <see cref="FingerprintOf"/>.</summary>
    public string Fingerprint => FingerprintOf(PublicKey);

    /// <summary>A key's fingerprint: the SHA-256 of its DER SubjectPublicKeyInfo in lower-case hex (what `openssl pkey -pubout -outform DER | sha256sum` gives).</summary>
    public static string FingerprintOf(string publicKey)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(publicKey)));
        }
        catch (FormatException)
        {
            return "(not a key)";
        }
    }

    /// <summary>Reads the key in <paramref name="path"/>; a <see cref="CheckpointKeyException"/> says what is wrong with it.</summary>
    public static CheckpointKey Load(string path)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointKeyException($"checkpoint key {path} cannot be read: {e.Message}", e);
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new CheckpointKeyException($"checkpoint key {path} is not an ECDSA P-256 key");
            }
            // A public key alone imports too, but cannot sign.
            key.ExportParameters(includePrivateParameters: true);
            return new CheckpointKey(key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new CheckpointKeyException($"checkpoint key {path} is not an ECDSA P-256 private key in PEM (PKCS#8): {e.Message}", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Reads the key in <paramref name="path"/>, or makes a new one there (readable and writable by its owner only) if there is none.</summary>
    public static CheckpointKey LoadOrCreate(string path, out bool created)
    {
        created = false;
        if (File.Exists(path))
        {
            return Load(path);
        }
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Set as the file is made, so the key is never readable by others, not even briefly.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var file = new FileStream(path, options))
            {
                file.Write(Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n"));
            }
            created = true;
            return new CheckpointKey(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            key.Dispose();
            throw new CheckpointKeyException($"checkpoint key {path} cannot be made: {e.Message}", e);
        }
    }

    /// <summary>Signs that the log of <paramref name="register"/> had entry <paramref name="sequence"/> with hash <paramref name="hash"/> at <paramref name="time"/>.</summary>
    public AuditCheckpoint Sign(string register, long sequence, string hash, DateTimeOffset time)
    {
        var unsigned = new AuditCheckpoint(register, sequence, hash, AuditChain.Normalise(time), PublicKey, "");
        var signature = _key.SignData(Encoding.UTF8.GetBytes(unsigned.SignedText), HashAlgorithmName.SHA256);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>Forgets the private key.</summary>
    public void Dispose() => _key.Dispose();
}
