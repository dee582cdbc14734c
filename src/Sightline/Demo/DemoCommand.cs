using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Sightline.CameraFarm;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Register;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;
using Sightline.Serving;
using Sightline.Web.Accounts;
using Spectre.Console;

namespace Sightline.Demo;

/// <summary>
/// `sightline demo`: builds a fictional council's register through the ordinary import path and summarises it; on a
/// terminal it then serves the web application on it, with a one-time login, until Ctrl-C.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CommandRunner cli)
    {
        var noServe = new Option<bool>("--no-serve") { Description = "End after the summary instead of serving the web application (it is not served when output is not a terminal)" };
        var urls = new Option<string>("--urls") { Description = $"Where the web application listens (default {ServeCommand.DefaultUrls})", DefaultValueFactory = _ => ServeCommand.DefaultUrls };
        var network = new Option<string>("--farm-network")
        {
            Description = $"The loopback /24 the demo's camera farm listens on and its scan covers (default {DefaultNetwork})",
            DefaultValueFactory = _ => DefaultNetwork,
        };
        network.Validators.Add(result =>
        {
            if (!IPNetwork.TryParse(result.GetValueOrDefault<string>(), out var parsed) || parsed.PrefixLength != 24
                || parsed.BaseAddress.GetAddressBytes() is not [127, _, _, 0])
            {
                result.AddError($"--farm-network: '{result.GetValueOrDefault<string>()}' is not a /24 on loopback, such as {DefaultNetwork}");
            }
        });
        var command = new Command("demo", "Create a demo register for a fictional borough council, summarise it and serve it on the web (--db to keep it)") { noServe, urls, network };
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
                steps.AddRange(verb switch
                {
                    "sites" => DemoGovernance.Steps(DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime)),
                    "devices" => DemoGovernance.DpiaSteps(),
                    _ => [],
                });
            }
            steps.AddRange(DemoAssessments.Steps(DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime)));
            steps.AddRange(DemoLogBook.Steps(DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime)));
            var quiet = context with { Out = TextWriter.Null };
            string[] shared = parse.GetValue(cli.Options.Knowledge) is { } knowledgeFolder
                ? ["--db", db, "--actor", "demo", "--knowledge", context.PathOf(knowledgeFolder)]
                : ["--db", db, "--actor", "demo"];
            foreach (var step in steps)
            {
                context.Out.WriteLine($"  sightline {string.Join(' ', step.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))}");
                var code = await SightlineCli.RunAsync([.. step, .. shared], quiet, cancel);
                if (code != 0)
                {
                    return code;
                }
            }
            if (await ScanFarmAsync(context, IPNetwork.Parse(parse.GetValue(network)!), shared, cancel) is var scanned and not 0)
            {
                return scanned;
            }
            // The DPIA list reads what the scan changed and raises the reviews it calls for, which the compliance page shows.
            context.Out.WriteLine("  sightline dpia list");
            if (await SightlineCli.RunAsync(["dpia", "list", .. shared], quiet, cancel) is var listed and not 0)
            {
                return listed;
            }
            if (await DemoProcurement.RunAsync(context, db, shared, cancel) is var bought and not 0)
            {
                return bought;
            }
            await using var register = await RegisterLocation.Sqlite(db).OpenAsync(create: false, cancel);
            await SummariseAsync(register, cli.Knowledge(parse), context, cancel);
            context.Out.WriteLine();
            context.Out.WriteLine($"Try: sightline devices list --db {db}");
            context.Out.WriteLine($"     sightline devices list --flagged --db {db}");
            context.Out.WriteLine($"     sightline devices list --white-label --db {db}");
            context.Out.WriteLine($"     sightline devices show NBC-0001 --db {db}");
            context.Out.WriteLine($"     sightline audit verify --db {db}");
            // Serving waits for Ctrl-C, so only a person at a terminal gets it: scripts and tests end here.
            return context.Interactive && !parse.GetValue(noServe) ? await ServeAsync(context, shared, parse.GetValue(urls)!, parse.GetValue(network)!, cancel) : 0;
        });
        return command;
    }

    private const string DefaultNetwork = "127.77.0.0/24";

    // The system whose network the demo scans: the cameras the scan finds join it, and its DPIA's review is raised.
    private const string ScannedSystem = "Town Centre CCTV";

    /// <summary>
    /// Starts a camera farm of 60 devices on a loopback /24 and scans it into the register, as a council would scan
    /// its CCTV network. Listening on ports below 1024 needs root; without it the demo says so and goes on.
    /// </summary>
    private static async Task<int> ScanFarmAsync(CliContext context, IPNetwork network, string[] shared, CancellationToken cancel)
    {
        var range = network.ToString();
        var prefix = network.BaseAddress.GetAddressBytes();
        Farm farm;
        try
        {
            farm = Farm.Start(Enumerable.Range(1, 60).Select(i => new IPAddress([prefix[0], prefix[1], prefix[2], (byte)i])), 60, seed: 1);
        }
        catch (SocketException e)
        {
            context.Out.WriteLine($"  (no scan: the camera farm could not listen on {range} — {e.Message}; it needs root and free ports)");
            return 0;
        }
        await using (farm)
        {
            // The council knows its cameras' logins: the scan may offer them to a device that asks, for identity calls only.
            var logins = Path.Combine(Path.GetTempPath(), $"sightline-demo-logins-{Environment.ProcessId}.txt");
            await File.WriteAllTextAsync(logins, $"{range} {farm.Credentials.User} {farm.Credentials.Password}\n", cancel);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(logins, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                context.Out.WriteLine($"  sightline farm --range {range} --devices 60   (emulated cameras, recorders and other devices on loopback)");
                context.Out.WriteLine($"  sightline scan {range} --credentials logins.txt --system \"{ScannedSystem}\"   (logins offered only to devices that ask, for identity calls)");
                var scanned = await SightlineCli.RunAsync(["scan", range, "--credentials", logins, "--system", ScannedSystem, .. shared],
                    context with { Out = TextWriter.Null, Error = context.Out }, cancel);
                if (scanned != 0)
                {
                    return scanned;
                }
                context.Out.WriteLine($"  sightline logbook retention read --credentials logins.txt --system \"{ScannedSystem}\" --within {range}   (each recorder's own retention)");
                return await SightlineCli.RunAsync([.. DemoLogBook.RetentionStep(logins, ScannedSystem, range), .. shared],
                    context with { Out = TextWriter.Null }, cancel);
            }
            finally
            {
                File.Delete(logins);
            }
        }
    }

    /// <summary>Makes a demo account (Admin and Manager) with a password shown once, then serves the register until Ctrl-C.</summary>
    private static async Task<int> ServeAsync(CliContext context, string[] shared, string urls, string network, CancellationToken cancel)
    {
        var password = AccountAdmin.NewPassword();
        var made = await SightlineCli.RunAsync(["users", "add", "demo", "--role", "Admin", "--role", "Manager", "--password-stdin", .. shared],
            context with { In = new StringReader(password + "\n"), Out = TextWriter.Null }, cancel);
        if (made != 0)
        {
            return made;
        }
        context.Out.WriteLine();
        context.Out.WriteLine($"The web application: {urls.Split(';')[0]}  (sign in as demo, password {password} — shown once)");
        context.Out.WriteLine($"Scans: start one of {network} from the Scans page while `sightline farm` runs, or read the evidence of what the demo scan found.");
        return await SightlineCli.RunAsync(["serve", "--urls", urls, .. shared], context, cancel);
    }

    /// <summary>Prints devices by system, kind, brand as sold and platform maker, the white labels found, and flagged devices by dimension.</summary>
    public static async Task SummariseAsync(RegisterDb db, KnowledgeBase knowledge, CliContext context, CancellationToken cancel)
    {
        var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var devices = await db.Devices.AsNoTracking().Select(d => new { d.SystemId, d.Kind, d.BrandAsSold, d.Status }).ToListAsync(cancel);
        context.Out.WriteLine();
        context.Out.WriteLine($"{devices.Count} devices ({devices.Count(d => d.Status == DeviceStatus.Active)} active) in {systems.Count} systems.");
        Print(context, "By system", devices.GroupBy(d => d.SystemId is { } id ? systems[id] : "(none)").Select(g => (g.Key, g.Count())));
        Print(context, "By kind", devices.GroupBy(d => Words.Of(d.Kind)).Select(g => (g.Key, g.Count())));
        Print(context, "By brand as sold", devices.GroupBy(d => d.BrandAsSold ?? "(unknown)").Select(g => (g.Key, g.Count())));
        var identified = await db.Identities.AsNoTracking().Join(db.Devices, i => i.DeviceId, d => d.Id, (i, d) => new { i.Platform, i.WhiteLabel, i.Flags, d.BrandAsSold })
            .ToListAsync(cancel);
        string Name(string? id) => id is null ? "(unknown)" : knowledge.Makers.TryGetValue(id, out var m) ? m.Name : id;
        // As the dashboard counts them: each maker with its group, as `devices list --maker` lists them, and the unidentified.
        var byPlatform = identified.Where(i => i.Platform is not null).GroupBy(i => i.Platform!).ToDictionary(g => g.Key, g => g.Count());
        Print(context, "By platform maker (who really made it, with its group)",
            MakerTally.Of(knowledge, byPlatform, devices.Count - byPlatform.Values.Sum()).Select(t => (t.Label, t.Count)));
        var whiteLabels = identified.Where(i => i.WhiteLabel).GroupBy(i => $"{i.BrandAsSold} on {Name(i.Platform)}").Select(g => (g.Key, g.Count())).ToList();
        context.Out.WriteLine();
        context.Out.WriteLine($"White labels found: {whiteLabels.Sum(w => w.Item2)} devices sold under one name and made on another maker's platform.");
        if (whiteLabels.Count > 0)
        {
            Print(context, "White labels (brand on platform)", whiteLabels);
        }
        Print(context, "Flagged devices by dimension (never added together)",
            RiskAssessor.Dimensions.Select(d => (RiskAssessor.Words(d), identified.Count(i => i.Flags.HasFlag(d)))));
    }

    private static void Print(CliContext context, string title, IEnumerable<(string Name, int Count)> rows)
    {
        var chart = new BarChart().Label(title).LeftAlignLabel().Width(72);
        foreach (var (name, count) in rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            chart.AddItem(Markup.Escape(TerminalText.Escape(name)), count, Color.SteelBlue);
        }
        context.Out.WriteLine();
        context.Terminal.Write(chart);
    }
}
