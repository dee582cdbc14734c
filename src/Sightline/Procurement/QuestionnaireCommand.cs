using System.CommandLine;
using System.Globalization;
using Sightline.Cli;
using Sightline.Data.Procurement;

namespace Sightline.Procurement;

/// <summary>
/// `sightline suppliers questionnaire send|answer|decline`: the due-diligence questionnaire sent to a supplier, each answer
/// with its evidence, and refusals (of one question or all of it). Each is audited. The papers (letter, return form and
/// its import) are in <see cref="QuestionnairePapersCommand"/>.
/// </summary>
public static class QuestionnaireCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("questionnaire", "Due-diligence questionnaires: record one sent, and each answer or refusal");
        command.Subcommands.Add(Send(cli));
        command.Subcommands.Add(Reply(cli, declined: false));
        command.Subcommands.Add(Reply(cli, declined: true));
        foreach (var papers in QuestionnairePapersCommand.Create(cli))
        {
            command.Subcommands.Add(papers);
        }
        return command;
    }

    private static Command Send(CommandRunner cli)
    {
        var supplier = SuppliersCommand.SupplierArgument();
        var sent = new Option<string?>("--sent") { Description = "The day it was sent, YYYY-MM-DD (default today)" };
        var deadline = new Option<string?>("--deadline") { Description = $"The last day for answers, YYYY-MM-DD (default {DueDiligence.DefaultDays} days after sending)" };
        var command = new Command("send", "Record the shipped question set (knowledge/due-diligence/questions.json) as sent to a supplier; audited")
        {
            supplier, sent, deadline,
        };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await SuppliersCommand.FindAsync(cli, db, parse.GetValue(supplier)!, cancel) is not { } found)
            {
                return SightlineCli.ProblemsFound;
            }
            DueDiligenceQuestions questions;
            try
            {
                questions = DueDiligenceQuestions.Shipped(cli.Knowledge(parse).Folder);
            }
            catch (FormatException e)
            {
                return cli.Fail(e.Message);
            }
            var (id, problem) = await DueDiligence.SendAsync(db, cli.Context.Time, actor, found.Id, questions, parse.GetValue(sent), parse.GetValue(deadline), cancel);
            if (problem is not null)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Questionnaire {SupplierRecords.Key(id!.Value)} ({questions.Id} {questions.Version}, {questions.All.Count().ToString(CultureInfo.InvariantCulture)} questions) recorded as sent to {found.LegalName}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Reply(CommandRunner cli, bool declined)
    {
        var questionnaire = new Argument<int>("QUESTIONNAIRE") { Description = "The questionnaire's ID (see `sightline suppliers show`)" };
        var question = new Option<string?>("--question") { Description = declined ? "The question declined (default: the whole questionnaire)" : "The question answered, e.g. own.1", Required = !declined };
        var text = new Option<string?>(declined ? "--said" : "--text") { Description = declined ? "What the supplier said when it declined" : "The supplier's answer", Required = !declined };
        var evidence = new Option<string?>("--evidence") { Description = "Evidence given with the answer: a URL or a document's reference" };
        var received = new Option<string?>("--received") { Description = "The day the reply was received, YYYY-MM-DD (default today)" };
        var command = declined
            ? new Command("decline", "Record that the supplier declined to answer (one question, or all of it): a finding; audited") { questionnaire, question, text, received }
            : new Command("answer", "Record the supplier's answer to a question, with its evidence; audited") { questionnaire, question, text, evidence, received };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var id = parse.GetValue(questionnaire);
            if (await DueDiligence.ReplyAsync(db, cli.Context.Time, actor, id, parse.GetValue(question), declined, parse.GetValue(text),
                declined ? null : parse.GetValue(evidence), parse.GetValue(received), cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine(declined
                ? $"Refusal recorded on questionnaire {SupplierRecords.Key(id)}: it is a finding."
                : $"Answer recorded on questionnaire {SupplierRecords.Key(id)}.");
            return 0;
        }, cancel));
        return command;
    }
}
