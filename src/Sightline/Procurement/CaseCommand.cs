using System.CommandLine;
using System.Globalization;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data.Procurement;
using Sightline.Register;

namespace Sightline.Procurement;

/// <summary>`sightline procurement case add|list|show|stage|sign-off|bidder|specify|unspecify`: a case's stages in order, each signed off, its bidders and specification.</summary>
public static class CaseCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("case", "Procurement cases, stage by stage (Passport to Compliance and the Buyers' Toolkit)");
        command.Subcommands.Add(Add(cli));
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Stage(cli));
        command.Subcommands.Add(SignOff(cli));
        command.Subcommands.Add(Bidder(cli));
        command.Subcommands.Add(Specify(cli));
        command.Subcommands.Add(Unspecify(cli));
        return command;
    }

    /// <summary>The CASE argument: the case's number.</summary>
    internal static Argument<int> CaseArgument() => new("CASE") { Description = "The case's number (see `sightline procurement case list`)" };

    private static Command Add(CommandRunner cli)
    {
        var title = new Argument<string>("TITLE") { Description = "What is being bought" };
        var excluded = new Option<string?>("--excluded-makers") { Description = "Platform makers the specification rules out, knowledge maker IDs separated by ';'" };
        var command = new Command("add", "Open a procurement case; audited") { title, excluded };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var (id, problem) = await ProcurementCases.AddAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, parse.GetValue(title)!, parse.GetValue(excluded), cancel);
            if (problem is not null)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Procurement case {ProcurementCases.Key(id!.Value)} opened.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var command = new Command("list", "Print the procurement cases with the stage each has reached");
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var rows = new List<string[]>();
            foreach (var c in await ProcurementCases.ListAsync(db, cancel))
            {
                var detail = (await ProcurementCases.ReadAsync(db, c.Id, cancel))!;
                rows.Add([ProcurementCases.Key(c.Id), c.Title, SuppliersCommand.Day(c.Opened), detail.Current is { } s ? Words.Of(s) : "done",
                    detail.Bidders.Count.ToString(CultureInfo.InvariantCulture)]);
            }
            SystemsCommand.Table(cli.Context.Out, ["Case", "Title", "Opened", "Stage", "Bidders"], rows);
            return 0;
        }, cancel));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var id = CaseArgument();
        var command = new Command("show", "Print a case: each stage with its record and sign-off, the specification, the bidders' exclusion checks, acceptance checks") { id };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (await ProcurementCommand.FindAsync(cli, db, parse.GetValue(id), cancel) is not { } detail)
            {
                return SightlineCli.ProblemsFound;
            }
            if (ProcurementCommand.LoadGrounds(cli, cli.Knowledge(parse).Folder) is not { } grounds)
            {
                return SightlineCli.Failed;
            }
            var output = cli.Context.Out;
            var c = detail.Case;
            output.WriteLine($"Procurement case {ProcurementCases.Key(c.Id)}: {c.Title}");
            output.WriteLine($"  Opened {SuppliersCommand.Day(c.Opened)}; excluded makers: {(c.ExcludedMakers.Length == 0 ? "none" : c.ExcludedMakers.Replace(";", ", ", StringComparison.Ordinal))}");
            output.WriteLine("Stages:");
            foreach (var stage in Enum.GetValues<CaseStage>())
            {
                var record = detail.Stages.FirstOrDefault(s => s.Stage == stage);
                var state = record?.SignedOffAt is { } at
                    ? $"signed off by {record.SignedOffBy} {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
                    : record is null ? "not written" : "written, not signed off";
                output.WriteLine($"  {Words.Of(stage)} ({ProcurementCases.Title(stage)}): {state}");
                if (record is not null)
                {
                    output.WriteLine($"    {record.Text}");
                }
            }
            output.WriteLine(detail.Specification.Count == 0 ? "Specification: none" : "Specification:");
            foreach (var item in detail.Specification)
            {
                output.WriteLine($"  line {ProcurementCases.Key(item.Id)}: {item.Count.ToString(CultureInfo.InvariantCulture)} × {item.Maker} {item.Model}{(item.Firmware is null ? "" : " firmware " + item.Firmware)}");
            }
            var today = SuppliersCommand.Today(cli);
            var standings = await Exclusions.StandingsAsync(db, grounds, c.Id, today, cancel);
            output.WriteLine(standings.Count == 0 ? "Bidders: none" : "Bidders:");
            foreach (var s in standings)
            {
                output.WriteLine($"  {SupplierRecords.Key(s.Bidder.Id)} {s.Bidder.LegalName}: {Exclusions.StatusWords(s.Status)}; decision: " +
                    (s.Decision is { } d ? $"{Words.Of(d.Outcome)} ({d.DecidedBy} {SuppliersCommand.Day(d.DecidedOn)}): {d.Reasons}" : "none"));
                foreach (var (kind, name) in s.Persons)
                {
                    var check = s.Checks.LastOrDefault(x => x.PersonKind == kind && x.Person == name);
                    output.WriteLine($"    {Words.Of(kind)} {name}: debarment list " +
                        (check is null ? "NOT CHECKED" : $"{Words.Of(check.Result)} on {SuppliersCommand.Day(check.CheckedOn)}"));
                }
                foreach (var a in s.Assessments)
                {
                    var note = Exclusions.AssessmentWords(grounds, s, a, today);
                    var minister = a.MinisterNotifiedOn is { } m ? $"; Minister notified {SuppliersCommand.Day(m)} ({a.MinisterReference})" : "";
                    output.WriteLine($"    {a.Ground} for {a.Person}{(a.EventOn is { } e ? " (event " + SuppliersCommand.Day(e) + ")" : "")}: {note}{minister}");
                }
                foreach (var a in s.Associates.Where(a => a.ReplacedOn is not null))
                {
                    output.WriteLine($"    associated {a.Name} replaced {SuppliersCommand.Day(a.ReplacedOn!.Value)}: {a.ReplacedBecause}");
                }
            }
            output.WriteLine(detail.Acceptances.Count == 0 ? "Acceptance checks: none" : "Acceptance checks:");
            foreach (var a in detail.Acceptances)
            {
                var differences = Acceptances.Differences(a);
                output.WriteLine($"  {ProcurementCases.Key(a.Id)} {a.Source} by {a.CheckedBy}: {a.Delivered.ToString(CultureInfo.InvariantCulture)} delivered, " +
                    (differences.Count == 0 ? "as specified" : $"{differences.Count.ToString(CultureInfo.InvariantCulture)} differences"));
                foreach (var d in differences)
                {
                    output.WriteLine($"    {d.Kind}: {d.Text}");
                }
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command Stage(CommandRunner cli)
    {
        var id = CaseArgument();
        var stage = new Argument<string>("STAGE") { Description = Words.List<CaseStage>() };
        var text = new Option<string>("--record") { Description = "The stage's record", Required = true };
        var command = new Command("stage", "Write a stage's record (in order; fixed once signed off); audited") { id, stage, text };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await ProcurementCases.WriteStageAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(stage)!, parse.GetValue(text), cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Stage {parse.GetValue(stage)} of case {ProcurementCases.Key(parse.GetValue(id))} recorded.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command SignOff(CommandRunner cli)
    {
        var id = CaseArgument();
        var stage = new Argument<string>("STAGE") { Description = Words.List<CaseStage>() };
        var command = new Command("sign-off", "Sign a stage off as you, now (in order; award needs every bidder's debarment checks and decision); audited") { id, stage };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await ProcurementCases.SignOffAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(stage)!, cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Stage {parse.GetValue(stage)} of case {ProcurementCases.Key(parse.GetValue(id))} signed off by {actor}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Bidder(CommandRunner cli)
    {
        var id = CaseArgument();
        var supplier = SuppliersCommand.SupplierArgument();
        var command = new Command("bidder", "Record a supplier as a bidder on the case; audited") { id, supplier };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await SuppliersCommand.FindAsync(cli, db, parse.GetValue(supplier)!, cancel) is not { } found)
            {
                return SightlineCli.ProblemsFound;
            }
            if (await ProcurementCases.AddBidderAsync(db, cli.Context.Time, actor, parse.GetValue(id), found.Id, cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"{found.LegalName} is a bidder on case {ProcurementCases.Key(parse.GetValue(id))}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Specify(CommandRunner cli)
    {
        var id = CaseArgument();
        var maker = new Option<string>("--maker") { Description = "The platform maker (knowledge maker ID)", Required = true };
        var model = new Option<string>("--model") { Description = "The model", Required = true };
        var firmware = new Option<string?>("--firmware") { Description = "The firmware the devices must run" };
        var count = new Option<int>("--count") { Description = "How many", Required = true };
        var command = new Command("specify", "Add a line to the specification (until it is signed off); audited") { id, maker, model, firmware, count };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await ProcurementCases.SpecifyAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(maker)!, parse.GetValue(model)!,
                parse.GetValue(firmware), parse.GetValue(count), cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Specification of case {ProcurementCases.Key(parse.GetValue(id))}: line added.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Unspecify(CommandRunner cli)
    {
        var id = CaseArgument();
        var line = new Argument<int>("LINE") { Description = "The specification line's number (as `sightline procurement case show` gives it)" };
        var command = new Command("unspecify", "Remove a line from the specification (until it is signed off); audited") { id, line };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await ProcurementCases.RemoveSpecificationAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(line), cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Specification of case {ProcurementCases.Key(parse.GetValue(id))}: line {ProcurementCases.Key(parse.GetValue(line))} removed.");
            return 0;
        }, cancel));
        return command;
    }
}
