using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Tests.LogBook;

// Today, for every command here, is Cli.Start: Sunday 2026-11-29.
public sealed class LogBookCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Disclosure_GoesThroughItsSteps_InOrder_AndClosingReleasesItsHold(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();

        var missing = await Cli.RunAsync(register, "logbook", "disclosure", "add", "--received", "2026-11-20", "--recipient", "PC 1234 Smith");
        await Cli.RunAsync(register, "logbook", "disclosure", "add", "--received", "2026-11-20", "--recipient", "PC 1234 Smith", "--organisation", "Example Police",
            "--purpose", "Investigation of an assault", "--reference", "CR/123/26", "--systems", "Town Centre",
            "--footage-from", "2026-11-19 22:00", "--footage-to", "2026-11-19 23:00", "--hold").Ok();
        var early = await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--disclosed", "2026-11-25");
        var unassessed = await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--decision", "approved");
        var backwards = await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--assessed", "2026-11-19");
        await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--assessed", "2026-11-21", "--assessment", "Necessary for the investigation",
            "--decision", "approved", "--authorised-by", "J Bloggs, CCTV manager", "--decided", "2026-11-22", "--legal-basis", "DPA 2018 s.35",
            "--sharing-agreement", "Police information sharing agreement 2025").Ok();
        var open = await Cli.RunAsync(register, "logbook", "hold", "list").Ok();
        await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--disclosed", "2026-11-23", "--method", "Encrypted USB collected in person",
            "--what-disclosed", "One hour of camera TC-01").Ok();
        await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--closed", "2026-11-24").Ok();
        var list = await Cli.RunAsync(register, "logbook", "disclosure", "list", "--all").Ok();
        var holds = await Cli.RunAsync(register, "logbook", "hold", "list").Ok();
        var reopened = await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--purpose", "Something else");

        Assert.Equal("error: Recipient's organisation: must be given; Purpose: must be given\n", missing.Error);
        Assert.Equal("error: Disclosed: only an approved request is disclosed; Method: say how it was handed over; What was disclosed: say what was handed over\n", early.Error);
        Assert.Equal("error: Decision: record the assessment (its day) first; Authorised by: name who made the decision; Decided: give the day of the decision; " +
            "Legal basis: an approval needs the basis it relies on\n", unassessed.Error);
        Assert.Equal("error: Assessed: 2026-11-19 is before the day it was received (2026-11-20)\n", backwards.Error);
        Assert.Matches(@"\n1\s+disclosure-request\s+disclosure:1\s+Town Centre\s+2026-11-29\s+2026-12-29\s+in force\n", open.Output);
        Assert.Matches(@"\n1\s+2026-11-20\s+PC 1234 Smith\s+Example Police\s+CR/123/26\s+closed\s+DPA 2018 s.35\n", list.Output);
        Assert.Equal("ID  Reason  Reference  Systems  Cameras  Placed  Review by  State\n", holds.Output);
        Assert.Equal("error: disclosure request 1 was closed on 2026-11-24; reopen it by clearing --closed\n", reopened.Error);
        await using var db = await register.OpenAsync();
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.EntityType == "disclosure"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Disclosure_Refused_NeedsTheReason_AndFlagsADecisionOverdue(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "logbook", "disclosure", "add", "--received", "2026-11-01", "--recipient", "A Claims Handler", "--organisation", "An Insurer",
            "--purpose", "Motor claim").Ok();

        var waiting = await Cli.RunAsync(register, "logbook", "disclosure", "list").Ok();
        var bare = await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--assessed", "2026-11-02", "--decision", "refused",
            "--authorised-by", "DPO", "--decided", "2026-11-03");
        await Cli.RunAsync(register, "logbook", "disclosure", "set", "1", "--assessed", "2026-11-02", "--decision", "refused", "--authorised-by", "DPO",
            "--decided", "2026-11-03", "--refusal-reason", "No court order and no lawful basis to share").Ok();
        var decided = await Cli.RunAsync(register, "logbook", "disclosure", "list").Ok();

        Assert.Matches(@"\n1\s+2026-11-01\s+A Claims Handler\s+An Insurer\s+received\s+decision overdue\n", waiting.Output);
        Assert.Equal("error: Refusal reason: say why it was refused\n", bare.Error);
        Assert.Matches(@"\n1\s+2026-11-01\s+A Claims Handler\s+An Insurer\s+refused\n", decided.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AccessImport_StoresAllRowsOrNone_NamingEachProblemsLineAndField(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();
        var file = Path.Combine(register.Folder, "vms-log.csv");
        await File.WriteAllTextAsync(file,
            "at,person,action,system,footage-from,footage-to,purpose,reference,sha256\n" +
            "2026-11-20 10:15,Operator A,viewed,Town Centre,2026-11-19 22:00,2026-11-19 23:00,Police enquiry,CR/123/26,\n" +
            "2026-11-20 10:40,Operator A,exported,Car Parks,2026-11-19 22:00,2026-11-19 23:00,Police enquiry,CR/123/26,abc\n" +
            "2026-11-21 09:00,Operator B,viewed,1,2026-11-19 23:00,2026-11-19 22:00,,,\n");

        var bad = await Cli.RunAsync(register, "logbook", "access", "import", file);
        await File.WriteAllTextAsync(file,
            "at,person,action,system,footage-from,footage-to,purpose,reference,sha256\n" +
            "2026-11-20 10:15,Operator A,viewed,Town Centre,2026-11-19 22:00,2026-11-19 23:00,Police enquiry,CR/123/26,\n" +
            $"2026-11-20 10:40,Operator A,exported,Town Centre,2026-11-19 22:00,2026-11-19 23:00,Police enquiry,CR/123/26,{new string('A', 64)}\n");
        var good = await Cli.RunAsync(register, "logbook", "access", "import", file).Ok();
        var one = await Cli.RunAsync(register, "logbook", "access", "add", "--at", "2026-11-22T09:00:00Z", "--person", "Operator C", "--action", "viewed",
            "--system", "Town Centre", "--purpose", "Incident review").Ok();
        var list = await Cli.RunAsync(register, "logbook", "access", "list").Ok();

        Assert.Equal("error: vms-log.csv:3: system: System: there is no system with ID or name 'Car Parks'\n" +
            "error: vms-log.csv:3: sha256: SHA-256 of the export: 'abc' is not a SHA-256 (64 hexadecimal digits)\n" +
            "error: vms-log.csv:4: purpose: Purpose: must be given\n" +
            "error: vms-log.csv:4: footage-to: Footage to: before the footage's start\n" +
            "Nothing was imported.\n", bad.Error);
        Assert.Equal("Imported 2 entries.\n", good.Output);
        Assert.Equal("Entry 3 recorded.\n", one.Output);
        // Newest first; UK time (GMT in November).
        Assert.Matches(@"\n3\s+2026-11-22 09:00\s+Operator C\s+viewed\s+1\s+Incident review\n", list.Output);
        Assert.Matches(@"\n2\s+2026-11-20 10:40\s+Operator A\s+exported\s+1\s+2026-11-19 22:00 to 2026-11-19 23:00\s+Police enquiry\s+CR/123/26\s+aaaaaaaaaaaa…\n", list.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.EntityType == "footage-access"));
        Assert.Equal("vms-log.csv", (await db.FootageAccesses.SingleAsync(a => a.Id == 1)).Source);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Hold_PastItsReviewDate_IsFlagged_AndReleaseNeedsAReason(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();

        var nothing = await Cli.RunAsync(register, "logbook", "hold", "add", "--reason", "incident");
        await Cli.RunAsync(register, "logbook", "hold", "add", "--reason", "incident", "--reference", "INC-77", "--systems", "1", "--review-by", "2026-12-28").Ok();
        await Cli.RunAsync(register, "logbook", "hold", "set", "1", "--review-by", "2026-12-10").Ok();
        async Task<string> ListOn(string day) => (await Cli.RunAsync(["logbook", "hold", "list", .. register.Options], register.Folder,
            new Dictionary<string, string>(), new FakeTimeProvider(DateTimeOffset.Parse(day + "T12:00:00Z", CultureInfo.InvariantCulture)))).Ok().Output;
        var onTheDay = await ListOn("2026-12-10");
        var dayAfter = await ListOn("2026-12-11");
        var blank = await Cli.RunAsync(register, "logbook", "hold", "release", "1", "--reason", " ");
        var released = await Cli.RunAsync(register, "logbook", "hold", "release", "1", "--reason", "Incident closed, no action").Ok();

        Assert.Equal("error: Systems: name the systems or cameras whose footage is held\n", nothing.Error);
        Assert.Matches(@"\n1\s+incident\s+INC-77\s+Town Centre\s+2026-11-29\s+2026-12-10\s+in force\n", onTheDay);
        Assert.Matches(@"\n1\s+incident\s+INC-77\s+Town Centre\s+2026-11-29\s+2026-12-10\s+review overdue\n", dayAfter);
        Assert.Equal("error: Reason: say why the footage need no longer be kept\n", blank.Error);
        Assert.Equal("Hold 1 released.\n", released.Output);
    }
}
