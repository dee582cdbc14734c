using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Register;

namespace Sightline.Compliance;

/// <summary>
/// `sightline systems list|show|add|set|purpose|database`: surveillance systems and their Code of Practice records, made
/// and changed without a CSV file. Each change is audited.
/// </summary>
public static class SystemsCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("systems", "List, show, add and change surveillance systems, their purposes and reference databases");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Add(cli));
        command.Subcommands.Add(Set(cli));
        command.Subcommands.Add(Purpose(cli));
        command.Subcommands.Add(Database(cli));
        return command;
    }

    /// <summary>The SYSTEM argument: an ID or a name.</summary>
    public static Argument<string> SystemArgument() => new("SYSTEM") { Description = "The system's ID or name" };

    /// <summary>Finds the system named on the command line; null (with the error printed) when there is none.</summary>
    public static async Task<SurveillanceSystem?> FindAsync(CommandRunner cli, RegisterDb db, string key, CancellationToken cancel)
    {
        var system = await SystemRecords.FindAsync(db, key, cancel);
        if (system is null)
        {
            cli.Fail($"there is no system with ID or name '{key}'");
        }
        return system;
    }

    private static Command List(CommandRunner cli)
    {
        var command = new Command("list", "Print every system with its type, device count and DPIA state");
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var counts = await db.Devices.Where(d => d.SystemId != null).GroupBy(d => d.SystemId!.Value)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
            var systems = await db.Systems.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancel);
            var rows = systems.ConvertAll(s => new[]
            {
                s.Id.ToString(CultureInfo.InvariantCulture), s.Name, Words.Of(s.Type), counts.GetValueOrDefault(s.Id).ToString(CultureInfo.InvariantCulture),
                s.Purposes ?? "", s.Controller ?? "",
            });
            Table(cli.Context.Out, ["ID", "Name", "Type", "Devices", "Purposes", "Controller"], rows);
            return 0;
        }, cancel));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var system = SystemArgument();
        var command = new Command("show", "Print a system's records: fields, purposes with their need and evidence, reference databases") { system };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (await FindAsync(cli, db, parse.GetValue(system)!, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            var output = cli.Context.Out;
            output.WriteLine($"System {found.Id.ToString(CultureInfo.InvariantCulture)}");
            RecordText.Print(output, found, SystemRecords.Fields);
            var purposes = await db.SystemPurposes.AsNoTracking().Where(p => p.SystemId == found.Id).ToDictionaryAsync(p => p.Name, cancel);
            output.WriteLine("Purposes:");
            foreach (var name in RecordFields.ListOf(found.Purposes))
            {
                output.WriteLine($"  {name}");
                RecordText.Print(output, purposes.GetValueOrDefault(name) ?? new SystemPurpose { Name = name }, SystemRecords.PurposeFields, "    ");
            }
            var databases = await db.ReferenceDatabases.AsNoTracking().Where(d => d.SystemId == found.Id).OrderBy(d => d.Name).ToListAsync(cancel);
            output.WriteLine(databases.Count == 0 ? "Reference databases: (none)" : "Reference databases:");
            foreach (var database in databases)
            {
                output.WriteLine($"  {database.Name}");
                RecordText.Print(output, database, SystemRecords.DatabaseFields, "    ");
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command Add(CommandRunner cli)
    {
        var name = new Argument<string>("NAME") { Description = "The new system's name" };
        var fields = new FieldOptions<SurveillanceSystem>(SystemRecords.Fields.Where(f => f.Name != "name").ToList());
        var command = new Command("add", "Make a system (audited); a new system raises a DPIA review trigger") { name };
        fields.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var values = fields.Given(parse);
            values["name"] = parse.GetValue(name);
            var outcome = await SystemRecords.AddAsync(db, cli.Context.Time, actor, values, cancel);
            if (!outcome.Succeeded)
            {
                return cli.Fail(string.Join("; ", outcome.Problems.Select(p => p.Message)));
            }
            cli.Context.Out.WriteLine($"System {outcome.SystemId!.Value.ToString(CultureInfo.InvariantCulture)} '{values["name"]}' made, on the record.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Set(CommandRunner cli)
    {
        var system = SystemArgument();
        var fields = new FieldOptions<SurveillanceSystem>(SystemRecords.Fields);
        var command = new Command("set", "Change fields of a system (an empty value clears one); audited") { system };
        fields.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await FindAsync(cli, db, parse.GetValue(system)!, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            var values = fields.Given(parse);
            if (values.Count == 0)
            {
                return cli.Fail("name a field to set, e.g. --lawful-basis \"UK GDPR Art. 6(1)(e)\"; see sightline systems set --help");
            }
            return Report(cli, await SystemRecords.SetAsync(db, cli.Context.Time, actor, found.Id, values, cancel), $"System '{found.Name}'");
        }, cancel));
        return command;
    }

    private static Command Purpose(CommandRunner cli)
    {
        var system = SystemArgument();
        var name = new Argument<string>("PURPOSE") { Description = "The purpose's name (added to the system's purposes if it is not there)" };
        var remove = new Option<bool>("--remove") { Description = "Remove the purpose and its detail" };
        var fields = new FieldOptions<SystemPurpose>(SystemRecords.PurposeFields);
        var command = new Command("purpose", "Add a purpose to a system or set its pressing need, evidence and retention (principle 1); audited") { system, name, remove };
        fields.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await FindAsync(cli, db, parse.GetValue(system)!, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            var purpose = parse.GetValue(name)!;
            var outcome = parse.GetValue(remove)
                ? await SystemRecords.RemovePurposeAsync(db, cli.Context.Time, actor, found.Id, purpose, cancel)
                : await SystemRecords.SetPurposeAsync(db, cli.Context.Time, actor, found.Id, purpose, fields.Given(parse), cancel);
            return Report(cli, outcome, $"Purpose '{purpose.Trim()}' of system '{found.Name}'");
        }, cancel));
        return command;
    }

    private static Command Database(CommandRunner cli)
    {
        var system = SystemArgument();
        var name = new Argument<string>("DATABASE") { Description = "The reference database's name (an ANPR hot list, a watch list)" };
        var remove = new Option<bool>("--remove") { Description = "Remove the reference database" };
        var fields = new FieldOptions<ReferenceDatabase>(SystemRecords.DatabaseFields);
        var command = new Command("database", "Add or change a reference database the system matches against, with its review dates (principle 12); audited")
            { system, name, remove };
        fields.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await FindAsync(cli, db, parse.GetValue(system)!, cancel) is not { } found)
            {
                return SightlineCli.Failed;
            }
            var database = parse.GetValue(name)!;
            var outcome = parse.GetValue(remove)
                ? await SystemRecords.RemoveDatabaseAsync(db, cli.Context.Time, actor, found.Id, database, cancel)
                : await SystemRecords.SetDatabaseAsync(db, cli.Context.Time, actor, found.Id, database, fields.Given(parse), cancel);
            return Report(cli, outcome, $"Reference database '{database.Trim()}' of system '{found.Name}'");
        }, cancel));
        return command;
    }

    private static int Report(CommandRunner cli, SystemRecords.Outcome outcome, string what)
    {
        if (!outcome.Succeeded)
        {
            return cli.Fail(string.Join("; ", outcome.Problems.Select(p => p.Message)));
        }
        cli.Context.Out.WriteLine(outcome.Changed ? $"{what} changed, on the record." : "Nothing was changed.");
        return 0;
    }

    /// <summary>Writes rows as columns padded to their widest cell.</summary>
    public static void Table(TextWriter output, string[] headings, IReadOnlyList<string[]> rows)
    {
        var widths = headings.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(headings))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
