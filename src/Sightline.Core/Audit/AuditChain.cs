using System.Buffers;
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
        // The hashed text is "length:field\n" per field (length in UTF-16 units, "-\n" for null), in UTF-8. It is
        // written straight into a buffer reused per thread, as is the hash context: an import hashes one entry per
        // device, and building the text as a string first cost more than the hashing.
        var text = t_text ??= new ArrayBufferWriter<byte>(4096);
        text.ResetWrittenCount();
        Span<byte> digits = stackalloc byte[32];
        entry.Sequence.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        AddAscii(text, digits[..written]);
        entry.Time.UtcDateTime.TryFormat(digits, out written, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        AddAscii(text, digits[..written]);
        Add(text, entry.Actor);
        Add(text, entry.Action);
        Add(text, entry.EntityType);
        Add(text, entry.EntityId);
        Add(text, entry.Before);
        Add(text, entry.After);
        Add(text, entry.PreviousHash);
        var hash = t_hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(text.WrittenSpan);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_text;

    [ThreadStatic]
    private static IncrementalHash? t_hash;

    private static void Add(ArrayBufferWriter<byte> text, string? field)
    {
        if (field is null)
        {
            text.Write("-\n"u8);
            return;
        }
        Length(text, field.Length);
        // Invalid UTF-16 (a lone surrogate) becomes U+FFFD, as it did when the whole text was encoded at once: fields
        // are separated by '\n', so no surrogate pair spans two of them.
        var room = text.GetSpan(Encoding.UTF8.GetMaxByteCount(field.Length) + 1);
        var length = Encoding.UTF8.GetBytes(field, room);
        room[length] = (byte)'\n';
        text.Advance(length + 1);
    }

    // A field that is ASCII text, so its length in UTF-16 units is its length in bytes.
    private static void AddAscii(ArrayBufferWriter<byte> text, ReadOnlySpan<byte> field)
    {
        Length(text, field.Length);
        text.Write(field);
        text.Write("\n"u8);
    }

    private static void Length(ArrayBufferWriter<byte> text, int length)
    {
        var room = text.GetSpan(12);
        length.TryFormat(room, out var written, default, CultureInfo.InvariantCulture);
        room[written] = (byte)':';
        text.Advance(written + 1);
    }

    /// <summary>
    /// Checks entries given in sequence order; returns the first break found, or null when the chain holds.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entriesInOrder) => Verify(entriesInOrder, 0, "");

    /// <summary>
    /// Checks entries given in sequence order that follow entry <paramref name="afterSequence"/>, whose hash is
    /// <paramref name="afterHash"/> (0 and "" for the whole log); returns the first break found, or null when they chain onto it.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entriesInOrder, long afterSequence, string afterHash)
    {
        var expectedSequence = afterSequence + 1;
        var previousHash = afterHash;
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
