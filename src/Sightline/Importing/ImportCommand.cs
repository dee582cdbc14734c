using System.CommandLine;
using Sightline.Cli;
using Sightline.Csv;
using Sightline.Data.Audit;
using Sightline.Data.Import;
using Sightline.Register;

namespace Sightline.Importing;

/// <summary>`sightline import devices|sites|systems FILE`: all-or-nothing CSV imports with a dry run.</summary>
public static class ImportCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("import", "Load an asset list, sites or systems from a CSV file");
        command.Subcommands.Add(Subcommand(cli, "devices", "Import devices (cameras, recorders, encoders) from an installer's or asset list"));
        command.Subcommands.Add(Subcommand(cli, "sites", "Import sites: name, address, latitude, longitude"));
        command.Subcommands.Add(Subcommand(cli, "systems",
            "Import systems: name, type, purposes, lawful_basis, public_space, sensitive_site, retention_days, controller"));
        return command;
    }

    private static Command Subcommand(CommandRunner cli, string what, string description)
    {
        var file = new Argument<string>("FILE") { Description = "CSV file (RFC 4180, comma-separated, UTF-8 unless --encoding says otherwise)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change and write nothing" };
        var encoding = new Option<string>("--encoding")
        {
            Description = "How the file is encoded: utf-8 (the default), or latin1 for a spreadsheet saved as Latin-1 (read as Windows-1252)",
            DefaultValueFactory = _ => "utf-8",
        };
        var command = new Command(what, description) { file, dryRun, encoding };
        command.SetAction((parse, cancel) =>
        {
            var path = cli.Context.PathOf(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                return Task.FromResult(cli.Fail($"{parse.GetValue(file)}: no such file"));
            }
            if (CsvText.Parse(parse.GetValue(encoding)) is not { } fileEncoding)
            {
                return Task.FromResult(cli.Fail($"unknown encoding '{parse.GetValue(encoding)}'; use utf-8 or latin1"));
            }
            return cli.WithRegisterAsync(parse, async (db, actor) =>
            {
                await using var input = File.OpenRead(path);
                var result = what == "devices"
                    ? await new DeviceImport(db, cli.Context.Time, actor, cli.Knowledge(parse)) { FileEncoding = fileEncoding }
                        .RunAsync(input, path, parse.GetValue(dryRun), cancel)
                    : await new PlaceImport(db, cli.Context.Time, actor) { FileEncoding = fileEncoding }
                        .RunAsync(input, what == "sites", parse.GetValue(dryRun), cancel);
                return Report(cli.Context, parse.GetValue(file)!, what, result, parse.GetValue(dryRun));
            }, cancel);
        });
        return command;
    }

    private static int Report(CliContext context, string file, string what, ImportResult result, bool dryRun)
    {
        if (result.ProblemCount > 0)
        {
            foreach (var problem in result.Problems)
            {
                context.Error.WriteLine(problem.ToString(file));
            }
            if (result.ProblemCount > result.Problems.Count)
            {
                context.Error.WriteLine($"… and {result.ProblemCount - result.Problems.Count} more");
            }
            context.Error.WriteLine($"{file}: {result.ProblemCount} problem{(result.ProblemCount == 1 ? "" : "s")}; nothing was imported.");
            return SightlineCli.ProblemsFound;
        }
        if (dryRun)
        {
            foreach (var change in result.Changes)
            {
                var label = change.AssetId is null ? $"#{change.DeviceId}" : $"{change.AssetId} (#{change.DeviceId})";
                context.Out.WriteLine($"line {change.Line}: {change.Action} {label}: {string.Join("; ", AuditChange.Describe(change.Before, change.After))}");
            }
        }
        foreach (var place in result.CreatedPlaces)
        {
            context.Out.WriteLine($"new {place}");
        }
        if (result.VerdictColumns.Count > 0)
        {
            context.Out.WriteLine($"left aside, read-only: {string.Join(", ", result.VerdictColumns)} (Sightline works its verdict out; it never imports one)");
        }
        var verb = dryRun ? "Dry run, nothing written: would create" : "Created";
        context.Out.WriteLine($"{verb} {Words.Count(result.Created, what)}, {(dryRun ? "update" : "updated")} {result.Updated}, " +
            $"{result.Unchanged} unchanged ({Words.Count(result.Rows, "rows")}).");
        return 0;
    }
}
