using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Audit;
using Sightline.Register;

namespace Sightline.Setup;

/// <summary>`sightline init`: creates a register, or upgrades an existing one in place, and sets the key that signs its audit checkpoints.</summary>
public static class InitCommand
{
    public static Command Create(CommandRunner cli)
    {
        var org = new Option<string?>("--org") { Description = "Name of the organisation that runs the register (for a new register)" };
        var key = new Option<string?>("--checkpoint-key")
        {
            Description = "Sign audit checkpoints with the ECDSA P-256 private key in FILE, made (readable by you only) if missing; keep it outside the register",
        };
        var folder = new Option<string?>("--checkpoint-dir") { Description = "Write checkpoint files here (default: a checkpoints folder beside the key)" };
        var every = new Option<int>("--checkpoint-every")
        {
            Description = "Also write a checkpoint whenever this many entries were added since the last (besides the end of each command)",
            DefaultValueFactory = _ => AuditCheckpoints.DefaultEvery,
        };
        var command = new Command("init", "Create a register, or upgrade an existing one to this version") { org, key, folder, every };
        command.SetAction((parse, cancel) => cli.WithNewOrExistingRegisterAsync(parse, async (db, actor) =>
        {
            var keyFile = parse.GetValue(key) is { } given ? cli.Context.PathOf(given) : null;
            if (keyFile is null && (parse.GetResult(folder) is { Implicit: false } || parse.GetResult(every) is { Implicit: false }))
            {
                return cli.Fail("--checkpoint-dir and --checkpoint-every go with --checkpoint-key FILE");
            }
            if (parse.GetValue(every) < 1)
            {
                return cli.Fail($"--checkpoint-every must be 1 or more, not {parse.GetValue(every)}");
            }
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancel)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancel)).ToList();
            await db.Database.MigrateAsync(cancel);
            var display = cli.Options.Resolve(parse, cli.Context).Display;
            if (pending.Count == 0 && keyFile is null)
            {
                cli.Context.Out.WriteLine($"The register at {display} is up to date.");
                return 0;
            }
            var (before, _) = await AuditCheckpoints.HeadAsync(db, cancel);
            string? done = null;
            await using (var write = await RegisterWrite.BeginAsync(db, cli.Context.Time, actor, cancel))
            {
                if (applied.Count == 0)
                {
                    var name = parse.GetValue(org) ?? "My organisation";
                    db.Organisations.Add(new Organisation { Name = name });
                    write.Record("init", "register", display, null, AuditJson.Of(("organisation", name), ("schema", pending[^1])));
                    done = $"Created a register for {name} at {display}.";
                }
                else if (pending.Count > 0)
                {
                    write.Record("upgrade", "register", display, AuditJson.Of(("schema", applied[^1])), AuditJson.Of(("schema", pending[^1])));
                    done = $"Upgraded the register at {display}: applied {string.Join(", ", pending)}.";
                }
                if (done is not null)
                {
                    cli.Context.Out.WriteLine(done);
                }
                if (keyFile is not null)
                {
                    var checkpoints = parse.GetValue(folder) is { } chosen ? cli.Context.PathOf(chosen) : Path.Combine(Path.GetDirectoryName(keyFile)!, "checkpoints");
                    if (!await SetKeyAsync(cli, write, keyFile, checkpoints, parse.GetValue(every), cancel))
                    {
                        return SightlineCli.Failed;
                    }
                }
                await write.CommitAsync(cancel);
            }
            await cli.CheckpointAsync(db, before, CancellationToken.None);
            return 0;
        }, cancel));
        return command;
    }

    private static async Task<bool> SetKeyAsync(CommandRunner cli, RegisterWrite write, string keyFile, string folder, int every, CancellationToken cancel)
    {
        CheckpointKey key;
        bool created;
        try
        {
            key = CheckpointKey.LoadOrCreate(keyFile, out created);
        }
        catch (CheckpointKeyException e)
        {
            cli.Fail(e.Message);
            return false;
        }
        using (key)
        {
            var changed = await AuditCheckpoints.ConfigureAsync(write, key, keyFile, folder, every, cancel);
            cli.Context.Out.WriteLine(
                $"{(created ? "Made a new" : "Using the")} checkpoint key {keyFile} (fingerprint {key.Fingerprint}); keep it, and the checkpoints, outside the register.");
            cli.Context.Out.WriteLine(changed
                ? $"Audit checkpoints go to {folder}: at the end of each command that adds entries, and after every {every} entries."
                : "The register already uses this key for its checkpoints.");
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(keyFile) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            {
                await cli.Context.Error.WriteLineAsync($"warning: checkpoint key {keyFile} can be read by other users; run: chmod 600 {keyFile}");
            }
            return true;
        }
    }
}
