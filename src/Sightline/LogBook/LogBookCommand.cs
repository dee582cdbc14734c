using System.CommandLine;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data.Compliance;
using Sightline.Data.LogBook;
using Sightline.Register;

namespace Sightline.LogBook;

/// <summary>
/// `sightline logbook hold|access|disclosure|retention|purge …`: what is done with footage — holds exempt from the retention policy, the
/// viewing and export log (entered, or imported from a video management system's CSV), and the disclosure log with its
/// workflow. Every change is audited.
/// </summary>
public static class LogBookCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("logbook", "The log book: holds on footage, viewings and exports, disclosures to the police and others, recorders' retention");
        command.Subcommands.Add(Holds(cli));
        command.Subcommands.Add(Access(cli));
        command.Subcommands.Add(DisclosureLog(cli));
        command.Subcommands.Add(RetentionCommand.Create(cli));
        command.Subcommands.Add(Purge(cli));
        return command;
    }

    private static Command Purge(CommandRunner cli)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be deleted, and delete nothing" };
        var purge = new Command("purge", $"Delete the log book's finished records older than its {LogBookPurge.KeptYears}-year retention " +
            "(requests closed, holds released, viewings and exports made before then)") { dryRun };
        purge.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var counts = await LogBookPurge.RunAsync(db, cli.Context.Time, actor, parse.GetValue(dryRun), cancel);
            cli.Context.Out.WriteLine($"{(parse.GetValue(dryRun) ? "Would delete" : "Deleted")} what finished before {LogBookCli.Day(counts.Before)}: " +
                $"{Words.Count(counts.Requests, "subject access requests")}, {Words.Count(counts.Disclosures, "disclosure requests")}, " +
                $"{Words.Count(counts.Holds, "holds")}, {counts.Access} from the viewing and export log.");
            return 0;
        }, cancel));
        return purge;
    }

    private static Command Holds(CommandRunner cli)
    {
        var command = new Command("hold", "Footage kept beyond the retention policy for a request, an incident or a case, until released");
        var all = new Option<bool>("--all") { Description = "Released holds too" };
        var list = new Command("list", "Print the holds in force, soonest review first, flagging those past their review date") { all };
        list.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var views = await LegalHolds.ListAsync(db, LogBookRecords.Today(cli.Context.Time), parse.GetValue(all), cancel);
            var rows = new List<string[]>();
            foreach (var v in views)
            {
                var h = v.Hold;
                rows.Add([LogBookCli.Key(h.Id), Words.Of(h.Reason), h.Reference ?? "", await LogBookRecords.SystemNamesAsync(db, h.Systems, cancel), h.Cameras ?? "",
                    LogBookCli.Day(h.Placed), LogBookCli.Day(h.ReviewBy), h.Released is { } r ? $"released {LogBookCli.Day(r)}" : v.Flag ?? "in force"]);
            }
            SystemsCommand.Table(cli.Context.Out, ["ID", "Reason", "Reference", "Systems", "Cameras", "Placed", "Review by", "State"], rows);
            return 0;
        }, cancel));
        command.Subcommands.Add(list);
        command.Subcommands.Add(LogBookCli.Add(cli, $"Place a hold (--reason, --systems or --cameras; review in {LegalHolds.DefaultReviewDays} days unless --review-by)",
            "Hold", LegalHolds.Fields, (db, actor, _, values, cancel) => LegalHolds.PlaceAsync(db, cli.Context.Time, actor, values, cancel)));
        command.Subcommands.Add(LogBookCli.Set(cli, "Change a hold in force: its review date or what it covers", "Hold", LegalHolds.Fields,
            (db, actor, _, id, values, cancel) => LegalHolds.SetAsync(db, cli.Context.Time, actor, id, values, cancel)));
        var id = new Argument<int>("ID") { Description = "The hold's ID" };
        var reason = new Option<string>("--reason") { Description = "Why the footage need no longer be kept", Required = true };
        var release = new Command("release", "Release a hold: the footage falls under the retention policy again") { id, reason };
        release.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var outcome = await LegalHolds.ReleaseAsync(db, cli.Context.Time, actor, parse.GetValue(id), parse.GetValue(reason)!, cancel);
            if (!outcome.Succeeded)
            {
                return cli.Fail(string.Join("; ", outcome.Problems.Select(p => p.Message)));
            }
            cli.Context.Out.WriteLine($"Hold {LogBookCli.Key(parse.GetValue(id))} released.");
            return 0;
        }, cancel));
        command.Subcommands.Add(release);
        return command;
    }

    private static Command Access(CommandRunner cli)
    {
        var command = new Command("access", "The viewing and export log: who viewed or exported which footage, why, and the export's hash");
        var system = new Option<string?>("--system") { Description = "Only this system's entries (ID or name)" };
        var limit = new Option<int>("--limit") { Description = "The most entries to print (newest first)", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "Print the newest entries") { system, limit };
        list.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            int? systemId = null;
            if (parse.GetValue(system) is { } key)
            {
                if (await SystemsCommand.FindAsync(cli, db, key, cancel) is not { } found)
                {
                    return SightlineCli.Failed;
                }
                systemId = found.Id;
            }
            var entries = await FootageLog.ListAsync(db, systemId, Math.Clamp(parse.GetValue(limit), 1, 10_000), cancel);
            SystemsCommand.Table(cli.Context.Out, ["ID", "At", "Person", "Action", "System", "Cameras", "Footage", "Purpose", "Reference", "SHA-256"],
                entries.ConvertAll(a => new[]
                {
                    LogBookCli.Key(a.Id), RecordFields.WriteMoment(a.At), a.Person, Words.Of(a.Action), a.SystemId is { } s ? LogBookCli.Key(s) : "", a.Cameras ?? "",
                    a.FootageFrom is { } f ? $"{RecordFields.WriteMoment(f)} to {(a.FootageTo is { } t ? RecordFields.WriteMoment(t) : "")}" : "",
                    a.Purpose, a.Reference ?? "", a.Sha256 is { } h ? h[..12] + "…" : "",
                }));
            return 0;
        }, cancel));
        command.Subcommands.Add(list);
        command.Subcommands.Add(LogBookCli.Add(cli, "Record a viewing or an export (--at, --person, --action, --purpose; --sha256 of an export's file)",
            "Entry", FootageLog.Fields, (db, actor, _, values, cancel) => FootageLog.AddAsync(db, cli.Context.Time, actor, "cli", values, cancel)));
        var file = new Argument<FileInfo>("FILE") { Description = $"A CSV whose header names fields: {string.Join(", ", FootageLog.Fields.Select(f => f.Name))}" };
        var import = new Command("import", "Import a video management system's viewing and export log (all rows or none)") { file };
        import.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return cli.Fail($"{path.FullName}: no such file");
            }
            await using var input = path.OpenRead();
            var (added, problems) = await FootageLog.ImportAsync(db, cli.Context.Time, actor, input, path.Name, cancel);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await cli.Context.Error.WriteLineAsync($"error: {problem}");
                }
                await cli.Context.Error.WriteLineAsync("Nothing was imported.");
                return SightlineCli.Failed;
            }
            cli.Context.Out.WriteLine($"Imported {Words.Count(added, "entries")}.");
            return 0;
        }, cancel));
        command.Subcommands.Add(import);
        return command;
    }

    private static Command DisclosureLog(CommandRunner cli)
    {
        var command = new Command("disclosure", "Requests from the police and other third parties: received → assessed → approved or refused → disclosed → closed");
        var all = new Option<bool>("--all") { Description = "Closed requests too" };
        var list = new Command("list", $"Print the open requests, oldest first, flagging those undecided after {Disclosures.DecisionDays} days") { all };
        list.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var views = await Disclosures.ListAsync(db, LogBookRecords.Today(cli.Context.Time), parse.GetValue(all), cancel);
            SystemsCommand.Table(cli.Context.Out, ["ID", "Received", "Recipient", "Organisation", "Reference", "Stage", "Legal basis", "Flag"], views.ConvertAll(v => new[]
            {
                LogBookCli.Key(v.Disclosure.Id), LogBookCli.Day(v.Disclosure.Received), v.Disclosure.RecipientPerson, v.Disclosure.RecipientOrganisation,
                v.Disclosure.Reference ?? "", Words.Of(v.Disclosure.Stage), v.Disclosure.LegalBasis ?? "", v.Flag ?? "",
            }));
            return 0;
        }, cancel));
        command.Subcommands.Add(list);
        var id = new Argument<int>("ID") { Description = "The request's ID" };
        var show = new Command("show", "Print a request's fields and stage") { id };
        show.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (await Disclosures.FindAsync(db, parse.GetValue(id), cancel) is not { } disclosure)
            {
                return cli.Fail($"there is no disclosure request with ID {LogBookCli.Key(parse.GetValue(id))}");
            }
            cli.Context.Out.WriteLine($"Disclosure request {LogBookCli.Key(disclosure.Id)}: {Words.Of(disclosure.Stage)}");
            RecordText.Print(cli.Context.Out, disclosure, Disclosures.Fields);
            cli.Context.Out.WriteLine($"Systems by name: {await LogBookRecords.SystemNamesAsync(db, disclosure.Systems, cancel)}");
            return 0;
        }, cancel));
        command.Subcommands.Add(show);
        var hold = new Option<bool>("--hold") { Description = "Hold the footage named until the request closes" };
        command.Subcommands.Add(LogBookCli.Add(cli, "Record a request received (--recipient, --organisation, --purpose)", "Disclosure request", Disclosures.Fields,
            (db, actor, parse, values, cancel) => Disclosures.AddAsync(db, cli.Context.Time, actor, values, parse.GetValue(hold), cancel), null, hold));
        command.Subcommands.Add(LogBookCli.Set(cli, "Record a step (--assessed, --decision with --authorised-by and --decided, --disclosed with --method, --closed) or correct a field",
            "Disclosure request", Disclosures.Fields, (db, actor, _, id, values, cancel) => Disclosures.SetAsync(db, cli.Context.Time, actor, id, values, cancel)));
        return command;
    }
}
