using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Audit;
using Sightline.Register;

namespace Sightline.Setup;

/// <summary>`sightline init`: creates a register, or upgrades an existing one in place.</summary>
public static class InitCommand
{
    public static Command Create(CommandRunner cli)
    {
        var org = new Option<string?>("--org") { Description = "Name of the organisation that runs the register (for a new register)" };
        var command = new Command("init", "Create a register, or upgrade an existing one to this version") { org };
        command.SetAction((parse, cancel) => cli.WithNewOrExistingRegisterAsync(parse, async (db, actor) =>
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancel)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancel)).ToList();
            await db.Database.MigrateAsync(cancel);
            var display = cli.Options.Resolve(parse, cli.Context).Display;
            if (pending.Count == 0)
            {
                cli.Context.Out.WriteLine($"The register at {display} is up to date.");
                return 0;
            }
            await using var write = await RegisterWrite.BeginAsync(db, cli.Context.Time, actor, cancel);
            if (applied.Count == 0)
            {
                var name = parse.GetValue(org) ?? "My organisation";
                db.Organisations.Add(new Organisation { Name = name });
                write.Record("init", "register", display, null, AuditJson.Of(("organisation", name), ("schema", pending[^1])));
                await write.CommitAsync(cancel);
                cli.Context.Out.WriteLine($"Created a register for {name} at {display}.");
                return 0;
            }
            write.Record("upgrade", "register", display, AuditJson.Of(("schema", applied[^1])), AuditJson.Of(("schema", pending[^1])));
            await write.CommitAsync(cancel);
            cli.Context.Out.WriteLine($"Upgraded the register at {display}: applied {string.Join(", ", pending)}.");
            return 0;
        }, cancel));
        return command;
    }
}
