using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Compliance;

namespace Sightline.Compliance;

/// <summary>
/// `sightline dpia list|show|edit|sign-off`: each system's DPIA with the template's fields, and the review triggers the
/// register raises (devices added, moved or removed; face recognition, ANPR or analytics appearing; a new system; a year).
/// </summary>
public static class DpiaCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("dpia", "Each system's data protection impact assessment and the triggers that call for its review");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Edit(cli));
        command.Subcommands.Add(SignOff(cli));
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var command = new Command("list", "Print each system's DPIA state, next review and open review triggers");
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            await DpiaReviews.RaiseAsync(db, cli.Context.Time, cancel);
            var systems = await db.Systems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancel);
            var open = (await DpiaReviews.OpenAsync(db, null, cancel)).ToLookup(t => t.SystemId);
            var rows = new List<string[]>();
            foreach (var system in systems)
            {
                var state = await DpiaRecords.StateAsync(db, system.Id, cancel);
                rows.Add([
                    system.Id.ToString(CultureInfo.InvariantCulture), system.Name, DpiaRecords.StateWord(state),
                    state.Current?.ReviewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    string.Join("; ", open[system.Id].Select(t => t.Detail)),
                ]);
            }
            SystemsCommand.Table(cli.Context.Out, ["ID", "System", "DPIA", "Review due", "Review triggers"], rows);
            return 0;
        }, cancel));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var system = SystemsCommand.SystemArgument();
        var command = new Command("show", "Print a system's current DPIA, its draft, the locations from the register and the open review triggers") { system };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (await SystemsCommand.FindAsync(cli, db, parse.GetValue(system)!, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            await DpiaReviews.RaiseAsync(db, cli.Context.Time, cancel);
            var output = cli.Context.Out;
            var state = await DpiaRecords.StateAsync(db, found.Id, cancel);
            output.WriteLine($"DPIA of system {found.Id.ToString(CultureInfo.InvariantCulture)} '{found.Name}': {DpiaRecords.StateWord(state)}");
            foreach (var (title, dpia) in new[] { ("Current", state.Current), ("Draft", state.Draft) })
            {
                if (dpia is null)
                {
                    continue;
                }
                output.WriteLine();
                output.WriteLine(dpia.SignedOff is { } signed
                    ? $"{title} (signed off by {dpia.SignedOffBy} on {signed.UtcDateTime:yyyy-MM-dd}; review due {dpia.ReviewDue:yyyy-MM-dd}):"
                    : $"{title}:");
                RecordText.Print(output, dpia, DpiaRecords.Fields, "  ");
            }
            output.WriteLine();
            output.WriteLine("Locations (from the register):");
            foreach (var location in await DpiaRecords.LocationsAsync(db, found.Id, cancel))
            {
                output.WriteLine($"  {location}");
            }
            var open = await DpiaReviews.OpenAsync(db, found.Id, cancel);
            output.WriteLine(open.Count == 0 ? "Review triggers: none open" : "Review triggers (open until the DPIA is signed off again):");
            foreach (var trigger in open)
            {
                output.WriteLine($"  {trigger.Raised.UtcDateTime:yyyy-MM-dd}  {trigger.Kind}: {trigger.Detail}");
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command Edit(CommandRunner cli)
    {
        var system = SystemsCommand.SystemArgument();
        var fields = new FieldOptions<Sightline.Compliance.Dpia>(DpiaRecords.Fields);
        var command = new Command("edit", "Set fields of the system's draft DPIA, starting the draft from the current DPIA when there is none; audited") { system };
        fields.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await SystemsCommand.FindAsync(cli, db, parse.GetValue(system)!, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            var values = fields.Given(parse);
            if (values.TryGetValue("risks", out var risks) && risks is not null)
            {
                // One risk a line; on the command line '|' separates them too.
                values["risks"] = risks.Replace('|', '\n');
            }
            var problems = await DpiaRecords.EditAsync(db, cli.Context.Time, actor, found.Id, values, cancel);
            if (problems.Count > 0)
            {
                return cli.Fail(string.Join("; ", problems.Select(p => p.Message)));
            }
            cli.Context.Out.WriteLine($"Draft DPIA of system '{found.Name}' saved, on the record.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command SignOff(CommandRunner cli)
    {
        var system = SystemsCommand.SystemArgument();
        var by = new Option<string>("--by") { Description = "The person signing it off (name and role)", Required = true };
        var due = new Option<string?>("--review-due") { Description = "The next review date, YYYY-MM-DD (default: a year from today)" };
        var command = new Command("sign-off", "Sign off the draft DPIA: it becomes current and its review triggers are cleared; audited") { system, by, due };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await SystemsCommand.FindAsync(cli, db, parse.GetValue(system)!, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            DateOnly? reviewDue = null;
            if (parse.GetValue(due) is { } text && (reviewDue = RecordFields.ParseDay(text)) is null)
            {
                return cli.Fail($"--review-due: '{text}' is not a date written YYYY-MM-DD");
            }
            if (await DpiaRecords.SignOffAsync(db, cli.Context.Time, actor, found.Id, parse.GetValue(by)!, reviewDue, cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            var state = await DpiaRecords.StateAsync(db, found.Id, cancel);
            cli.Context.Out.WriteLine($"DPIA of system '{found.Name}' signed off by {state.Current!.SignedOffBy}; next review by {state.Current.ReviewDue:yyyy-MM-dd}.");
            return 0;
        }, cancel));
        return command;
    }
}
