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
        var from = new Option<string?>("--from") { Description = "Only entries on or after this UTC day (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Only entries on or before this UTC day (YYYY-MM-DD)" };
        var before = new Option<long?>("--before") { Description = "Only entries older than sequence number N" };
        var last = new Option<int>("--last") { Description = "Print the newest N entries", DefaultValueFactory = _ => 50 };
        var command = new Command("audit", "List the audit log (newest last)") { entity, actor, from, to, before, last };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (!AuditDay.TryRead(parse.GetValue(from), "--from", out var first, out var error)
                || !AuditDay.TryRead(parse.GetValue(to), "--to", out var final, out error))
            {
                return cli.Fail(error);
            }
            var query = db.AuditEntries.AsNoTracking().Matching(parse.GetValue(entity), parse.GetValue(actor), first, final, parse.GetValue(before));
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
        command.Subcommands.Add(Verify(cli));
        command.Subcommands.Add(Checkpoint(cli));
        return command;
    }

    private static Command Verify(CommandRunner cli)
    {
        var checkpoints = new Option<string[]>("--checkpoint")
        {
            Description = "Also check the log against this signed checkpoint file (repeatable; default: the newest in the checkpoint folder, and the register's copy)",
            AllowMultipleArgumentsPerToken = false,
        };
        var verify = new Command("verify", "Check the hash chain and the signed checkpoints: report edited, removed, reordered or cut-off entries") { checkpoints };
        verify.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var (count, head, broken) = await Data.Audit.AuditLog.VerifyInFullAsync(db, cli.Context.Time.GetUtcNow(), cancel);
            var files = (parse.GetValue(checkpoints) ?? []).Select(cli.Context.PathOf).ToList();
            var findings = await AuditCheckpoints.CheckAsync(db, files, cancel);
            var failed = findings.Where(f => !f.Holds).ToList();
            if (broken is not null)
            {
                await cli.Context.Error.WriteLineAsync($"audit log BROKEN at entry {broken.Sequence}: {broken.Reason}");
            }
            foreach (var finding in failed)
            {
                await cli.Context.Error.WriteLineAsync($"audit log BROKEN: {finding.Message}");
            }
            foreach (var finding in findings.Where(f => f.Holds))
            {
                cli.Context.Out.WriteLine(finding.Message);
            }
            if (broken is not null || failed.Count > 0)
            {
                return SightlineCli.ProblemsFound;
            }
            cli.Context.Out.WriteLine($"audit log intact: {count} entries, chain verified; head {head}");
            if (findings.Count == 0)
            {
                cli.Context.Out.WriteLine("no signed checkpoint to check against, so entries removed from the end would go unnoticed; " +
                    "set a key with: sightline init --checkpoint-key FILE");
            }
            return 0;
        }, cancel));
        return verify;
    }

    private static Command Checkpoint(CommandRunner cli)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the checkpoint to this file (default: the register's checkpoint folder)" };
        var checkpoint = new Command("checkpoint", "Sign the audit log's newest entry with the register's checkpoint key and write it out") { output };
        checkpoint.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var written = await AuditCheckpoints.WriteAsync(db, cli.Context.Time, parse.GetValue(output) is { } file ? cli.Context.PathOf(file) : null, cancel);
            var c = written.Checkpoint;
            cli.Context.Out.WriteLine($"checkpoint of entry {c.Sequence} (hash {c.Hash}) signed at {c.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC " +
                $"by key {c.Fingerprint}, written to {written.File}");
            return 0;
        }, cancel));
        return checkpoint;
    }
}
