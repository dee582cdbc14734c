using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sightline.Audit;

/// <summary>Builds and checks the hash chain of the audit log.</summary>
public static class AuditChain
{
    /// <summary>Truncates a time to whole microseconds in UTC, the precision both databases store exactly.</summary>
    public static DateTimeOffset Normalise(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>Makes the next entry after one with hash <paramref name="previousHash"/>.</summary>
    public static AuditEntry Next(long sequence, string previousHash, DateTimeOffset time, string actor, string action,
        string entityType, string entityId, string? before, string? after)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            Time = Normalise(time),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before,
            After = after,
            PreviousHash = previousHash,
            Hash = "",
        };
        entry.Hash = HashOf(entry);
        return entry;
    }

    /// <summary>The hash an entry should carry, over every field but the hash itself; each field is length-prefixed.</summary>
    public static string HashOf(AuditEntry entry)
    {
        // Reused per thread: an import hashes one entry per device, and a fresh hash context and buffers each time
        // cost more than the hashing.
        var text = t_text ??= new StringBuilder(1024);
        text.Clear();
        Add(text, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(text, entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Add(text, entry.Actor);
        Add(text, entry.Action);
        Add(text, entry.EntityType);
        Add(text, entry.EntityId);
        Add(text, entry.Before);
        Add(text, entry.After);
        Add(text, entry.PreviousHash);
        var hash = t_hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var bytes = t_bytes ??= new byte[4096];
        // A stateful encoder, so that a surrogate pair split between chunks still encodes as one character.
        var encoder = t_encoder ??= Encoding.UTF8.GetEncoder();
        encoder.Reset();
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            while (span.Length > 0)
            {
                encoder.Convert(span, bytes, flush: false, out var used, out var written, out _);
                hash.AppendData(bytes, 0, written);
                span = span[used..];
            }
        }
        encoder.Convert([], bytes, flush: true, out _, out var rest, out _);
        hash.AppendData(bytes, 0, rest);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    [ThreadStatic]
    private static StringBuilder? t_text;

    [ThreadStatic]
    private static IncrementalHash? t_hash;

    [ThreadStatic]
    private static byte[]? t_bytes;

    [ThreadStatic]
    private static Encoder? t_encoder;

    private static void Add(StringBuilder text, string? field)
    {
        if (field is null)
        {
            text.Append("-\n");
            return;
        }
        text.Append(field.Length).Append(':').Append(field).Append('\n');
    }

    /// <summary>
    /// Checks entries given in sequence order; returns the first break found, or null when the chain holds.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var expectedSequence = 1L;
        var previousHash = "";
        foreach (var entry in entriesInOrder)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new AuditBreak(entry.Sequence, entry.Sequence == expectedSequence + 1
                    ? $"entry {expectedSequence} is missing (removed)"
                    : entry.Sequence > expectedSequence
                        ? $"entries {expectedSequence} to {entry.Sequence - 1} are missing (removed)"
                        : $"entry {entry.Sequence} is out of order after {expectedSequence - 1}");
            }
            if (entry.PreviousHash != previousHash)
            {
                return new AuditBreak(entry.Sequence,
                    $"entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: the log was reordered, or an entry replaced");
            }
            if (HashOf(entry) != entry.Hash)
            {
                return new AuditBreak(entry.Sequence, $"entry {entry.Sequence} was edited: its contents do not match its hash");
            }
            previousHash = entry.Hash;
            expectedSequence++;
        }
        return null;
    }
}
