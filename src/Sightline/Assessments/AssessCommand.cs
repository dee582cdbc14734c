using System.CommandLine;
using System.Globalization;
using Sightline.Assessments;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Assessments;
using Sightline.Register;

namespace Sightline.Assessments;

/// <summary>
/// `sightline assess questions|list|start|show|answer|evidence|findings|accept|reject|action|sign-off|publish|export|import`: self-assessments
/// against the Code of Practice's twelve principles.
/// </summary>
public static class AssessCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("assess", "Self-assessments against the Surveillance Camera Code of Practice's 12 principles");
        command.Subcommands.Add(Questions(cli));
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Start(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Answer(cli));
        command.Subcommands.Add(Evidence(cli));
        command.Subcommands.Add(Findings(cli));
        command.Subcommands.Add(Decide(cli, accept: true));
        command.Subcommands.Add(Decide(cli, accept: false));
        command.Subcommands.Add(Action(cli));
        command.Subcommands.Add(SignOff(cli));
        command.Subcommands.Add(Publish(cli));
        command.Subcommands.Add(Export(cli));
        command.Subcommands.Add(Import(cli));
        return command;
    }

    private static Argument<int> Id() => new("ID") { Description = "The assessment's number (see `sightline assess list`)" };

    private static Option<int> PrincipleOption() => new("--principle") { Description = "The principle, 1 to 12", Required = true };

    private static Command Questions(CommandRunner cli)
    {
        var command = new Command("questions", "Show the current question set, or load another");
        var show = new Command("show", "Print the current question set (the shipped one until another is loaded)");
        show.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var stored = await QuestionSets.CurrentAsync(db, cancel);
            var set = stored is null
                ? QuestionSet.Parse(QuestionSets.ShippedJson(cli.Options.KnowledgeFolder(parse, cli.Context)), QuestionSet.ShippedFile)
                : QuestionSets.Parse(stored);
            var output = cli.Context.Out;
            output.WriteLine($"{set.Title}");
            output.WriteLine($"Question set {set.Id} version {set.Version}, for the {set.Code} version {set.CodeVersion}{(stored is null ? " (shipped; not yet stored in this register)" : "")}");
            output.WriteLine($"Notice: {set.Notice}");
            output.WriteLine($"Source: {string.Join(' ', set.Source)} (checked {set.Checked})");
            foreach (var principle in set.Principles)
            {
                output.WriteLine();
                output.WriteLine($"Principle {principle.Number}: {principle.Title}");
                foreach (var question in principle.Questions)
                {
                    output.WriteLine($"  {question.Id}  {question.Text}");
                }
            }
            return 0;
        }, cancel));
        var file = new Argument<string>("FILE") { Description = "A question set file (JSON, as knowledge/self-assessment/questions.json)" };
        var load = new Command("load", "Check a question set file and make it the current set; earlier assessments keep theirs") { file };
        load.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var path = cli.Context.PathOf(parse.GetValue(file)!);
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path, cancel);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return cli.Fail($"cannot read {path}: {e.Message}");
            }
            try
            {
                var stored = await QuestionSets.LoadAsync(db, cli.Context.Time, actor, json, path, cancel);
                cli.Context.Out.WriteLine($"Question set {stored.SetId} version {stored.Version} (Code version {stored.CodeVersion}) is now the current set.");
                return 0;
            }
            catch (QuestionSetException e)
            {
                return cli.Fail($"the question set cannot be used:\n{e.Message}");
            }
        }, cancel));
        command.Subcommands.Add(show);
        command.Subcommands.Add(load);
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var command = new Command("list", "List the assessments, newest first, with their state and whether they are stale");
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var list = await AssessmentRead.ListAsync(db, cli.Context.Time.GetUtcNow(), cancel);
            if (list.Count == 0)
            {
                cli.Context.Out.WriteLine("No self-assessments yet; start one with `sightline assess start --system NAME`.");
            }
            foreach (var a in list)
            {
                var stale = a.StaleReasons.Count > 0 ? $"  STALE: {string.Join("; ", a.StaleReasons)}" : "";
                var overdue = a.Overdue > 0 ? $"  {Words.Count(a.Overdue, "overdue actions")}" : "";
                cli.Context.Out.WriteLine($"{a.Id}  {Words.Of(a.State)}  {a.Title}  [{string.Join(", ", a.Systems)}]  {a.Answered}/{a.Questions} answered{overdue}{stale}");
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command Start(CommandRunner cli)
    {
        var systems = new Option<string[]>("--system") { Description = "A system the assessment covers (repeat for more)", Required = true, AllowMultipleArgumentsPerToken = false };
        var title = new Option<string?>("--title") { Description = "A name for the assessment (default: the systems and the year)" };
        var command = new Command("start", "Start a draft self-assessment of one or more systems, with the current question set") { systems, title };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var assessment = await SelfAssessments.StartAsync(db, cli.Context.Time, actor, parse.GetValue(title), parse.GetValue(systems) ?? [],
                cli.Options.KnowledgeFolder(parse, cli.Context), cancel);
            cli.Context.Out.WriteLine($"Self-assessment {assessment.Id} started as a draft: {assessment.Title}");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var id = Id();
        var principle = new Option<int?>("--principle") { Description = "Only this principle" };
        var command = new Command("show", "Print an assessment: answers, evidence and actions per principle") { id, principle };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var view = await AssessmentRead.ViewAsync(db, parse.GetValue(id), cli.Context.Time.GetUtcNow(), cancel);
            Print(cli.Context.Out, view, parse.GetValue(principle));
            return 0;
        }, cancel));
        return command;
    }

    private static void Print(TextWriter output, AssessmentView view, int? only)
    {
        var a = view.Assessment;
        output.WriteLine($"Self-assessment {a.Id}: {a.Title}");
        output.WriteLine($"State: {Words.Of(a.State)}{(a.SignedOffBy is null ? "" : $", signed off by {a.SignedOffBy} on {a.SignedOff:yyyy-MM-dd}")}{(a.Published is null ? "" : $", published {a.Published:yyyy-MM-dd}")}");
        output.WriteLine($"Systems: {string.Join(", ", view.Systems)}");
        output.WriteLine($"Question set: {view.Set.Id} {view.Set.Version} (Code version {view.Set.CodeVersion})");
        output.WriteLine($"Notice: {view.Set.Notice}");
        foreach (var reason in view.StaleReasons)
        {
            output.WriteLine($"STALE: {reason}");
        }
        var overdue = view.Overdue.Count();
        if (overdue > 0)
        {
            output.WriteLine($"OVERDUE: {Words.Count(overdue, "actions")} past their due date");
        }
        foreach (var principle in view.Set.Principles.Where(p => only is null || p.Number == only))
        {
            output.WriteLine();
            output.WriteLine($"Principle {principle.Number}: {principle.Title}");
            foreach (var question in principle.Questions)
            {
                var answer = view.Answer(question.Id);
                output.WriteLine($"  {question.Id}  {question.Text}");
                output.WriteLine($"       answer: {AnswerText(answer?.Answer)}{(answer?.Text is { } text ? $" — {text}" : "")}");
            }
            foreach (var evidence in view.EvidenceFor(principle.Number))
            {
                output.WriteLine(evidence.Kind switch
                {
                    EvidenceKind.Link => $"  evidence {evidence.Id} (link): {evidence.Title} <{evidence.Url}>",
                    EvidenceKind.File => $"  evidence {evidence.Id} (file): {evidence.Title} — {evidence.FileName}, {evidence.Size} bytes, SHA-256 {evidence.Sha256}",
                    _ => $"  finding {evidence.Id} ({(evidence.Accepted == true ? "accepted" : "rejected")}): {evidence.Title} [{evidence.FindingStatus}, {evidence.FindingCount}, {evidence.FindingSource}]{(evidence.Reason is null ? "" : $" — {evidence.Reason}")}",
                });
            }
            foreach (var action in view.ActionsFor(principle.Number))
            {
                output.WriteLine($"  action {action.Id}: {action.Text} — {action.Owner}, due {action.Due:yyyy-MM-dd}, {Words.Of(action.Status)}{(action.IsOverdue(view.Today) ? " — OVERDUE" : "")}");
            }
        }
    }

    /// <summary>How a closed answer reads to people.</summary>
    public static string AnswerText(ClosedAnswer? answer) => answer switch
    {
        ClosedAnswer.Yes => "yes",
        ClosedAnswer.Partly => "partly",
        ClosedAnswer.No => "no",
        ClosedAnswer.NotApplicable => "not applicable",
        _ => "(not answered)",
    };

    private static Command Answer(CommandRunner cli)
    {
        var id = Id();
        var question = new Argument<string>("QUESTION") { Description = "The question's id (e.g. 3.2; see `sightline assess show ID`)" };
        var answer = new Option<string?>("--answer") { Description = "yes, partly, no or not-applicable (n/a)" };
        var text = new Option<string?>("--text") { Description = "The open answer" };
        var command = new Command("answer", "Answer a question of a draft") { id, question, answer, text };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            ClosedAnswer? closed = null;
            if (parse.GetValue(answer) is { } word && (closed = SelfAssessments.ParseAnswer(word)) is null)
            {
                return cli.Fail($"--answer '{word}' is not one of yes, partly, no, not-applicable");
            }
            await SelfAssessments.AnswerAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(question)!, closed,
                parse.GetValue(text), cancel);
            cli.Context.Out.WriteLine($"Question {parse.GetValue(question)} answered.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Evidence(CommandRunner cli)
    {
        var id = Id();
        var principle = PrincipleOption();
        var link = new Option<string?>("--link") { Description = "An http(s) address of the evidence" };
        var file = new Option<string?>("--file") { Description = $"A file to keep in the register (at most {SelfAssessments.MaxFileBytes / (1024 * 1024)} MiB)" };
        var title = new Option<string?>("--title") { Description = "What the evidence is (required for a link)" };
        var command = new Command("evidence", "Add a link or a file as evidence for a principle of a draft") { id, principle, link, file, title };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var (url, path) = (parse.GetValue(link), parse.GetValue(file));
            if (url is null == path is null)
            {
                return cli.Fail("give either --link or --file");
            }
            AssessmentEvidence added;
            if (url is not null)
            {
                added = await SelfAssessments.AddLinkAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(principle),
                    parse.GetValue(title) ?? "", url, cancel);
            }
            else
            {
                var full = cli.Context.PathOf(path!);
                var info = new FileInfo(full);
                if (!info.Exists)
                {
                    return cli.Fail($"file {full} does not exist");
                }
                if (info.Length > SelfAssessments.MaxFileBytes)
                {
                    return cli.Fail($"file '{info.Name}' is {info.Length:N0} bytes; evidence files may be at most {SelfAssessments.MaxFileBytes:N0} bytes");
                }
                added = await SelfAssessments.AddFileAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(principle),
                    info.Name, parse.GetValue(title), await File.ReadAllBytesAsync(full, cancel), cancel);
            }
            cli.Context.Out.WriteLine(added.Kind == EvidenceKind.File
                ? $"Evidence {added.Id} kept: {added.FileName}, {added.Size} bytes, SHA-256 {added.Sha256}"
                : $"Evidence {added.Id} added: {added.Title}");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Findings(CommandRunner cli)
    {
        var id = Id();
        var command = new Command("findings", "The findings from the register for the assessment's systems, each with a key to accept or reject it") { id };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var offers = await OfferedFindings.ListAsync(db, cli.Knowledge(parse), parse.GetValue(id), cli.Context.Time, cancel);
            foreach (var offer in offers)
            {
                var decided = offer.Accepted switch { true => "accepted", false => "rejected", null => "to decide" };
                cli.Context.Out.WriteLine($"{offer.Key,-6} [{decided}] {Words.Of(offer.Finding.Status)}: {offer.Text} ({Words.Count(offer.Finding.Count, "devices")})");
            }
            cli.Context.Out.WriteLine(offers.Count == 0 ? "No findings are offered." : "Accept or reject one with `sightline assess accept|reject ID KEY --reason TEXT`.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Decide(CommandRunner cli, bool accept)
    {
        var id = Id();
        var key = new Argument<string>("KEY") { Description = "The finding's key, as `sightline assess findings` gives it (e.g. 9.1)" };
        var reason = new Option<string>("--reason") { Description = accept ? "A note on why (optional)" : "Why", Required = !accept };
        var command = new Command(accept ? "accept" : "reject",
            accept ? "Accept a finding from the register into a draft, as evidence for its principle" : "Reject a finding from the register, with the reason kept")
            { id, key, reason };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var offer = await OfferedFindings.DecideAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(key)!,
                accept, parse.GetValue(reason), cancel);
            cli.Context.Out.WriteLine($"Finding {offer.Key} {(accept ? "accepted" : "rejected")}: {offer.Text}");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Action(CommandRunner cli)
    {
        var command = new Command("action", "Add an action to a principle's plan, or change an action's status");
        var id = Id();
        var principle = PrincipleOption();
        var text = new Option<string>("--text") { Description = "What is to be done", Required = true };
        var owner = new Option<string>("--owner") { Description = "Who is responsible", Required = true };
        var due = new Option<string>("--due") { Description = "When it is due (yyyy-mm-dd)", Required = true };
        var add = new Command("add", "Add an action to a draft's plan") { id, principle, text, owner, due };
        add.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(due), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return cli.Fail($"--due '{parse.GetValue(due)}' is not a date (yyyy-mm-dd)");
            }
            var action = await SelfAssessments.AddActionAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(principle),
                parse.GetValue(text)!, parse.GetValue(owner)!, date, cancel);
            cli.Context.Out.WriteLine($"Action {action.Id} added, due {action.Due:yyyy-MM-dd}.");
            return 0;
        }, cancel));
        var statusId = Id();
        var actionId = new Argument<int>("ACTION") { Description = "The action's number (see `sightline assess show ID`)" };
        var status = new Argument<string>("STATUS") { Description = $"One of {Words.List<ActionStatus>()}" };
        var set = new Command("status", "Change an action's status (also after sign-off: the plan is carried out over the year)") { statusId, actionId, status };
        set.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (Words.Parse<ActionStatus>(parse.GetValue(status)!) is not { } value)
            {
                return cli.Fail($"status '{parse.GetValue(status)}' is not one of {Words.List<ActionStatus>()}");
            }
            await SelfAssessments.SetActionStatusAsync(db, cli.Context.Time, actor, parse.GetValue(statusId), parse.GetValue(actionId), value, cancel);
            cli.Context.Out.WriteLine($"Action {parse.GetValue(actionId)} is {Words.Of(value)}.");
            return 0;
        }, cancel));
        command.Subcommands.Add(add);
        command.Subcommands.Add(set);
        return command;
    }

    private static Command SignOff(CommandRunner cli)
    {
        var id = Id();
        var by = new Option<string>("--by") { Description = "The named person signing it off, with their role (\"A. Patel, SRO\")", Required = true };
        var command = new Command("sign-off", "Mark a draft complete, signed off by a named person; every question needs a closed answer") { id, by };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            await SelfAssessments.SignOffAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(by)!, cancel);
            cli.Context.Out.WriteLine($"Self-assessment {parse.GetValue(id)} is complete, signed off by {parse.GetValue(by)}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Publish(CommandRunner cli)
    {
        var id = Id();
        var command = new Command("publish", "Publish a complete (signed-off) assessment") { id };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            await SelfAssessments.PublishAsync(db, cli.Context.Time, actor, parse.GetValue(id), cancel);
            cli.Context.Out.WriteLine($"Self-assessment {parse.GetValue(id)} is published; `sightline report self-assessment --system NAME` lays it out for a website.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Export(CommandRunner cli)
    {
        var id = Id();
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var command = new Command("export", "Write an assessment's answers, links and actions as a JSON file") { id, output };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var view = await AssessmentRead.ViewAsync(db, parse.GetValue(id), cli.Context.Time.GetUtcNow(), cancel);
            var json = AssessmentFile.Export(view);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(cli.Context.PathOf(file), json, cancel);
                cli.Context.Error.WriteLine($"Self-assessment {view.Assessment.Id} written to {cli.Context.PathOf(file)}");
            }
            else
            {
                await cli.Context.Data.WriteAsync(json);
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command Import(CommandRunner cli)
    {
        var file = new Argument<string>("FILE") { Description = "A file written by `sightline assess export`" };
        var into = new Option<int?>("--into") { Description = "A draft to import into (default: start a new draft for the file's systems)" };
        var command = new Command("import", "Read answers, links and actions from a file into a draft") { file, into };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var path = cli.Context.PathOf(parse.GetValue(file)!);
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path, cancel);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return cli.Fail($"cannot read {path}: {e.Message}");
            }
            var imported = await AssessmentFile.ImportAsync(db, cli.Context.Time, actor, json, path, parse.GetValue(into),
                cli.Options.KnowledgeFolder(parse, cli.Context), cancel);
            cli.Context.Out.WriteLine($"{(imported.Started ? "Started self-assessment" : "Imported into self-assessment")} {imported.AssessmentId}: " +
                $"{Words.Count(imported.Answers, "answers")}, {Words.Count(imported.Links, "links")}, {Words.Count(imported.Actions, "actions")}.");
            return 0;
        }, cancel));
        return command;
    }
}
