using System.CommandLine;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Procurement;

namespace Sightline.Procurement;

/// <summary>
/// `sightline procurement exclusion assess|debarment|associate|replace|decide`: the Procurement Act 2023 checks of a bidder and
/// its connected and associated persons on a case. Each is audited.
/// </summary>
public static class ExclusionCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("exclusion", "Exclusion checks under the Procurement Act 2023: grounds, the debarment list, associated persons, decisions");
        command.Subcommands.Add(Assess(cli));
        command.Subcommands.Add(Debarment(cli));
        command.Subcommands.Add(Associate(cli));
        command.Subcommands.Add(Replace(cli));
        command.Subcommands.Add(Decide(cli));
        return command;
    }

    private static Option<string?> Person() => new("--person") { Description = "A connected or associated person of the bidder (default: the bidder itself)" };

    private static Command Assess(CommandRunner cli)
    {
        var (id, supplier, person) = (CaseCommand.CaseArgument(), SuppliersCommand.SupplierArgument(), Person());
        var ground = new Option<string>("--ground") { Description = "The ground's ID (see `sightline procurement grounds`)", Required = true };
        var applies = new Option<bool>("--applies") { Description = "The ground applies (without it: assessed as not applying)" };
        var happened = new Option<string?>("--event") { Description = "The day of the conviction or event, YYYY-MM-DD (required when it applies)" };
        var continuing = new Option<bool>("--continuing") { Description = "The circumstances are continuing or likely to recur" };
        var notified = new Option<string?>("--minister-notified") { Description = "National security: the day the Minister was notified, YYYY-MM-DD" };
        var reference = new Option<string?>("--minister-ref") { Description = "National security: the notification's reference" };
        var notes = new Option<string?>("--notes") { Description = "What the assessment rests on" };
        var command = new Command("assess", "Record one ground's assessment for a bidder or one of its persons; audited")
        {
            id, supplier, person, ground, applies, happened, continuing, notified, reference, notes,
        };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await Bidder(cli, db, parse, supplier, cancel) is not { } found || ProcurementCommand.LoadGrounds(cli, cli.Knowledge(parse).Folder) is not { } grounds)
            {
                return SightlineCli.Failed;
            }
            if (await Exclusions.AssessAsync(db, grounds, cli.Context.Time, actor, parse.GetValue(id), found.Id, parse.GetValue(person), parse.GetValue(ground)!,
                parse.GetValue(applies), parse.GetValue(happened), parse.GetValue(continuing), parse.GetValue(notified), parse.GetValue(reference), parse.GetValue(notes),
                cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Ground {parse.GetValue(ground)} assessed for {parse.GetValue(person) ?? found.LegalName} on case {ProcurementCases.Key(parse.GetValue(id))}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Debarment(CommandRunner cli)
    {
        var (id, supplier, person) = (CaseCommand.CaseArgument(), SuppliersCommand.SupplierArgument(), Person());
        var result = new Option<string>("--result") { Description = "not-listed, listed-mandatory or listed-discretionary", Required = true };
        var on = new Option<string?>("--checked") { Description = "The day the list was checked, YYYY-MM-DD (default today)" };
        var reference = new Option<string?>("--reference") { Description = "Where or how it was checked" };
        var command = new Command("debarment", "Record a check of the debarment list for a bidder or one of its persons (required in every case before award); audited")
        {
            id, supplier, person, result, on, reference,
        };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await Bidder(cli, db, parse, supplier, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            if (await Exclusions.CheckDebarmentAsync(db, cli.Context.Time, actor, parse.GetValue(id), found.Id, parse.GetValue(person), parse.GetValue(result)!,
                parse.GetValue(on), parse.GetValue(reference), cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Debarment-list check recorded for {parse.GetValue(person) ?? found.LegalName} on case {ProcurementCases.Key(parse.GetValue(id))}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Associate(CommandRunner cli)
    {
        var (id, supplier) = (CaseCommand.CaseArgument(), SuppliersCommand.SupplierArgument());
        var name = new Argument<string>("NAME") { Description = "The associated person's name" };
        var role = new Option<string?>("--role") { Description = "sub-contractor (default) or consortium member" };
        var command = new Command("associate", "Record a consortium member or sub-contractor the bidder relies on; audited") { id, supplier, name, role };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await Bidder(cli, db, parse, supplier, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            if (await Exclusions.AddAssociateAsync(db, cli.Context.Time, actor, parse.GetValue(id), found.Id, parse.GetValue(name)!, parse.GetValue(role), cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"{parse.GetValue(name)} recorded as an associated person of {found.LegalName}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Replace(CommandRunner cli)
    {
        var (id, supplier) = (CaseCommand.CaseArgument(), SuppliersCommand.SupplierArgument());
        var name = new Argument<string>("NAME") { Description = "The associated person replaced" };
        var with = new Option<string>("--with") { Description = "Who replaces it", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why", Required = true };
        var command = new Command("replace", "Replace an associated person instead of excluding the bidder (the old one no longer counts); audited")
        {
            id, supplier, name, with, reason,
        };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await Bidder(cli, db, parse, supplier, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            if (await Exclusions.ReplaceAssociateAsync(db, cli.Context.Time, actor, parse.GetValue(id), found.Id, parse.GetValue(name)!, parse.GetValue(with)!,
                parse.GetValue(reason), cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"{parse.GetValue(name)} replaced by {parse.GetValue(with)} for {found.LegalName}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Decide(CommandRunner cli)
    {
        var (id, supplier) = (CaseCommand.CaseArgument(), SuppliersCommand.SupplierArgument());
        var outcome = new Option<string>("--outcome") { Description = "clear, excluded, excludable-excluded or excludable-not-excluded", Required = true };
        var reason = new Option<string?>("--reason") { Description = "The reasons (required)" };
        var command = new Command("decide", "Record the decision on a bidder with its reasons, checked against s.57; audited") { id, supplier, outcome, reason };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await Bidder(cli, db, parse, supplier, cancel) is not { } found || ProcurementCommand.LoadGrounds(cli, cli.Knowledge(parse).Folder) is not { } grounds)
            {
                return SightlineCli.Failed;
            }
            if (await Exclusions.DecideAsync(db, grounds, cli.Context.Time, actor, parse.GetValue(id), found.Id, parse.GetValue(outcome)!, parse.GetValue(reason),
                cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Decision on {found.LegalName} recorded: {parse.GetValue(outcome)}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Task<Supplier?> Bidder(CommandRunner cli, RegisterDb db, ParseResult parse, Argument<string> supplier, CancellationToken cancel) =>
        SuppliersCommand.FindAsync(cli, db, parse.GetValue(supplier)!, cancel);
}
