using System.Text.Json;

namespace Sightline.Tests.LogBook;

// Today, for every command here, is Cli.Start: Sunday 2026-11-29.
public sealed class LogBookFindingsTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Findings_ReadTheLogBook_ForRetentionAndAccess(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();
        await Cli.RunAsync(register, "systems", "add", "Car Parks").Ok();
        await Cli.RunAsync(register, "systems", "set", "Town Centre", "--retention-days", "31").Ok();
        // Nothing in the log book: principle 7 is left to the self-assessment, as before.
        var empty = await FindingsAsync(register, 7);

        // An export 59 days old, never deleted, no hold: kept past the 31 days.
        await Cli.RunAsync(register, "logbook", "access", "add", "--at", "2026-10-01 10:00", "--person", "Operator A", "--action", "exported",
            "--system", "Town Centre", "--purpose", "Police enquiry", "--reference", "CR/9/26").Ok();
        // A disclosure request waiting 28 days for its decision, and a subject access request due 2026-11-20.
        await Cli.RunAsync(register, "logbook", "disclosure", "add", "--received", "2026-11-01", "--recipient", "PC 1", "--organisation", "Example Police",
            "--purpose", "Investigation", "--systems", "Town Centre").Ok();
        await Cli.RunAsync(register, "sar", "add", "--received", "2026-10-20", "--requester", "A person", "--systems", "Car Parks").Ok();
        var late = await FindingsAsync(register, 6);
        var access = await FindingsAsync(register, 7);
        // A hold for the same case keeps the copy.
        await Cli.RunAsync(register, "logbook", "hold", "add", "--reason", "legal-case", "--reference", "CR/9/26", "--systems", "Town Centre", "--review-by", "2027-01-31").Ok();
        var held = await FindingsAsync(register, 6);

        Assert.Empty(empty["Town Centre"]);
        Assert.Equal(("attention", "1 exported copy kept past the 31-day retention without a hold: entry 1 (2026-10-01 10:00, Police enquiry)"), late["Town Centre"][^1]);
        Assert.Equal(("attention", "1 hold past its review date: hold 1 (subject-access sar:1, review by 2026-11-20)"), late["Car Parks"][^1]);
        Assert.Equal([
            ("met", "In the last 12 months: 0 viewings, 1 export; 0 disclosures, each approved, authorised and with its legal basis"),
            ("attention", "1 disclosure request undecided after 14 days: request 1 from Example Police, received 2026-11-01"),
        ], access["Town Centre"]);
        Assert.Equal([
            ("not-evidenced", "No viewing, export or disclosure of this system's footage is recorded in the log book in the last 12 months"),
            ("attention", "1 subject access request overdue: request 1, due 2026-11-20"),
        ], access["Car Parks"]);
        Assert.Equal([
            ("met", "1 hold keeps footage beyond the policy, each with a review date: hold 2 (legal-case CR/9/26, review by 2027-01-31)"),
            ("met", "1 exported copy kept, none older than the 31-day retention without a hold"),
        ], held["Town Centre"].Skip(1));
    }

    private static async Task<Dictionary<string, List<(string Status, string Text)>>> FindingsAsync(TestRegister register, int principle)
    {
        var run = await Cli.RunAsync(register, "compliance", "--json").Ok();
        return JsonDocument.Parse(run.Output).RootElement.EnumerateArray()
            .Where(p => p.GetProperty("principle").GetInt32() == principle)
            .ToDictionary(p => p.GetProperty("system").GetString()!, p => p.GetProperty("findings").EnumerateArray()
                .Select(f => (f.GetProperty("status").GetString()!, f.GetProperty("text").GetString()!)).ToList());
    }
}
