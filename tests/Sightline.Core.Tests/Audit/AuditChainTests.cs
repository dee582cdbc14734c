using Sightline.Audit;

namespace Sightline.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var time = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= count; i++)
        {
            entries.Add(AuditChain.Next(i, entries.LastOrDefault()?.Hash ?? "", time.AddTicks(i * 12_345), "tester", "create", "device",
                i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, $"{{\"n\":{i}}}"));
        }
        return entries;
    }

    [Fact]
    public void Verify_UntouchedChain_Holds() => Assert.Null(AuditChain.Verify(Chain(5)));

    [Fact]
    public void Next_TruncatesTimeToMicroseconds()
    {
        var entry = Chain(1)[0];
        Assert.Equal(0, entry.Time.Ticks % 10);
    }

    [Fact]
    public void Verify_EditedEntry_IsNamed()
    {
        var chain = Chain(5);
        chain[2].Actor = "someone else";
        Assert.Equal(new AuditBreak(3, "entry 3 was edited: its contents do not match its hash"), AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_RemovedEntry_IsNamed()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, AuditChain.Verify(chain)!.Sequence);
        Assert.Contains("entry 2 is missing", AuditChain.Verify(chain)!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EntriesRehashedInAnotherOrder_BreakTheChain()
    {
        var chain = Chain(5);
        (chain[1].After, chain[2].After) = (chain[2].After, chain[1].After);
        chain[1].Hash = AuditChain.HashOf(chain[1]);
        chain[2].Hash = AuditChain.HashOf(chain[2]);
        Assert.Contains("entry 3 does not follow entry 2", AuditChain.Verify(chain)!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HashOf_DistinguishesFieldBoundaries()
    {
        var a = AuditChain.Next(1, "", DateTimeOffset.UnixEpoch, "ab", "c", "d", "1", null, null);
        var b = AuditChain.Next(1, "", DateTimeOffset.UnixEpoch, "a", "bc", "d", "1", null, null);
        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void HashOf_IsSha256OfTheLengthPrefixedFields_EvenForLongNonAsciiValues()
    {
        var after = "{\"notes\":\"" + string.Concat(Enumerable.Repeat("camera 📷 é ", 400)) + "\"}";
        var entry = AuditChain.Next(7, "abc", new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), "tester", "create", "device", "12", null, after);
        string Field(string? value) => value is null ? "-\n" : $"{value.Length}:{value}\n";
        var canonical = Field("7") + Field("2026-11-29T10:00:00.000000Z") + Field("tester") + Field("create") + Field("device") + Field("12")
            + Field(null) + Field(after) + Field("abc");

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, entry.Hash);
    }
}
