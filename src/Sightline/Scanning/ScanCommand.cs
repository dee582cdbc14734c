using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Sightline.Cli;
using Sightline.Data.Scanning;
using Sightline.Identification;
using Sightline.Identifying;
using Sightline.Scanning;
using Sightline.Scope;
using Spectre.Console;

namespace Sightline.Scanning;

/// <summary>`sightline scan TARGET…`: find the devices in a scope, identify them, and record them in the register.</summary>
public static class ScanCommand
{
    public static Command Create(CommandRunner cli)
    {
        var targets = new Argument<string[]>("TARGET") { Description = "CIDRs, ranges (a-b) or addresses to scan; private space only unless --allow-public", Arity = ArgumentArity.ZeroOrMore };
        var exclude = new Option<string[]>("--exclude") { Description = "Addresses never to probe (same forms)", AllowMultipleArgumentsPerToken = true };
        var file = new Option<string?>("--targets-file") { Description = "A file of targets, one a line ('#' starts a comment)" };
        var allowPublic = new Option<bool>("--allow-public") { Description = "Allow public address space (only where you are entitled to scan it)" };
        var large = new Option<bool>("--large") { Description = "Allow more than a /16 (65,536 addresses)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be probed and send nothing" };
        var json = new Option<bool>("--json") { Description = "One JSON object per device found" };
        var rate = new Option<int>("--rate") { Description = "Most connection attempts a second (0: no limit, for a lab such as the camera farm)", DefaultValueFactory = _ => 500 };
        var concurrency = new Option<int>("--concurrency") { Description = "Most connections open at once", DefaultValueFactory = _ => 64 };
        var command = new Command("scan", "Find the devices in a scope, identify them and record them in the register") { targets, exclude, file, allowPublic, large, dryRun, json, rate, concurrency };
        command.SetAction((parse, cancel) =>
        {
            var named = (parse.GetValue(targets) ?? []).ToList();
            if (parse.GetValue(file) is { } path)
            {
                var full = cli.Context.PathOf(path);
                if (!File.Exists(full))
                {
                    return Task.FromResult(cli.Fail($"{path}: no such targets file"));
                }
                named.AddRange(ScanScope.ReadTargetsFile(full));
            }
            var (scope, problems) = ScanScope.Parse(named, parse.GetValue(exclude) ?? [], parse.GetValue(allowPublic), parse.GetValue(large));
            if (scope is null)
            {
                foreach (var problem in problems)
                {
                    cli.Context.Error.WriteLine($"error: {problem}");
                }
                return Task.FromResult(SightlineCli.Failed);
            }
            if (parse.GetValue(rate) < 0 || parse.GetValue(concurrency) is < 1 or > 4096)
            {
                return Task.FromResult(cli.Fail("--rate cannot be negative, and --concurrency must be between 1 and 4,096"));
            }
            var options = new ScanOptions
            {
                AttemptInterval = parse.GetValue(rate) == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1.0 / parse.GetValue(rate)),
                Concurrency = parse.GetValue(concurrency),
            };
            var scopeText = string.Join(", ", scope.Ranges.Select(r => r.ToString()));
            if (parse.GetValue(dryRun))
            {
                cli.Context.Out.WriteLine($"Would probe {scope.Count:N0} addresses: {scopeText}");
                cli.Context.Out.WriteLine($"  TCP connect to ports {string.Join(", ", options.Ports)} ({options.ConnectTimeout.TotalSeconds:0.#} s each, at most {options.Concurrency} at once, {(parse.GetValue(rate) == 0 ? "no rate limit" : $"at most {parse.GetValue(rate)} attempts a second")})");
                cli.Context.Out.WriteLine("  on open HTTP ports one GET /, on RTSP one OPTIONS, on server-first ports nothing (listen only); no credentials, no exploit requests");
                cli.Context.Out.WriteLine("Nothing was sent.");
                return Task.FromResult(0);
            }
            return cli.WithRegisterAsync(parse, async (db, actor) =>
            {
                var knowledge = cli.Knowledge(parse);
                var identifier = new Identifier(knowledge);
                var started = cli.Context.Time.GetUtcNow();
                cli.Context.Error.WriteLine($"Scanning {scope.Count:N0} addresses ({scopeText})…");
                var (hosts, complete) = await new Scanner(options).ScanAsync(scope, cancel);
                var seen = hosts.ConvertAll(h => (h.Address, h.Observations, identifier.Identify(h.Observations)));
                // The register is written even when the scan was stopped: what was found is kept, marked incomplete.
                var (actions, missing) = await ScanRecord.WriteAsync(db, knowledge, seen, scope.Contains, scopeText, complete, started, cli.Context.Time, actor, CancellationToken.None);
                if (parse.GetValue(json))
                {
                    foreach (var (address, _, verdict) in seen)
                    {
                        cli.Context.Out.WriteLine(Json(address, verdict, actions[address]));
                    }
                }
                else
                {
                    var table = new Table().Border(TableBorder.Simple);
                    foreach (var heading in (string[])["Address", "Open ports", "Platform maker", "Brand", "Model", "Class", "White label?", "Register"])
                    {
                        table.AddColumn(heading);
                    }
                    for (var i = 0; i < seen.Count; i++)
                    {
                        var (address, _, verdict) = seen[i];
                        var ports = string.Join(' ', hosts[i].OpenPorts);
                        var platform = verdict.Platform is { } maker ? $"{maker.Name} ({verdict.ConfidenceWord})" : "unknown";
                        table.AddRow(new[] { address.ToString(), ports, platform, verdict.Brand ?? "", verdict.Model ?? "", verdict.DeviceClass ?? "", verdict.WhiteLabelSuspected ? "yes" : "", actions[address] }
                            .Select(c => (Spectre.Console.Rendering.IRenderable)new Text(VerdictOutput.Safe(c))).ToArray());
                    }
                    cli.Context.Terminal.Write(table);
                }
                var identified = seen.Count(s => s.Item3.Platform is not null);
                cli.Context.Error.WriteLine($"{(complete ? "Scan complete" : "Scan stopped (incomplete; what was found is kept)")}: {hosts.Count} hosts answered, {identified} identified, " +
                    $"{actions.Values.Count(a => a == "created")} created, {actions.Values.Count(a => a == "updated")} updated, {missing} now missing.");
                return 0;
            }, CancellationToken.None);
        });
        return command;
    }

    private static string Json(IPAddress address, Verdict verdict, string action)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("address", address.ToString());
            json.WriteNull("mac");
            json.WriteString("register", action);
            VerdictOutput.WriteFields(json, verdict);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
