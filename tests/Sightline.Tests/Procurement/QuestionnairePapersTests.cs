using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Data.Procurement;
using Sightline.Csv;
using Sightline.Procurement;
using Sightline.Tests.Reports;

namespace Sightline.Tests.Procurement;

/// <summary>
/// The papers of a questionnaire on the command line: the letter (against the register and its golden file, and printed),
/// the return form filled in and imported, and every way a returned form can be wrong recording nothing.
/// </summary>
public sealed class QuestionnairePapersTests
{
    private static readonly DueDiligenceQuestions Set = DueDiligenceQuestions.Shipped(Repository.Folder("knowledge"));

    // Questionnaire 1 to "Acme & Sons <Security> Ltd", sent 2026-11-02 with a deadline of 2026-11-30 (the clock is 2026-11-29).
    private static async Task<TestRegister> SentAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init", "--org", "Northmoor Council").Ok();
        await Cli.RunAsync(register, "org", "set", "--legal-name", "Northmoor Borough Council", "--sro", "Jo Smith, Director of Place",
            "--contact-point", "cctv@northmoor.example, Town Hall, Northmoor NM1 1AA").Ok();
        await Cli.RunAsync(register, "suppliers", "add", "--legal-name", "Acme & Sons <Security> Ltd", "--trading-name", "Acme Security", "--company-number", "01234567",
            "--country", "GB", "--roles", "installer", "--makers", "hikvision").Ok();
        await Cli.RunAsync(register, "suppliers", "questionnaire", "send", "1", "--sent", "2026-11-02", "--deadline", "2026-11-30").Ok();
        return register;
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Letter_NamesTheSupplierAndTheDeadline_AndAsksEveryQuestionUnderItsTopic(string provider)
    {
        await using var register = await SentAsync(provider);
        var path = Path.Combine(register.Folder, "letter.html");

        var run = await Cli.RunAsync(register, "suppliers", "questionnaire", "letter", "1", "--output", path).Ok();
        var missing = await Cli.RunAsync(register, "suppliers", "questionnaire", "letter", "7");

        Assert.Equal($"Letter for questionnaire 1 to Acme & Sons <Security> Ltd (19 questions, deadline 2026-11-30) written to {path}\n", run.Output);
        Assert.Equal("error: there is no questionnaire with ID 7 (see `sightline suppliers show`)\n", missing.Error);
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("<p class=\"to\">Acme &amp; Sons &lt;Security&gt; Ltd<br>\ntrading as Acme Security<br>\nCompany number 01234567", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"date\">2 November 2026</p>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Please reply by 30 November 2026.</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Northmoor Borough Council", html, StringComparison.Ordinal);
        Assert.Contains("Jo Smith, Director of Place", html, StringComparison.Ordinal);
        Assert.Contains("Send it to cctv@northmoor.example, Town Hall, Northmoor NM1 1AA", html, StringComparison.Ordinal);
        var at = 0;
        foreach (var topic in Set.Topics)
        {
            at = html.IndexOf($"<h3>{WebUtility.HtmlEncode(topic.Title).Replace("&#39;", "&#x27;", StringComparison.Ordinal)}</h3>", at, StringComparison.Ordinal);
            Assert.True(at > 0, $"topic {topic.Title} missing or out of order");
            foreach (var (id, text) in topic.Questions)
            {
                var question = html.IndexOf($"<dt>{id}</dt><dd>{WebUtility.HtmlEncode(text).Replace("&#39;", "&#x27;", StringComparison.Ordinal)}</dd>", at, StringComparison.Ordinal);
                Assert.True(question > at, $"question {id} missing or not under its topic");
                at = question;
            }
        }
    }

    [Fact]
    public async Task Letter_Html_MatchesItsGoldenFile_WithNothingFetched()
    {
        await using var register = await SentAsync(Registers.Sqlite);
        var path = Path.Combine(register.Folder, "letter.html");
        await Cli.RunAsync(register, "suppliers", "questionnaire", "letter", "1", "--format", "html", "-o", path).Ok();

        var html = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Golden.Verify("questionnaire-letter.html", html);
    }

    [Fact]
    public async Task Letter_Pdf_IsTheLetterOnOnePage_ThenTheQuestions()
    {
        await using var register = await SentAsync(Registers.Sqlite);
        var path = Path.Combine(register.Folder, "letter.pdf");
        await Cli.RunAsync(register, "suppliers", "questionnaire", "letter", "1", "--format", "pdf", "-o", path).Ok();

        Assert.Equal("%PDF-"u8.ToArray(), (await File.ReadAllBytesAsync(path))[..5]);
        var pages = (await BoardPaperTests.ToolAsync("pdftotext", path, "-")).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        var info = await BoardPaperTests.ToolAsync("pdfinfo", path);
        var count = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);
        // A4 at 10 pt: the letter fills the first page, the 19 questions the next two.
        Assert.Equal((3, 3), (count, pages.Count));
        Assert.Contains("Yours faithfully", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("own.1", pages[0], StringComparison.Ordinal);
        Assert.StartsWith("The questions", pages[1].Trim(), StringComparison.Ordinal);
        Assert.Contains(Set.All.Last().Id, pages[^1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Form_FilledInAndImported_RecordsEachAnswerAndRefusal_Audited(string provider)
    {
        await using var register = await SentAsync(provider);
        var form = Path.Combine(register.Folder, "return.csv");

        await Cli.RunAsync(register, "suppliers", "questionnaire", "form", "1", "-o", form).Ok();
        var bytes = await File.ReadAllBytesAsync(form);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Read(bytes);
        Assert.Equal(["questionnaire", "question", "topic", "question text", "answer", "declined", "evidence"], rows[0]);
        Assert.Equal(Set.All.Select(q => q.Id), rows.Skip(1).Select(r => r[1]));
        Assert.All(rows.Skip(1), r => Assert.Equal("1", r[0]));
        Assert.Equal(Set.All.Select(q => q.Text), rows.Skip(1).Select(r => r[3]));

        // The supplier answers two questions (one with a comma, quotes and a line break), declines one, and leaves the rest.
        rows[1][4] = "Wholly owned by \"Acme Group\", plc;\nno state shareholder";
        rows[1][6] = "https://find-and-update.company-information.service.gov.uk/company/01234567";
        rows[4][5] = "Yes";
        rows[5][4] = "No contracts in Xinjiang.";
        var filled = register.File("filled.csv", Write(rows));
        var run = await Cli.RunAsync(register, "suppliers", "questionnaire", "import", "1", filled, "--received", "2026-11-20").Ok();
        var show = await Cli.RunAsync(register, "suppliers", "show", "1").Ok();

        Assert.Equal("Questionnaire 1: 2 answers and 1 refusal recorded from " + filled + "; each refusal is a finding.\n", run.Output);
        Assert.Contains("2026-11-20 declined: Acme & Sons <Security> Ltd declined to answer question law.2", show.Output, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        var replies = await db.QuestionnaireReplies.OrderBy(r => r.Id).Select(r => new { r.QuestionId, r.Declined, r.Text, r.Evidence, r.Received }).ToListAsync();
        Assert.Equal([
            new { QuestionId = (string?)"own.1", Declined = false, Text = (string?)"Wholly owned by \"Acme Group\", plc;\nno state shareholder",
                Evidence = (string?)"https://find-and-update.company-information.service.gov.uk/company/01234567", Received = new DateOnly(2026, 11, 20) },
            new { QuestionId = (string?)"law.2", Declined = true, Text = (string?)null, Evidence = (string?)null, Received = new DateOnly(2026, 11, 20) },
            new { QuestionId = (string?)"xj.1", Declined = false, Text = (string?)"No contracts in Xinjiang.", Evidence = (string?)null, Received = new DateOnly(2026, 11, 20) },
        ], replies);
        Assert.Equal(["send", "answer", "decline", "answer"],
            await db.AuditEntries.Where(a => a.EntityType == "questionnaire").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_OfAFormWithAnyProblem_SaysWhere_AndRecordsNothing(string provider)
    {
        await using var register = await SentAsync(provider);
        var form = Path.Combine(register.Folder, "return.csv");
        await Cli.RunAsync(register, "suppliers", "questionnaire", "form", "1", "-o", form).Ok();
        var blank = Read(await File.ReadAllBytesAsync(form));
        // Each case: the form with one answer (own.1, line 2) that would be recorded, and one fault.
        List<string[]> Filled(Action<List<string[]>> fault)
        {
            var rows = blank.ConvertAll(r => (string[])r.Clone());
            rows[1][4] = "Wholly owned by Acme Group plc";
            fault(rows);
            return rows;
        }
        var cases = new (string Name, byte[] File, string Error)[]
        {
            ("header", Write(Filled(r => r[0][4] = "reply")), "header.csv:1: the header must be questionnaire,question,topic,question text,answer,declined,evidence; column 5 is 'reply', not 'answer'"),
            ("other", Write(Filled(r => r[3][0] = "2")), "other.csv:4: questionnaire: '2': this form is for questionnaire 2, not 1"),
            ("unknown", Write(Filled(r => { r[3][1] = "zz.9"; r[3][4] = "x"; })), "unknown.csv:4: question: 'zz.9' was not asked in questionnaire 1"),
            ("twice", Write(Filled(r => { r[3][1] = "own.1"; r[3][4] = "again"; })), "twice.csv:4: question: 'own.1' is also on line 2; give one row per question"),
            ("both", Write(Filled(r => r[1][5] = "yes")), "both.csv:2: answer: the row is both answered and declined; clear the answer or the declined cell"),
            ("declined", Write(Filled(r => r[3][5] = "no")), "declined.csv:4: declined: 'no': write yes to decline the question, or leave it empty"),
            ("evidence", Write(Filled(r => r[3][6] = "https://example.org")), "evidence.csv:4: evidence: evidence without an answer; give the answer the evidence supports"),
            ("cells", Write(Filled(r => r[3] = r[3][..5])), "cells.csv:4: 5 cells; the form has 7 (questionnaire, question, topic, question text, answer, declined, evidence)"),
            ("quote", [.. Write(Filled(_ => { })), .. "1,law.1,x,y,\"never closed,,\n"u8.ToArray()], "quote.csv:21:13: quoted cell is never closed"),
            ("empty", Write(blank), "empty.csv: no row is filled in; write an answer, or yes under declined, on the row of each question replied to"),
            ("large", [.. Write(Filled(_ => { })), .. Enumerable.Repeat((byte)'\n', QuestionnaireForm.MaxBytes)], "large.csv: larger than 1024 KiB; a return form is one row per question"),
        };
        foreach (var (name, content, error) in cases)
        {
            var file = register.File(name + ".csv", content);
            var run = await Cli.RunAsync(register, "suppliers", "questionnaire", "import", "1", name + ".csv");
            Assert.True(run.ExitCode == 2, $"{name}: exit {run.ExitCode}");
            Assert.Equal($"error: {error}\nnothing was recorded\n", run.Error);
            Assert.True(File.Exists(file));
        }
        // A good file refused by the register's rules (received before it was sent) records none of its rows either.
        var early = await Cli.RunAsync(register, "suppliers", "questionnaire", "import", "1", register.File("early.csv", Write(Filled(_ => { }))), "--received", "2026-11-01");
        Assert.Equal("error: received: 2026-11-01 is before the questionnaire was sent (2026-11-02)\nnothing was recorded\n", early.Error);
        await using var db = await register.OpenAsync();
        Assert.Equal(0, await db.QuestionnaireReplies.CountAsync());
        Assert.Equal(["send"], await db.AuditEntries.Where(a => a.EntityType == "questionnaire").Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Replies_WithOneTheRegisterRefuses_RecordNoneOfThem(string provider)
    {
        await using var register = await SentAsync(provider);
        await using var db = await register.OpenAsync();

        var refused = await DueDiligence.RepliesAsync(db, new FakeTimeProvider(Cli.Start), "tests", 1,
            [new SupplierReply("own.1", false, "Acme Group plc", null), new SupplierReply("law.2", true, null, null), new SupplierReply("zz.9", false, "x", null)],
            "2026-11-20", default);

        Assert.Equal(2, refused?.Reply);
        Assert.StartsWith("question: 'zz.9' was not asked in questionnaire 1", refused?.Problem, StringComparison.Ordinal);
        Assert.Equal(0, await db.QuestionnaireReplies.CountAsync());
        Assert.Equal(["send"], await db.AuditEntries.Where(a => a.EntityType == "questionnaire").Select(a => a.Action).ToListAsync());
    }

    internal static List<string[]> Read(byte[] bytes)
    {
        using var text = CsvText.Open(new MemoryStream(bytes), CsvEncoding.Utf8);
        return [.. new CsvReader(text).ReadAll().Select(r => r.Fields.Select(f => f.Value).ToArray())];
    }

    internal static byte[] Write(IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        foreach (var row in rows)
        {
            csv.WriteRecord(row);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
