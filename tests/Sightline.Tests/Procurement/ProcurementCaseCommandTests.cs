using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Tests.Procurement;

/// <summary>Procurement cases on the command line: stages in order with sign-offs, and the exclusion rules of the Procurement Act 2023.</summary>
public sealed class ProcurementCaseCommandTests
{
    // Case 1 with two bidders: supplier 1 (a connected director) and supplier 2.
    private static async Task<TestRegister> WithCaseAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Northern CCTV Ltd", "--country", "GB", "--roles", "installer",
            "--connected", "J. Smith (director)").Ok();
        await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Vale Integrators Ltd", "--country", "GB", "--roles", "integrator").Ok();
        await Cli.RunAsync(register, "procurement", "case", "add", "Town centre camera replacement", "--excluded-makers", "hikvision; dahua").Ok();
        await Cli.RunAsync(register, "procurement", "case", "bidder", "1", "Northern CCTV Ltd").Ok();
        await Cli.RunAsync(register, "procurement", "case", "bidder", "1", "2").Ok();
        return register;
    }

    private static Task<CliRun> At(TestRegister register, string day, params string[] args) =>
        Cli.RunAsync([.. args, .. register.Options], register.Folder, new Dictionary<string, string>(),
            new FakeTimeProvider(DateTimeOffset.Parse(day + "T12:00:00Z", CultureInfo.InvariantCulture)));

    private static Task<CliRun> As(TestRegister register, string actor, params string[] args) =>
        Cli.RunAsync([.. args, .. register.Options, "--actor", actor], register.Folder, new Dictionary<string, string>());

    /// <summary>Writes and signs off every stage before <paramref name="until"/>.</summary>
    internal static async Task SignOffUntilAsync(TestRegister register, string until)
    {
        foreach (var stage in new[] { "problem", "requirement", "dpia", "specification", "proposals", "evaluation", "award", "acceptance" })
        {
            if (stage == until)
            {
                return;
            }
            await Cli.RunAsync(register, "procurement", "case", "stage", "1", stage, "--record", $"The {stage} record").Ok();
            await Cli.RunAsync(register, "procurement", "case", "sign-off", "1", stage).Ok();
        }
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Stages_GoInOrder_EachSignedOffByItsUserAndTime_AndFixedOnceSignedOff(string provider)
    {
        await using var register = await WithCaseAsync(provider);

        var early = await Cli.RunAsync(register, "procurement", "case", "stage", "1", "dpia", "--record", "DPIA v1");
        var unwritten = await Cli.RunAsync(register, "procurement", "case", "sign-off", "1", "problem");
        var unknown = await Cli.RunAsync(register, "procurement", "case", "stage", "1", "tender", "--record", "x");
        await As(register, "anne", "procurement", "case", "stage", "1", "problem", "--record", "Thefts in Market Square; risk high, long-term").Ok();
        var signed = await As(register, "sro.bob", "procurement", "case", "sign-off", "1", "problem").Ok();
        var rewrite = await Cli.RunAsync(register, "procurement", "case", "stage", "1", "problem", "--record", "changed");
        var twice = await Cli.RunAsync(register, "procurement", "case", "sign-off", "1", "problem");
        var next = await Cli.RunAsync(register, "procurement", "case", "stage", "1", "requirement", "--record", "Identify faces at 10 m by night").Ok();
        var noSpec = await Cli.RunAsync(register, "procurement", "case", "sign-off", "1", "specification");
        var show = await Cli.RunAsync(register, "procurement", "case", "show", "1").Ok();
        var list = await Cli.RunAsync(register, "procurement", "case", "list").Ok();

        Assert.Equal("error: stage dpia: sign off the problem stage first (stages go in order: problem, requirement, dpia, specification, proposals, evaluation, award, acceptance)\n",
            early.Error);
        Assert.Equal("error: stage problem: write its record before signing it off\n", unwritten.Error);
        Assert.Equal("error: stage: 'tender' is not one of problem, requirement, dpia, specification, proposals, evaluation, award, acceptance\n", unknown.Error);
        Assert.Equal("Stage problem of case 1 signed off by sro.bob.\n", signed.Output);
        Assert.Equal("error: stage problem: signed off by sro.bob on 2026-11-29 09:30 UTC; its record is fixed\n", rewrite.Error);
        Assert.Equal(rewrite.Error, twice.Error);
        Assert.Equal("Stage requirement of case 1 recorded.\n", next.Output);
        Assert.Equal("error: stage specification: sign off the requirement stage first (stages go in order: problem, requirement, dpia, specification, proposals, evaluation, award, acceptance)\n",
            noSpec.Error);
        Assert.Contains("  problem (Problem and risk matrix): signed off by sro.bob 2026-11-29 09:30 UTC\n    Thefts in Market Square; risk high, long-term\n" +
            "  requirement (Operational requirement): written, not signed off\n    Identify faces at 10 m by night\n  dpia (Data protection impact assessment): not written\n",
            show.Output, StringComparison.Ordinal);
        Assert.Matches(@"1\s+Town centre camera replacement\s+2026-11-29\s+requirement\s+2\n", list.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal(["create", "add-bidder", "add-bidder", "stage", "sign-off", "stage"],
            await db.AuditEntries.Where(a => a.EntityType == "procurement-case" && a.EntityId == "1").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal("sro.bob", await db.AuditEntries.Where(a => a.Action == "sign-off").Select(a => a.Actor).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Award_NeedsADebarmentCheckOfEveryBidderAndPerson_AndADecisionOnEach(string provider)
    {
        await using var register = await WithCaseAsync(provider);
        await Cli.RunAsync(register, "procurement", "case", "specify", "1", "--maker", "axis", "--model", "P3265-LVE", "--count", "4").Ok();
        await SignOffUntilAsync(register, "award");
        await Cli.RunAsync(register, "procurement", "case", "stage", "1", "award", "--record", "Awarded to Northern CCTV Ltd").Ok();

        var none = await Cli.RunAsync(register, "procurement", "case", "sign-off", "1", "award");
        await Cli.RunAsync(register, "procurement", "exclusion", "debarment", "1", "1", "--result", "not-listed", "--reference", "https://www.gov.uk/government/publications/procurement-act-2023-debarment-list").Ok();
        await Cli.RunAsync(register, "procurement", "exclusion", "debarment", "1", "2", "--result", "not-listed").Ok();
        var director = await Cli.RunAsync(register, "procurement", "case", "sign-off", "1", "award");
        await Cli.RunAsync(register, "procurement", "exclusion", "debarment", "1", "1", "--person", "j. smith (director)", "--result", "not-listed", "--checked", "2026-11-28").Ok();
        var undecided = await Cli.RunAsync(register, "procurement", "case", "sign-off", "1", "award");
        await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "1", "--outcome", "clear", "--reason", "No ground applies; not on the debarment list").Ok();
        await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "clear", "--reason", "No ground applies; not on the debarment list").Ok();
        var awarded = await As(register, "head.of.procurement", "procurement", "case", "sign-off", "1", "award").Ok();
        var late = await Cli.RunAsync(register, "procurement", "case", "bidder", "1", "2");
        var show = await Cli.RunAsync(register, "procurement", "case", "show", "1").Ok();

        Assert.Equal("error: stage award: no debarment-list check on record for Northern CCTV Ltd, J. Smith (director) (bidder 1); no exclusion decision on record for Northern CCTV Ltd (bidder 1); " +
            "no debarment-list check on record for Vale Integrators Ltd (bidder 2); no exclusion decision on record for Vale Integrators Ltd (bidder 2)\n", none.Error);
        Assert.StartsWith("error: stage award: no debarment-list check on record for J. Smith (director) (bidder 1); ", director.Error, StringComparison.Ordinal);
        Assert.Equal("error: stage award: no exclusion decision on record for Northern CCTV Ltd (bidder 1); no exclusion decision on record for Vale Integrators Ltd (bidder 2)\n",
            undecided.Error);
        Assert.Equal("Stage award of case 1 signed off by head.of.procurement.\n", awarded.Output);
        Assert.Equal("error: case 1: the award is signed off, so no bidder can be added\n", late.Error);
        Assert.Contains("    connected J. Smith (director): debarment list not-listed on 2026-11-28\n", show.Output, StringComparison.Ordinal);
        Assert.Contains("  1 Northern CCTV Ltd: neither excluded nor excludable; decision: clear", show.Output, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.EntityType == "procurement-case" && a.Action == "check-debarment"));
        Assert.Contains("\"reference\":\"https://www.gov.uk/government/publications/procurement-act-2023-debarment-list\"",
            await db.AuditEntries.Where(a => a.Action == "check-debarment").OrderBy(a => a.Sequence).Select(a => a.After).FirstAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task LookBack_AnEventFiveYearsAgoToTheDay_NoLongerCounts_TheDayBeforeItDoes(string provider)
    {
        await using var register = await WithCaseAsync(provider);
        // A fraud conviction on 2021-11-29: it counts until 2026-11-28 and not from 2026-11-29.
        await At(register, "2026-11-28", "procurement", "exclusion", "assess", "1", "1", "--ground", "m.theft-fraud-bribery", "--applies", "--event", "2021-11-29",
            "--continuing", "--notes", "Conviction at Leeds Crown Court").Ok();

        var dayBefore = await At(register, "2026-11-28", "procurement", "exclusion", "decide", "1", "1", "--outcome", "clear", "--reason", "old");
        var dayBeforeShow = await At(register, "2026-11-28", "procurement", "case", "show", "1");
        var onTheDay = await At(register, "2026-11-29", "procurement", "exclusion", "decide", "1", "1", "--outcome", "excluded", "--reason", "fraud");
        var onTheDayShow = await At(register, "2026-11-29", "procurement", "case", "show", "1");
        var clear = await At(register, "2026-11-29", "procurement", "exclusion", "decide", "1", "1", "--outcome", "clear", "--reason", "The conviction is more than five years old");

        Assert.Equal("error: outcome: Northern CCTV Ltd is an excluded supplier because of m.theft-fraud-bribery (Northern CCTV Ltd), so it must be excluded (s.57)\n",
            dayBefore.Error);
        Assert.Contains("1 Northern CCTV Ltd: an excluded supplier; decision: none", dayBeforeShow.Ok().Output, StringComparison.Ordinal);
        Assert.Contains("m.theft-fraud-bribery for Northern CCTV Ltd (event 2021-11-29): counts", dayBeforeShow.Output, StringComparison.Ordinal);
        Assert.Equal("error: outcome: no ground counts against Northern CCTV Ltd within the 5-year look-back and it is not debarred, so it is clear\n", onTheDay.Error);
        Assert.Contains("m.theft-fraud-bribery for Northern CCTV Ltd (event 2021-11-29): outside the 5-year look-back: does not count", onTheDayShow.Ok().Output,
            StringComparison.Ordinal);
        Assert.Equal("Decision on Northern CCTV Ltd recorded: clear.\n", clear.Ok().Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Decision_NeedsReasons_AndAnExcludableBidderIsExcludedOrNotWithWhy(string provider)
    {
        await using var register = await WithCaseAsync(provider);
        await Cli.RunAsync(register, "procurement", "exclusion", "assess", "1", "2", "--ground", "d.breach-of-contract", "--applies", "--event", "2024-06-01",
            "--continuing").Ok();
        // A mandatory ground that is neither continuing nor likely to recur does not make it excluded.
        await Cli.RunAsync(register, "procurement", "exclusion", "assess", "1", "2", "--ground", "m.cartel", "--applies", "--event", "2023-02-01").Ok();

        var noReason = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "excludable-not-excluded");
        var blank = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "excludable-not-excluded", "--reason", "  ");
        var clear = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "clear", "--reason", "x");
        var excluded = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "excluded", "--reason", "x");
        var badWord = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "maybe", "--reason", "x");
        var kept = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "excludable-not-excluded",
            "--reason", "Late delivery in 2024 was remedied; new project manager and penalty clauses in place").Ok();
        var changed = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "excludable-excluded",
            "--reason", "A second late delivery in 2025 shows it is likely to recur").Ok();
        var show = await Cli.RunAsync(register, "procurement", "case", "show", "1").Ok();

        Assert.Equal("error: reasons: a decision needs its reasons on record (--reason)\n", noReason.Error);
        Assert.Equal(noReason.Error, blank.Error);
        Assert.Equal("error: outcome: Vale Integrators Ltd is an excludable supplier because of d.breach-of-contract (Vale Integrators Ltd): decide excludable-excluded or excludable-not-excluded\n",
            clear.Error);
        Assert.Equal(clear.Error, excluded.Error);
        Assert.Equal("error: outcome: 'maybe' is not one of clear, excluded, excludable-excluded, excludable-not-excluded\n", badWord.Error);
        Assert.Equal("Decision on Vale Integrators Ltd recorded: excludable-not-excluded.\n", kept.Output);
        Assert.Contains("2 Vale Integrators Ltd: an excludable supplier; decision: excludable-excluded", show.Output, StringComparison.Ordinal);
        Assert.Contains("A second late delivery in 2025 shows it is likely to recur", show.Output, StringComparison.Ordinal);
        Assert.Contains("m.cartel for Vale Integrators Ltd (event 2023-02-01): applies but is not continuing or likely to recur: does not count", show.Output, StringComparison.Ordinal);
        Assert.Equal("Decision on Vale Integrators Ltd recorded: excludable-excluded.\n", changed.Output);
        await using var db = await register.OpenAsync();
        var decisions = await db.AuditEntries.Where(a => a.Action == "decide").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(2, decisions.Count);
        Assert.Contains("\"outcome\":\"excludable-not-excluded\"", decisions[1].Before, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task NationalSecurity_IsRefused_WithoutTheMinistersNotificationOnRecord(string provider)
    {
        await using var register = await WithCaseAsync(provider);

        var bare = await Cli.RunAsync(register, "procurement", "exclusion", "assess", "1", "2", "--ground", "d.national-security", "--applies", "--event", "2026-10-01",
            "--continuing");
        var noRef = await Cli.RunAsync(register, "procurement", "exclusion", "assess", "1", "2", "--ground", "d.national-security", "--applies", "--event", "2026-10-01",
            "--continuing", "--minister-notified", "2026-11-02");
        var notApplying = await Cli.RunAsync(register, "procurement", "exclusion", "assess", "1", "2", "--ground", "d.national-security").Ok();
        var noted = await Cli.RunAsync(register, "procurement", "exclusion", "assess", "1", "2", "--ground", "d.national-security", "--applies", "--event", "2026-10-01",
            "--continuing", "--minister-notified", "2026-11-02", "--minister-ref", "NSUP/2026/114").Ok();
        var decided = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "2", "--outcome", "excludable-excluded",
            "--reason", "The Minister agreed on 2026-11-20 that the supplier is excludable on national-security grounds").Ok();
        var show = await Cli.RunAsync(register, "procurement", "case", "show", "1").Ok();

        const string Refusal = "error: ground d.national-security: national security can be found to apply only with the Minister's notification on record (give --minister-notified DATE and --minister-ref)\n";
        Assert.Equal(Refusal, bare.Error);
        Assert.Equal(Refusal, noRef.Error);
        Assert.Contains("d.national-security for Vale Integrators Ltd (event 2026-10-01): counts; Minister notified 2026-11-02 (NSUP/2026/114)", show.Output, StringComparison.Ordinal);
        Assert.Contains("2 Vale Integrators Ltd: an excludable supplier; decision: excludable-excluded", show.Output, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(2, await db.GroundAssessments.CountAsync());
        Assert.Contains("\"minister-ref\":\"NSUP/2026/114\"", await db.AuditEntries.Where(a => a.Action == "assess-ground").OrderBy(a => a.Sequence).Select(a => a.After).LastAsync(),
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ReplacingAnAssociatedPerson_InsteadOfExcluding_IsRecorded_AndItNoLongerCounts(string provider)
    {
        await using var register = await WithCaseAsync(provider);
        await Cli.RunAsync(register, "procurement", "exclusion", "associate", "1", "1", "Cheap Cabling Ltd").Ok();
        await Cli.RunAsync(register, "procurement", "exclusion", "assess", "1", "1", "--person", "Cheap Cabling Ltd", "--ground", "d.labour-market", "--applies",
            "--event", "2025-03-10", "--continuing", "--notes", "Labour market enforcement order").Ok();

        var before = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "1", "--outcome", "clear", "--reason", "x");
        var stranger = await Cli.RunAsync(register, "procurement", "exclusion", "assess", "1", "1", "--person", "Nobody Ltd", "--ground", "d.insolvency");
        var noReason = await Cli.RunAsync(register, "procurement", "exclusion", "replace", "1", "1", "Cheap Cabling Ltd", "--with", "Good Cabling Ltd", "--reason", " ");
        var replaced = await Cli.RunAsync(register, "procurement", "exclusion", "replace", "1", "1", "Cheap Cabling Ltd", "--with", "Good Cabling Ltd",
            "--reason", "Replaced at our request because of its labour market enforcement order").Ok();
        var unchecked_ = await Cli.RunAsync(register, "procurement", "case", "show", "1").Ok();
        var after = await Cli.RunAsync(register, "procurement", "exclusion", "decide", "1", "1", "--outcome", "clear", "--reason", "Sub-contractor replaced; no other ground").Ok();

        Assert.Equal("error: outcome: Northern CCTV Ltd is an excludable supplier because of d.labour-market (Cheap Cabling Ltd): decide excludable-excluded or excludable-not-excluded\n",
            before.Error);
        Assert.Equal("error: person: 'Nobody Ltd' is not Northern CCTV Ltd, one of its connected persons or a current associated person on case 1 " +
            "(Northern CCTV Ltd; J. Smith (director); Cheap Cabling Ltd)\n", stranger.Error);
        Assert.Equal("error: reason: say why the associated person is replaced\n", noReason.Error);
        Assert.Equal("Cheap Cabling Ltd replaced by Good Cabling Ltd for Northern CCTV Ltd.\n", replaced.Output);
        Assert.Contains("    associated Good Cabling Ltd: debarment list NOT CHECKED\n", unchecked_.Output, StringComparison.Ordinal);
        Assert.Contains("d.labour-market for Cheap Cabling Ltd (event 2025-03-10): superseded or about a replaced person: does not count", unchecked_.Output, StringComparison.Ordinal);
        Assert.Contains("    associated Cheap Cabling Ltd replaced 2026-11-29: Replaced at our request because of its labour market enforcement order\n", unchecked_.Output,
            StringComparison.Ordinal);
        Assert.Equal("Decision on Northern CCTV Ltd recorded: clear.\n", after.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "replace-associate"));
    }
}
