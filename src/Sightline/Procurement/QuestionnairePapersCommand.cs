using System.CommandLine;
using System.Globalization;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Procurement;
using Sightline.Reports;
using Sightline.Web.Reports;

namespace Sightline.Procurement;

/// <summary>
/// `sightline suppliers questionnaire letter|form|import`: the papers of a recorded questionnaire — the letter with the
/// questions (HTML or PDF), the return form a supplier fills in (CSV), and importing the filled form, all or nothing.
/// </summary>
public static class QuestionnairePapersCommand
{
    /// <summary>The three commands, for `questionnaire`.</summary>
    public static IEnumerable<Command> Create(CommandRunner cli) => [Letter(cli), Form(cli), Import(cli)];

    private static Argument<int> QuestionnaireArgument() => new("QUESTIONNAIRE") { Description = "The questionnaire's ID (see `sightline suppliers show`)" };

    private static Command Letter(CommandRunner cli)
    {
        var questionnaire = QuestionnaireArgument();
        var format = ReportCommand.FormatOption();
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default questionnaire-ID-letter.html or .pdf here)" };
        var command = new Command("letter", "The letter to send with a questionnaire, dated the day it was sent, with its deadline and every question asked")
            { questionnaire, format, output };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var id = parse.GetValue(questionnaire);
            if (await LetterAsync(cli, db, parse, id, cancel) is not { } letter)
            {
                return SightlineCli.Failed;
            }
            var pdf = parse.GetValue(format) == "pdf";
            var path = cli.Context.PathOf(parse.GetValue(output) ?? QuestionnaireLetterHtml.FileName(id) + (pdf ? ".pdf" : ".html"));
            if (await ReportCommand.WriteAsync(cli, QuestionnaireLetterHtml.Html(letter), pdf, path, cancel) is { } failed)
            {
                return failed;
            }
            cli.Context.Out.WriteLine($"Letter for questionnaire {SupplierRecords.Key(id)} to {letter.Supplier.LegalName} ({letter.Questions.Count().ToString(CultureInfo.InvariantCulture)} questions, deadline {letter.Questionnaire.Deadline:yyyy-MM-dd}) written to {path}");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Form(CommandRunner cli)
    {
        var questionnaire = QuestionnaireArgument();
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default questionnaire-ID-return.csv here)" };
        var command = new Command("form", "The return form (CSV, one row per question) the supplier fills in with a spreadsheet and sends back") { questionnaire, output };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var id = parse.GetValue(questionnaire);
            if (await LetterAsync(cli, db, parse, id, cancel) is not { } letter)
            {
                return SightlineCli.Failed;
            }
            var path = cli.Context.PathOf(parse.GetValue(output) ?? QuestionnaireForm.FileName(id));
            await File.WriteAllBytesAsync(path, QuestionnaireForm.Bytes(letter), cancel);
            cli.Context.Out.WriteLine($"Return form for questionnaire {SupplierRecords.Key(id)} ({letter.Questions.Count().ToString(CultureInfo.InvariantCulture)} questions) written to {path}");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Import(CommandRunner cli)
    {
        var questionnaire = QuestionnaireArgument();
        var file = new Argument<string>("FILE") { Description = "The return form the supplier filled in (CSV, UTF-8)" };
        var received = new Option<string?>("--received") { Description = "The day it was received, YYYY-MM-DD (default today)" };
        var command = new Command("import", "Record every filled row of a returned form as an answer or a refusal, all or nothing; each audited")
            { questionnaire, file, received };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var id = parse.GetValue(questionnaire);
            var name = parse.GetValue(file)!;
            var path = cli.Context.PathOf(name);
            if (!File.Exists(path))
            {
                return cli.Fail($"{name}: no such file");
            }
            QuestionnaireReturns.Imported imported;
            await using (var stream = File.OpenRead(path))
            {
                imported = await QuestionnaireReturns.ImportAsync(db, cli.Context.Time, actor, id, stream, name, parse.GetValue(received), cancel);
            }
            if (imported.Problems.Count > 0)
            {
                return cli.Fail(string.Join('\n', imported.Problems) + "\nnothing was recorded");
            }
            cli.Context.Out.WriteLine($"Questionnaire {SupplierRecords.Key(id)}: {Register.Words.Count(imported.Answers, "answers")} and {Register.Words.Count(imported.Refusals, "refusals")} recorded from {name}" +
                (imported.Refusals > 0 ? "; each refusal is a finding." : "."));
            return 0;
        }, cancel));
        return command;
    }

    private static async Task<QuestionnaireLetter?> LetterAsync(CommandRunner cli, RegisterDb db, ParseResult parse, int id, CancellationToken cancel)
    {
        DueDiligenceQuestions set;
        try
        {
            set = DueDiligenceQuestions.Shipped(cli.Knowledge(parse).Folder);
        }
        catch (FormatException e)
        {
            cli.Fail(e.Message);
            return null;
        }
        if (await QuestionnaireReturns.LetterAsync(db, set, id, cancel) is { } letter)
        {
            return letter;
        }
        cli.Fail($"there is no questionnaire with ID {SupplierRecords.Key(id)} (see `sightline suppliers show`)");
        return null;
    }
}
