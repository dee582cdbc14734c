using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Compliance;

/// <summary>
/// Principle 10's audit finding: it reads the point `audit verify` recorded and checks only the entries after it, so it
/// says when the chain was last verified in full, and reports a break among the newer entries.
/// </summary>
public sealed partial class ComplianceCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AuditFinding_NoFullVerificationRecorded_SaysSoAndIsNotEvidenced(string provider)
    {
        await using var register = await EstateAsync(provider);

        var rows = Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Civic Buildings").Ok()).Output);

        var finding = Finding(rows, "Civic Buildings", 10, "audit log");
        Assert.Equal("The audit log's hash chain has not been verified in full: run `sightline audit verify`", finding.GetProperty("text").GetString());
        Assert.Equal("not-evidenced", finding.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AuditFinding_AfterAFullVerify_SaysWhenAndHowManyEntriesChainOntoIt(string provider)
    {
        await using var register = await EstateAsync(provider);

        await Cli.RunAsync(register, "audit", "verify").Ok();
        var point = await PointAsync(register);
        await Cli.RunAsync(register, "systems", "set", "Civic Buildings", "--controller", "Northmoor Council").Ok();
        await Cli.RunAsync(register, "systems", "set", "Civic Buildings", "--joint-controllers", "Northmoor Police").Ok();
        var rows = Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Civic Buildings").Ok()).Output);

        await using var db = await register.OpenAsync();
        var head = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        var recorded = await db.AuditEntries.SingleAsync(a => a.Sequence == point.Sequence);
        // The full verification recorded the head it verified, at the command's time.
        Assert.Equal(recorded.Hash, point.Hash);
        Assert.Equal(Cli.Start, point.Time);
        Assert.True(head.Sequence >= point.Sequence + 2, "the two edits must have added entries after the point");
        var finding = Finding(rows, "Civic Buildings", 10, "audit log");
        Assert.Equal($"The audit log's hash chain was verified in full on 2026-11-29 09:30 UTC up to entry {point.Sequence}; " +
            $"the {head.Sequence - point.Sequence} entries since chain onto it", finding.GetProperty("text").GetString());
        Assert.Equal("met", finding.GetProperty("status").GetString());
        Assert.Equal(head.Sequence, finding.GetProperty("count").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AuditFinding_AnEntryEditedOrRemovedSinceTheFullVerify_NeedsAttention(string provider)
    {
        await using var register = await EstateAsync(provider);
        await Cli.RunAsync(register, "audit", "verify").Ok();
        var point = await PointAsync(register);
        foreach (var controller in new[] { "A", "B", "C" })
        {
            await Cli.RunAsync(register, "systems", "set", "Civic Buildings", "--controller", controller).Ok();
        }

        await ExecuteAsync(register, $"UPDATE audit_entries SET actor = 'someone else' WHERE sequence = {point.Sequence + 2}");
        var edited = Finding(Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Civic Buildings").Ok()).Output),
            "Civic Buildings", 10, "audit log");
        await ExecuteAsync(register, $"DELETE FROM audit_entries WHERE sequence = {point.Sequence + 2}");
        var removed = Finding(Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Civic Buildings").Ok()).Output),
            "Civic Buildings", 10, "audit log");

        Assert.StartsWith($"The audit log does not verify: broken at entry {point.Sequence + 2} (entry {point.Sequence + 2} was edited: " +
            "its contents do not match its hash); the chain was verified in full on 2026-11-29 09:30 UTC up to entry", edited.GetProperty("text").GetString());
        Assert.Equal("attention", edited.GetProperty("status").GetString());
        Assert.StartsWith($"The audit log does not verify: broken at entry {point.Sequence + 3} (entry {point.Sequence + 2} is missing (removed))",
            removed.GetProperty("text").GetString());
        Assert.Equal("attention", removed.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AuditFinding_AnOldEntryEdited_IsLeftToTheFullVerify_AndTheVerifiedEntryItselfIsChecked(string provider)
    {
        await using var register = await EstateAsync(provider);
        await Cli.RunAsync(register, "audit", "verify").Ok();
        var point = await PointAsync(register);

        await ExecuteAsync(register, "UPDATE audit_entries SET actor = 'someone else' WHERE sequence = 3");
        var old = Finding(Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Civic Buildings").Ok()).Output),
            "Civic Buildings", 10, "audit log");
        var full = await Cli.RunAsync(register, "audit", "verify");
        await ExecuteAsync(register, $"UPDATE audit_entries SET hash = 'rewritten' WHERE sequence = {point.Sequence}");
        var rewritten = Finding(Rows((await Cli.RunAsync(register, "compliance", "--json", "--system", "Civic Buildings").Ok()).Output),
            "Civic Buildings", 10, "audit log");

        // Older than the point: the compliance read does not re-hash it, and says how far its check goes.
        Assert.StartsWith($"The audit log's hash chain was verified in full on 2026-11-29 09:30 UTC up to entry {point.Sequence}", old.GetProperty("text").GetString());
        Assert.Equal(1, full.ExitCode);
        Assert.Contains("audit log BROKEN at entry 3: entry 3 was edited", full.Error, StringComparison.Ordinal);
        // A failed full verification leaves the point as it was.
        Assert.Equal(point.Sequence, (await PointAsync(register)).Sequence);
        Assert.Equal($"The audit log does not verify: broken at entry {point.Sequence} (entry {point.Sequence} no longer has the hash it had when " +
            $"verified in full: the log was rewritten at or before it); the chain was verified in full on 2026-11-29 09:30 UTC up to entry {point.Sequence}",
            rewritten.GetProperty("text").GetString());
    }

    private static async Task<Data.Audit.ChainVerification> PointAsync(TestRegister register)
    {
        await using var db = await register.OpenAsync();
        return await db.ChainVerifications.AsNoTracking().SingleAsync();
    }

    private static async Task ExecuteAsync(TestRegister register, string sql)
    {
        await using var db = await register.OpenAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
