using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sightline.Audit;

/// <summary>
/// A signed statement that the audit log of register <see cref="Register"/> had entry <see cref="Sequence"/> with hash
/// <see cref="Hash"/> at <see cref="Time"/>. Kept outside the register, it is the anchor that shows entries removed from
/// the end of the log, or a history rewritten up to it, which the hash chain alone cannot.
/// </summary>
/// <param name="Register">The register's identity, fixed when its checkpoint key was first set.</param>
/// <param name="Sequence">The newest entry covered.</param>
/// <param name="Hash">That entry's hash.</param>
/// <param name="Time">When the checkpoint was signed (UTC, whole microseconds).</param>
/// <param name="PublicKey">The signer's public key: DER SubjectPublicKeyInfo of an ECDSA P-256 key, in Base64.</param>
/// <param name="Signature">ECDSA P-256 with SHA-256 over <see cref="SignedText"/>, r and s of 32 bytes each, in Base64.</param>
public sealed record AuditCheckpoint(string Register, long Sequence, string Hash, DateTimeOffset Time, string PublicKey, string Signature)
{
    /// <summary>The first line of every checkpoint, naming its format.</summary>
    public const string Heading = "sightline audit checkpoint v1";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly string[] Fields = ["register", "sequence", "hash", "time", "key", "signature"];

    /// <summary>The lines the signature covers: every line but the signature, each ending in a line feed.</summary>
    public string SignedText =>
        $"{Heading}\nregister {Register}\nsequence {Sequence.ToString(CultureInfo.InvariantCulture)}\nhash {Hash}\n" +
        $"time {Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}\nkey {PublicKey}\n";

    /// <summary>The checkpoint as written to its file.</summary>
    public string Text => $"{SignedText}signature {Signature}\n";

    /// <summary>The fingerprint of the key that signed it (see <see cref="CheckpointKey.FingerprintOf"/>).</summary>
    public string Fingerprint => CheckpointKey.FingerprintOf(PublicKey);

    /// <summary>Whether <see cref="Signature"/> is the signature of <see cref="SignedText"/> by <see cref="PublicKey"/>.</summary>
    public bool SignatureHolds()
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(PublicKey), out _);
            return key.KeySize == 256
                && key.VerifyData(Encoding.UTF8.GetBytes(SignedText), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Reads a checkpoint's text; a <see cref="FormatException"/> names the line of <paramref name="source"/> that is wrong.</summary>
    public static AuditCheckpoint Parse(string text, string source)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        if (lines[0] != Heading)
        {
            throw new FormatException($"{source} line 1: not a Sightline audit checkpoint (expected \"{Heading}\")");
        }
        if (lines.Length != Fields.Length + 1)
        {
            throw new FormatException($"{source}: a checkpoint has {Fields.Length + 1} lines, this has {lines.Length}");
        }
        var values = new string[Fields.Length];
        for (var i = 0; i < Fields.Length; i++)
        {
            var prefix = Fields[i] + " ";
            if (!lines[i + 1].StartsWith(prefix, StringComparison.Ordinal) || lines[i + 1].Length == prefix.Length)
            {
                throw new FormatException($"{source} line {i + 2}: expected \"{Fields[i]} …\"");
            }
            values[i] = lines[i + 1][prefix.Length..];
        }
        if (!long.TryParse(values[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            throw new FormatException($"{source} line 3: the sequence must be a whole number from 1, not \"{values[1]}\"");
        }
        if (!DateTimeOffset.TryParseExact(values[3], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new FormatException($"{source} line 5: the time must be written {TimeFormat.Replace("'", "", StringComparison.Ordinal)}, not \"{values[3]}\"");
        }
        return new AuditCheckpoint(values[0], sequence, values[2], time.ToUniversalTime(), values[4], values[5]);
    }
}
