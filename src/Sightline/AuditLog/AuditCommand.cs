using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Cli;
using Sightline.Data.Audit;
using Spectre.Console;

namespace Sightline.AuditLog;

/// <summary>`sightline audit [verify]`: read the audit log, and check its hash chain.</summary>
public static class AuditCommand
{
    private static readonly string[] Headings = ["#", "time (UTC)", "actor", "action", "entity", "before", "after"];

    public static Command Create(CommandRunner cli)
    {
        var entity = new Option<string?>("--entity") { Description = "Only entries about this entity: TYPE or TYPE:ID (e.g. device:12)" };
        var actor = new Option<string?>("--by") { Description = "Only entries by this actor" };
        var last = new Option<int>("--last") { Description = "Print the newest N entries", DefaultValueFactory = _ => 50 };
        var command = new Command("audit", "List the audit log (newest last)") { entity, actor, last };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var query = db.AuditEntries.AsNoTracking().Matching(parse.GetValue(entity), parse.GetValue(actor));
            var entries = await query.OrderByDescending(a => a.Sequence).Take(Math.Max(0, parse.GetValue(last))).ToListAsync(cancel);
            entries.Reverse();
            var table = new Table().Border(TableBorder.Simple);
            foreach (var heading in Headings)
            {
                table.AddColumn(heading);
            }
            foreach (var e in entries)
            {
                table.AddRow(TerminalText.Cells(
                    e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    e.Actor, e.Action, $"{e.EntityType}:{e.EntityId}", e.Before, e.After));
            }
            cli.Context.Terminal.Write(table);
            return 0;
        }, cancel));
        var verify = new Command("verify", "Check the hash chain: report the first edited, removed or reordered entry");
        verify.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var (count, head, broken) = await Data.Audit.AuditLog.VerifyAsync(db, cancel);
            if (broken is not null)
            {
                await cli.Context.Error.WriteLineAsync($"audit log BROKEN at entry {broken.Sequence}: {broken.Reason}");
                return SightlineCli.ProblemsFound;
            }
            cli.Context.Out.WriteLine($"audit log intact: {count} entries, chain verified; head {head}");
            return 0;
        }, cancel));
        command.Subcommands.Add(verify);
        return command;
    }
}
