using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.LogBook;

// Today, for every command here, is Cli.Start: Sunday 2026-11-29.
public sealed class SarCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Request_FromReceiptToClosure_HoldsTheFootage_ReleasesItOnClosure_AndKeepsTheRequesterOutOfTheAuditLog(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();

        var added = await Cli.RunAsync(register, "sar", "add", "--received", "2026-11-20", "--channel", "email", "--requester", "Jane Doe",
            "--contact", "jane@example.org", "--systems", "Town Centre", "--footage-from", "2026-11-18 14:00", "--footage-to", "2026-11-18 15:00").Ok();
        var holds = await Cli.RunAsync(register, "logbook", "hold", "list").Ok();
        var early = await Cli.RunAsync(register, "logbook", "hold", "release", "1", "--reason", "not needed");
        var unverified = await Cli.RunAsync(register, "sar", "set", "1", "--supplied", "2026-11-25");
        await Cli.RunAsync(register, "sar", "set", "1", "--identity-verified", "2026-11-21", "--searched", "2026-11-22").Ok();
        await Cli.RunAsync(register, "sar", "set", "1", "--supplied", "2026-11-25", "--outcome", "copy-supplied", "--redaction", "blur").Ok();
        await Cli.RunAsync(register, "sar", "set", "1", "--closed", "2026-11-26").Ok();
        var after = await Cli.RunAsync(register, "logbook", "hold", "list", "--all").Ok();
        var show = await Cli.RunAsync(register, "sar", "show", "1").Ok();

        // 20 December 2026 is a Sunday: due the Monday.
        Assert.Equal("Subject access request 1 recorded.\nDue 2026-12-21; footage held by hold 1.\n", added.Output);
        Assert.Matches(@"\n1\s+subject-access\s+sar:1\s+Town Centre\s+2026-11-29\s+2026-12-21\s+in force\n", holds.Output);
        Assert.Equal("error: hold 1 preserves footage for subject access request 1, still open: close the request to release it\n", early.Error);
        Assert.Equal("error: Supplied: verify the requester's identity first; Supplied: record the search first; " +
            "Outcome: say whether a copy was supplied (copy-supplied) or a viewing given (viewing-given); " +
            "Third parties protected by: say how (none-needed, blur, mask, solid-fill)\n", unverified.Error);
        Assert.Matches(@"\n1\s+subject-access\s+sar:1\s+Town Centre\s+2026-11-29\s+2026-12-21\s+released 2026-11-29\n", after.Output);
        Assert.StartsWith("Subject access request 1: closed, due 2026-12-21\n", show.Output);
        Assert.Contains("Hold 1: released 2026-11-29 (subject access request 1 closed)", show.Output);
        await using var db = await register.OpenAsync();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "sar").ToListAsync();
        Assert.Equal(4, audit.Count);
        Assert.All(await db.AuditEntries.ToListAsync(), a => Assert.DoesNotContain("Jane", (a.Before ?? "") + a.After, StringComparison.Ordinal));
        Assert.Contains("(personal data, kept in the log book only)", audit[0].After, StringComparison.Ordinal);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "hold"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ListDue_FlagsTheOverdueAndTheSoonDue_AsJsonWithIdReceivedDueStatusAndHold(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();
        // Due 2026-11-20 (overdue), 2026-12-03 (in 4 days) and 2026-12-29 (25 December and 28 December are bank holidays).
        foreach (var received in new[] { "2026-10-20", "2026-11-03", "2026-11-25" })
        {
            await Cli.RunAsync(register, "sar", "add", "--received", received, "--requester", "A person").Ok();
        }

        var due = await Cli.RunAsync(register, "sar", "list", "--due", "--json").Ok();
        var all = await Cli.RunAsync(register, "sar", "list").Ok();

        var rows = JsonDocument.Parse(due.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(["2026-11-20", "2026-12-03"], rows.Select(r => r.GetProperty("due").GetString()));
        Assert.Equal(["overdue", "due soon"], rows.Select(r => r.GetProperty("flag").GetString()));
        Assert.All(rows, r => Assert.Equal("received", r.GetProperty("status").GetString()));
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("hold").GetInt32()));
        Assert.All(rows, r => Assert.True(r.GetProperty("held").GetBoolean()));
        Assert.Equal("2026-10-20", rows[0].GetProperty("received").GetString());
        Assert.Matches(@"\n3\s+2026-11-25\s+2026-12-29\s+received\s+3\n", all.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Extension_NeedsItsReason_AndTheRequesterTold_WithinTheFirstMonth(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        // Received 2026-10-01: first due 2026-11-02 (1 November is a Sunday).
        await Cli.RunAsync(register, "sar", "add", "--received", "2026-10-01", "--requester", "A person").Ok();

        var bare = await Cli.RunAsync(register, "sar", "set", "1", "--extension-months", "2");
        var late = await Cli.RunAsync(register, "sar", "set", "1", "--extension-months", "2", "--extension-reason", "Footage from 14 cameras", "--extension-told", "2026-11-05");
        var three = await Cli.RunAsync(register, "sar", "set", "1", "--extension-months", "3");
        await Cli.RunAsync(register, "sar", "set", "1", "--extension-months", "2", "--extension-reason", "Footage from 14 cameras", "--extension-told", "2026-10-30").Ok();
        var list = await Cli.RunAsync(register, "sar", "list").Ok();

        Assert.Equal("error: Extension reason: say why the request is complex or one of several; " +
            "Requester told of extension: give the day the requester was told, within the first month\n", bare.Error);
        Assert.Equal("error: Requester told of extension: 2026-11-05 is after the first month ended (2026-11-02); an extension must be told within it\n", late.Error);
        Assert.Equal("error: Extension (months): '3' is not a whole number from 0 to 2\n", three.Error);
        // Three months from 1 October: 1 January 2027, New Year's Day, then a weekend: Monday the 4th. No longer overdue.
        Assert.Matches(@"\n1\s+2026-10-01\s+2027-01-04\s+received\s+1\n", list.Output);
    }
}
