using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Register;
using Spectre.Console;

namespace Sightline.Demo;

/// <summary>`sightline demo`: builds a fictional council's register through the ordinary import path and summarises it.</summary>
public static class DemoCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("demo", "Create a demo register for a fictional borough council and summarise it (--db to keep it)");
        command.SetAction(async (parse, cancel) =>
        {
            var context = cli.Context;
            var named = parse.GetValue(cli.Options.Db);
            var folder = Directory.CreateTempSubdirectory("sightline-demo-").FullName;
            var db = named is null ? Path.Combine(folder, "demo.db") : context.PathOf(named);
            if (File.Exists(db))
            {
                return cli.Fail($"{db} already exists; the demo makes a new register, so name a new file or remove that one");
            }
            var files = new (string Verb, string File, string Csv)[]
            {
                ("systems", "systems.csv", DemoEstate.SystemsCsv()),
                ("sites", "sites.csv", DemoEstate.SitesCsv()),
                ("devices", "devices.csv", DemoEstate.DevicesCsv()),
            };
            context.Out.WriteLine($"Creating a demo register for {DemoEstate.Organisation} at {db}");
            var steps = new List<string[]> { new[] { "init", "--org", DemoEstate.Organisation } };
            foreach (var (verb, file, csv) in files)
            {
                var path = Path.Combine(folder, file);
                await File.WriteAllTextAsync(path, csv, cancel);
                steps.Add(["import", verb, path]);
            }
            var quiet = context with { Out = TextWriter.Null };
            foreach (var step in steps)
            {
                context.Out.WriteLine($"  sightline {string.Join(' ', step.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))}");
                var code = await SightlineCli.RunAsync([.. step, "--db", db, "--actor", "demo"], quiet, cancel);
                if (code != 0)
                {
                    return code;
                }
            }
            await using var register = await RegisterLocation.Sqlite(db).OpenAsync(create: false, cancel);
            await SummariseAsync(register, context, cancel);
            context.Out.WriteLine();
            context.Out.WriteLine($"Try: sightline devices list --db {db}");
            context.Out.WriteLine($"     sightline devices show NBC-0001 --db {db}");
            context.Out.WriteLine($"     sightline audit verify --db {db}");
            return 0;
        });
        return command;
    }

    /// <summary>Prints devices by system, kind and brand as sold.</summary>
    public static async Task SummariseAsync(RegisterDb db, CliContext context, CancellationToken cancel)
    {
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var devices = await db.Devices.AsNoTracking().Select(d => new { d.SystemId, d.Kind, d.BrandAsSold, d.Status }).ToListAsync(cancel);
        context.Out.WriteLine();
        context.Out.WriteLine($"{devices.Count} devices ({devices.Count(d => d.Status == DeviceStatus.Active)} active) in {systems.Count} systems.");
        Print(context, "By system", devices.GroupBy(d => d.SystemId is { } id ? systems[id] : "(none)").Select(g => (g.Key, g.Count())));
        Print(context, "By kind", devices.GroupBy(d => Words.Of(d.Kind)).Select(g => (g.Key, g.Count())));
        Print(context, "By brand as sold", devices.GroupBy(d => d.BrandAsSold ?? "(unknown)").Select(g => (g.Key, g.Count())));
    }

    private static void Print(CliContext context, string title, IEnumerable<(string Name, int Count)> rows)
    {
        var chart = new BarChart().Label(title).LeftAlignLabel().Width(72);
        foreach (var (name, count) in rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            chart.AddItem(Markup.Escape(name), count, Color.SteelBlue);
        }
        context.Out.WriteLine();
        context.Terminal.Write(chart);
    }
}
