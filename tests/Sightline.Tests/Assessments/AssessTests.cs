using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Assessments;
using Sightline.Data.Assessments;

namespace Sightline.Tests.Assessments;

/// <summary>
/// Self-assessments through `sightline assess` on both providers: the life cycle and its refusals, staleness by time, by
/// question-set version and by Code version, overdue actions, evidence files, findings decided, export and import, and
/// every change on the audit log.
/// </summary>
public sealed class AssessTests
{
    private static readonly QuestionSet Shipped = QuestionSet.Parse(
        File.ReadAllText(Repository.Folder("knowledge", "self-assessment", "questions.json")), "questions.json");

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task LifeCycle_DraftToCompleteToPublished_RefusesOutOfOrderSteps_AndAuditsEachChange(string provider)
    {
        await using var register = await RegisterWithSystemAsync(provider);
        var time = new FakeTimeProvider(Cli.Start);
        var started = await RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV", "--title", "Town centre 2026").Ok();
        Assert.Contains("Self-assessment 1 started as a draft", started.Output, StringComparison.Ordinal);

        var publishDraft = await RunAsync(register, time, "assess", "publish", "1");
        Assert.Equal(2, publishDraft.ExitCode);
        Assert.Contains("assessment 1 is a draft: it must be signed off (complete) before it is published", publishDraft.Error, StringComparison.Ordinal);

        await RunAsync(register, time, "assess", "answer", "1", "1.1", "--answer", "yes", "--text", "Crime prevention in the market").Ok();
        var early = await RunAsync(register, time, "assess", "sign-off", "1", "--by", "A. Patel, SRO");
        Assert.Equal(2, early.ExitCode);
        Assert.Contains($"{Shipped.All.Count() - 1} questions have no closed answer (1.2, 1.3", early.Error, StringComparison.Ordinal);

        var unknown = await RunAsync(register, time, "assess", "answer", "1", "13.1", "--answer", "yes");
        Assert.Contains("question '13.1' is not in question set sightline-sc-code 1.0", unknown.Error, StringComparison.Ordinal);
        var badWord = await RunAsync(register, time, "assess", "answer", "1", "1.2", "--answer", "maybe");
        Assert.Contains("--answer 'maybe' is not one of yes, partly, no, not-applicable", badWord.Error, StringComparison.Ordinal);

        await AnswerAllAsync(register, time, 1);
        await RunAsync(register, time, "assess", "sign-off", "1", "--by", "A. Patel, SRO").Ok();
        var changeAfter = await RunAsync(register, time, "assess", "answer", "1", "1.1", "--answer", "no");
        Assert.Equal(2, changeAfter.ExitCode);
        Assert.Contains("assessment 1 is complete (signed off by A. Patel, SRO); only a draft can be changed", changeAfter.Error, StringComparison.Ordinal);
        Assert.Contains("only a draft can be signed off", (await RunAsync(register, time, "assess", "sign-off", "1", "--by", "B")).Error, StringComparison.Ordinal);

        await RunAsync(register, time, "assess", "publish", "1").Ok();
        Assert.Contains("is already published", (await RunAsync(register, time, "assess", "publish", "1")).Error, StringComparison.Ordinal);

        var shown = await RunAsync(register, time, "assess", "show", "1", "--principle", "1").Ok();
        Assert.Contains("State: published, signed off by A. Patel, SRO on 2026-11-29, published 2026-11-29", shown.Output, StringComparison.Ordinal);
        Assert.Contains("1.1  Have you written down each purpose", shown.Output, StringComparison.Ordinal);
        Assert.Contains("answer: yes — Crime prevention in the market", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Notice: These questions are Sightline's own words", shown.Output, StringComparison.Ordinal);

        await using var db = await register.OpenAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == "assessment").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["start", .. Enumerable.Repeat("answer", Shipped.All.Count() + 1), "import", "sign-off", "publish"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("tester", e.Actor));
        Assert.Contains("\"signed off by\":\"A. Patel, SRO\"", entries[^2].After, StringComparison.Ordinal);
        var assessment = await db.SelfAssessments.SingleAsync();
        Assert.Equal(("A. Patel, SRO", "tester"), (assessment.SignedOffBy, assessment.SignOffRecordedBy));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "question-set" && a.Action == "load"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Staleness_ByTwelveMonths_ByQuestionSetVersion_AndByCodeVersion_WhileTheOldAssessmentStaysReadable(string provider)
    {
        await using var register = await RegisterWithSystemAsync(provider);
        var time = new FakeTimeProvider(Cli.Start);
        await RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV").Ok();
        await AnswerAllAsync(register, time, 1);
        await RunAsync(register, time, "assess", "sign-off", "1", "--by", "A. Patel").Ok();
        await RunAsync(register, time, "assess", "publish", "1").Ok();

        time.Advance(TimeSpan.FromDays(364));
        Assert.DoesNotContain("STALE", (await RunAsync(register, time, "assess", "list").Ok()).Output, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromDays(2));
        Assert.Contains("STALE: signed off more than 12 months ago (2026-11-29)", (await RunAsync(register, time, "assess", "list").Ok()).Output,
            StringComparison.Ordinal);

        // A new version of the set for the same Code: stale for the set only.
        var time2 = new FakeTimeProvider(Cli.Start.AddDays(10));
        var newer = register.File("v1.1.json", Edited(set => set.Replace("\"version\": \"1.0\"", "\"version\": \"1.1\"")));
        var loaded = await RunAsync(register, time2, "assess", "questions", "load", newer).Ok();
        Assert.Contains("Question set sightline-sc-code version 1.1 (Code version 2021-11) is now the current set", loaded.Output, StringComparison.Ordinal);
        var list = (await RunAsync(register, time2, "assess", "list").Ok()).Output;
        Assert.Contains("STALE: answers question set sightline-sc-code 1.0; the current set is sightline-sc-code 1.1", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Code version", list, StringComparison.Ordinal);
        Assert.DoesNotContain("12 months", list, StringComparison.Ordinal);

        // A set for a new version of the Code: stale for the Code too.
        var code = register.File("code.json", Edited(set => set.Replace("\"version\": \"1.0\"", "\"version\": \"2.0\"").Replace("2021-11", "2027-01")));
        await RunAsync(register, time2, "assess", "questions", "load", code).Ok();
        var shown = (await RunAsync(register, time2, "assess", "show", "1", "--principle", "3").Ok()).Output;
        Assert.Contains("STALE: written for Code version 2021-11; the current question set follows version 2027-01", shown, StringComparison.Ordinal);
        Assert.Contains("Question set: sightline-sc-code 1.0", shown, StringComparison.Ordinal);
        Assert.Contains("answer: yes", shown, StringComparison.Ordinal);

        // A new assessment follows the new set and is current.
        await RunAsync(register, time2, "assess", "start", "--system", "Town Centre CCTV").Ok();
        await using var db = await register.OpenAsync();
        var view = await AssessmentRead.ViewAsync(db, 2, time2.GetUtcNow(), default);
        Assert.Equal(("2.0", "2027-01"), (view.Set.Version, view.Set.CodeVersion));
        Assert.Empty(view.StaleReasons);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Actions_PastTheirDueDateAndNotDone_AreOverdue_AndStatusMayChangeAfterSignOff(string provider)
    {
        await using var register = await RegisterWithSystemAsync(provider);
        var time = new FakeTimeProvider(Cli.Start);
        await RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV").Ok();
        await RunAsync(register, time, "assess", "action", "add", "1", "--principle", "3", "--text", "Put up signs at the bus station",
            "--owner", "Estates", "--due", "2026-12-01").Ok();
        await RunAsync(register, time, "assess", "action", "add", "1", "--principle", "6", "--text", "Automatic deletion at 31 days",
            "--owner", "CCTV manager", "--due", "2026-12-15").Ok();
        var badDue = await RunAsync(register, time, "assess", "action", "add", "1", "--principle", "6", "--text", "x", "--owner", "y", "--due", "next week");
        Assert.Contains("--due 'next week' is not a date (yyyy-mm-dd)", badDue.Error, StringComparison.Ordinal);
        var badPrinciple = await RunAsync(register, time, "assess", "action", "add", "1", "--principle", "13", "--text", "x", "--owner", "y", "--due", "2027-01-01");
        Assert.Contains("principle 13 does not exist: the Code has principles 1 to 12", badPrinciple.Error, StringComparison.Ordinal);

        Assert.DoesNotContain("OVERDUE", (await RunAsync(register, time, "assess", "show", "1").Ok()).Output, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromDays(3)); // 2 December: the first is overdue, the second not yet
        var shown = (await RunAsync(register, time, "assess", "show", "1").Ok()).Output;
        Assert.Contains("OVERDUE: 1 action past its due date".Replace("its", "their", StringComparison.Ordinal), shown, StringComparison.Ordinal);
        Assert.Contains("action 1: Put up signs at the bus station — Estates, due 2026-12-01, open — OVERDUE", shown, StringComparison.Ordinal);
        Assert.Contains("action 2: Automatic deletion at 31 days — CCTV manager, due 2026-12-15, open\n", shown, StringComparison.Ordinal);
        Assert.Contains("1 overdue action", (await RunAsync(register, time, "assess", "list").Ok()).Output, StringComparison.Ordinal);

        await AnswerAllAsync(register, time, 1);
        await RunAsync(register, time, "assess", "sign-off", "1", "--by", "A. Patel").Ok();
        Assert.Contains("only a draft can be changed", (await RunAsync(register, time, "assess", "action", "add", "1", "--principle", "3",
            "--text", "x", "--owner", "y", "--due", "2027-01-01")).Error, StringComparison.Ordinal);
        await RunAsync(register, time, "assess", "action", "status", "1", "1", "done").Ok();
        var after = (await RunAsync(register, time, "assess", "show", "1").Ok()).Output;
        Assert.DoesNotContain("OVERDUE", after, StringComparison.Ordinal);
        Assert.Contains("due 2026-12-01, done", after, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal("{\"action\":\"1\",\"status\":\"done\"}",
            (await db.AuditEntries.SingleAsync(a => a.Action == AssessmentAudit.ActionStatus)).After);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Evidence_FilesKeepTheirHashAndSize_LargeFilesAndBadLinksAreRefused_FindingsAreRecordedWithTheirDecision(string provider)
    {
        await using var register = await RegisterWithSystemAsync(provider);
        var time = new FakeTimeProvider(Cli.Start);
        await RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV").Ok();
        var bytes = "signage survey, 12 signs checked\n"u8.ToArray();
        var kept = await RunAsync(register, time, "assess", "evidence", "1", "--principle", "3", "--file", register.File("survey.txt", bytes)).Ok();
        Assert.Contains($"SHA-256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}", kept.Output, StringComparison.Ordinal);
        var large = register.File("large.bin", new byte[SelfAssessments.MaxFileBytes + 1]);
        Assert.Contains("evidence files may be at most 10,485,760 bytes",
            (await RunAsync(register, time, "assess", "evidence", "1", "--principle", "3", "--file", large)).Error, StringComparison.Ordinal);
        Assert.Contains("link 'javascript:alert(1)' is not an absolute http or https address",
            (await RunAsync(register, time, "assess", "evidence", "1", "--principle", "3", "--link", "javascript:alert(1)", "--title", "x")).Error,
            StringComparison.Ordinal);
        await RunAsync(register, time, "assess", "evidence", "1", "--principle", "3", "--link", "https://example.org/cctv", "--title", "Our CCTV page").Ok();

        await using var db = await register.OpenAsync();
        await SelfAssessments.DecideFindingAsync(db, time, "assessor", 1,
            new FindingDecision(9, "2 devices made by a company subject to the PRC National Intelligence Law at a sensitive site", "attention", 2,
                [1, 3], "risk: uk-sensitive-sites", Accepted: true, "Removal planned for March"), default);
        await SelfAssessments.DecideFindingAsync(db, time, "assessor", 1,
            new FindingDecision(3, "No signage recorded", "not-evidenced", 0, [], "systems.signage", Accepted: false, "Signs are recorded in the survey file"),
            default);
        var refused = await Assert.ThrowsAsync<Sightline.Data.RegisterException>(() => SelfAssessments.DecideFindingAsync(db, time, "assessor", 1,
            new FindingDecision(3, "x", "met", 0, [], "s", Accepted: false, " "), default));
        Assert.Equal("give the reason for rejecting the finding", refused.Message);

        var file = await AssessmentRead.FileAsync(db, 1, 1, default);
        Assert.Equal(bytes, file!.Value.Content);
        var shown = (await RunAsync(register, time, "assess", "show", "1").Ok()).Output;
        Assert.Contains($"evidence 1 (file): survey.txt — survey.txt, {bytes.Length} bytes", shown, StringComparison.Ordinal);
        Assert.Contains("evidence 2 (link): Our CCTV page <https://example.org/cctv>", shown, StringComparison.Ordinal);
        Assert.Contains("finding 3 (accepted): 2 devices made by a company subject to the PRC National Intelligence Law at a sensitive site [attention, 2, risk: uk-sensitive-sites] — Removal planned for March", shown, StringComparison.Ordinal);
        Assert.Contains("finding 4 (rejected): No signage recorded", shown, StringComparison.Ordinal);
        var stored = await db.AssessmentEvidence.AsNoTracking().SingleAsync(e => e.Id == 3);
        Assert.Equal(("1;3", true), (stored.FindingDevices, stored.Accepted));
        Assert.Equal(["add-evidence", "add-evidence", "decide-finding", "decide-finding"],
            await db.AuditEntries.Where(a => a.EntityType == "assessment" && a.Action != "start").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task ExportAndImport_MoveAnAssessmentToAnotherRegister_AndABadFileSaysWhatAndWhere(string provider)
    {
        await using var register = await RegisterWithSystemAsync(provider);
        var time = new FakeTimeProvider(Cli.Start);
        await RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV", "--title", "Prepared offline").Ok();
        await AnswerAllAsync(register, time, 1);
        await RunAsync(register, time, "assess", "answer", "1", "2.1", "--answer", "partly", "--text", "DPIA \"due\" <review>").Ok();
        await RunAsync(register, time, "assess", "evidence", "1", "--principle", "2", "--link", "https://example.org/dpia", "--title", "DPIA").Ok();
        await RunAsync(register, time, "assess", "action", "add", "1", "--principle", "2", "--text", "Review the DPIA", "--owner", "DPO", "--due", "2027-02-01").Ok();
        var file = Path.Combine(register.Folder, "assessment.json");
        await RunAsync(register, time, "assess", "export", "1", "-o", file).Ok();

        await using var other = await RegisterWithSystemAsync(provider);
        var imported = await RunAsync(other, time, "assess", "import", file).Ok();
        Assert.Contains($"Started self-assessment 1: {Shipped.All.Count()} answers, 1 link, 1 action.", imported.Output, StringComparison.Ordinal);
        var again = Path.Combine(other.Folder, "again.json");
        await RunAsync(other, time, "assess", "export", "1", "-o", again).Ok();
        Assert.Equal(await File.ReadAllTextAsync(file), await File.ReadAllTextAsync(again));

        var bad = other.File("bad.json", """
            {"format": "sightline-self-assessment", "answers": [{"question": "1.1", "answer": "maybe"}, {"answer": "yes"}],
             "actions": [{"principle": 14, "action": "x", "owner": "y", "due": "soon"}], "links": [{"principle": 1, "title": "t", "url": "ftp://x"}]}
            """);
        var refused = await RunAsync(other, time, "assess", "import", bad, "--into", "1");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"{bad}: answers[0].answer: 'maybe' is not one of yes, partly, no, not-applicable", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}: answers[1].question: missing", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}: links[0].url: 'ftp://x' is not an absolute http or https address", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}: actions[0].principle: give the principle's number, 1 to 12", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}: actions[0].due: 'soon' is not a date (yyyy-mm-dd)", refused.Error, StringComparison.Ordinal);
        var wrongQuestion = other.File("q.json", """{"format": "sightline-self-assessment", "systems": ["Town Centre CCTV"], "answers": [{"question": "4.9", "answer": "no"}]}""");
        Assert.Contains($"{wrongQuestion}: answers[0].question: '4.9' is not in question set sightline-sc-code 1.0",
            (await RunAsync(other, time, "assess", "import", wrongQuestion)).Error, StringComparison.Ordinal);
        Assert.Contains($"{other.File("j.json", "{\"format\": ")}: line 1, column 12: not valid JSON",
            (await RunAsync(other, time, "assess", "import", Path.Combine(other.Folder, "j.json"))).Error, StringComparison.Ordinal);
        await using var db = await other.OpenAsync();
        Assert.Equal(1, await db.SelfAssessments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task QuestionsLoad_RefusesABadSet_NamingEachProblemAndWhere(string provider)
    {
        await using var register = await RegisterWithSystemAsync(provider);
        var time = new FakeTimeProvider(Cli.Start);
        using var json = JsonDocument.Parse(File.ReadAllText(Repository.Folder("knowledge", "self-assessment", "questions.json")));
        var broken = Edited(set => set
            .Replace("\"id\": \"1.2\"", "\"id\": \"1.1\"", StringComparison.Ordinal)
            .Replace("\"number\": 12", "\"number\": 11", StringComparison.Ordinal)
            .Replace("\"checked\": \"2026-12-07\"", "\"checked\": \"last week\"", StringComparison.Ordinal));
        var path = register.File("broken.json", broken);
        var refused = await RunAsync(register, time, "assess", "questions", "load", path);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"{path}: checked: 'last week' is not a date (yyyy-mm-dd)", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}: principles[0].questions[1].id: '1.1' is used by another question", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}: principles[11].number: principle 11 appears twice", refused.Error, StringComparison.Ordinal);
        var notJson = register.File("x.json", "{\n  \"id\": \"a\",\n  oops\n}");
        Assert.Contains($"{notJson}: line 3, column 3: not valid JSON", (await RunAsync(register, time, "assess", "questions", "load", notJson)).Error,
            StringComparison.Ordinal);
        var same = register.File("same.json", Edited(set => set));
        await RunAsync(register, time, "assess", "start", "--system", "Town Centre CCTV").Ok();
        Assert.Contains("question set sightline-sc-code version 1.0 is already loaded; give a changed set a new version",
            (await RunAsync(register, time, "assess", "questions", "load", same)).Error, StringComparison.Ordinal);
        Assert.Contains("there is no system named 'Harbour'", (await RunAsync(register, time, "assess", "start", "--system", "Harbour")).Error,
            StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.QuestionSets.CountAsync());
    }

    private static string Edited(Func<string, string> change) =>
        change(File.ReadAllText(Repository.Folder("knowledge", "self-assessment", "questions.json")));

    internal static async Task AnswerAllAsync(TestRegister register, TimeProvider time, int id)
    {
        // One import rather than one command per question: the file path is the same code as `assess answer`.
        var answers = string.Join(",", Shipped.All.Select(q => $"{{\"question\": \"{q.Question.Id}\", \"answer\": \"yes\"}}"));
        var file = register.File($"answers-{Guid.NewGuid():N}.json", $"{{\"format\": \"sightline-self-assessment\", \"answers\": [{answers}]}}");
        await RunAsync(register, time, "assess", "import", file, "--into", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Ok();
    }

    internal static Task<CliRun> RunAsync(TestRegister register, TimeProvider time, params string[] args) =>
        Cli.RunAsync([.. args, .. register.Options, "--actor", "tester"], register.Folder, new Dictionary<string, string>(), time);

    internal static async Task<TestRegister> RegisterWithSystemAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();
        return register;
    }
}
