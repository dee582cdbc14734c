using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data.Scanning;
using Sightline.Identification;
using Sightline.Identifying;
using Sightline.Probing;
using Sightline.Register;
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
        var concurrency = new Option<int>("--concurrency") { Description = "Most hosts probed at once (each gets one connection at a time)", DefaultValueFactory = _ => 64 };
        var credentials = new Option<string?>("--credentials") { Description = "A file of 'TARGET USER PASSWORD' lines (TARGET: CIDR, range, address, maker:ID or *) for read-only identity calls" };
        var multicast = new Option<bool>("--multicast") { Description = "Also send WS-Discovery, SADP and DHIP to their multicast groups on local links in the scope (TTL 1)" };
        var readTimeout = new Option<double>("--read-timeout") { Description = "Seconds a device has to answer each request (slow links, busy devices)", DefaultValueFactory = _ => 3 };
        var system = new Option<string?>("--system") { Description = "Put the devices this scan registers in this system (a scan of its network); its DPIA review is raised" };
        var registerAll = new Option<bool>("--register-all") { Description = "Make a device of every host that answers, not only those identified as surveillance devices" };
        var command = new Command("scan", "Find the devices in a scope, identify them and record them in the register")
        {
            targets, exclude, file, allowPublic, large, dryRun, json, rate, concurrency, credentials, multicast, readTimeout, registerAll, system,
        };
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
            var given = parse.GetValue(credentials) is { } credentialsPath ? ReadCredentials(cli, credentialsPath, problems) : null;
            if (scope is null || problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    cli.Context.Error.WriteLine($"error: {problem}");
                }
                return Task.FromResult(SightlineCli.Failed);
            }
            var (options, optionsProblem) = ScanOptions.Chosen(parse.GetValue(rate), parse.GetValue(concurrency), parse.GetValue(readTimeout), parse.GetValue(multicast));
            if (options is null)
            {
                return Task.FromResult(cli.Fail($"{optionsProblem} (--rate, --concurrency, --read-timeout)"));
            }
            var scopeText = string.Join(", ", scope.Ranges.Select(r => r.ToString()));
            if (parse.GetValue(dryRun))
            {
                DryRun(cli.Context.Out, scope, scopeText, options, parse.GetValue(rate), given);
                return Task.FromResult(0);
            }
            // The knowledge loads while the register opens: each takes seconds on a busy machine, and neither needs the other.
            var loading = Task.Run(() => cli.Knowledge(parse), CancellationToken.None);
            return cli.WithRegisterAsync(parse, async (db, actor) =>
            {
                SurveillanceSystem? into = null;
                if (parse.GetValue(system) is { } name)
                {
                    into = await db.Systems.FirstOrDefaultAsync(s => s.Name == name.Trim(), cancel);
                    if (into is null)
                    {
                        return cli.Fail($"--system: no system named '{name}' in the register (`sightline systems list` names them)");
                    }
                }
                var knowledge = await loading;
                var identifier = new Identifier(knowledge);
                var started = cli.Context.Time.GetUtcNow();
                var progress = new ScanProgress { Total = scope.Count };
                cli.Context.Error.WriteLine($"Scanning {scope.Count:N0} addresses ({scopeText})…");
                var scanning = new Scanner(options, cli.Context.Time).ScanAsync(scope, progress, cancel, given, identifier);
                var (hosts, complete) = await ScanDisplay.ShowAsync(cli.Context, progress, scanning);
                var seen = hosts.ConvertAll(h => new ScannedHost(h.Address, h.Mac, h.OpenPorts, h.Observations, h.Notes, h.Verdict!));
                // The register is written even when the scan was stopped: what was found is kept, marked incomplete.
                var outcome = await ScanRecord.WriteAsync(db, knowledge, seen, scope.Contains, scopeText, complete, started, cli.Context.Time, actor, CancellationToken.None,
                    parse.GetValue(registerAll), into);
                if (parse.GetValue(json))
                {
                    for (var i = 0; i < seen.Count; i++)
                    {
                        cli.Context.Out.WriteLine(Json(hosts[i], seen[i].Verdict, outcome.Findings[i].Register));
                    }
                }
                else
                {
                    Table(cli.Context, hosts, seen.ConvertAll(s => s.Verdict), outcome.Findings);
                }
                var identified = seen.Count(s => s.Verdict.Platform is not null);
                var kept = outcome.Count(ScanFinding.NotRegistered) + outcome.Count(ScanFinding.Skipped);
                cli.Context.Error.WriteLine($"{(complete ? "Scan complete" : "Scan stopped (incomplete; what was found is kept)")}: {hosts.Count} hosts answered, {identified} identified, " +
                    $"{outcome.Count("created")} created, {outcome.Count("updated")} updated, {outcome.Missing} now missing.");
                cli.Context.Error.WriteLine($"Scan {outcome.Scan}: {kept} hosts not identified as surveillance devices are kept as findings only " +
                    $"(`sightline devices findings --scan {outcome.Scan}`; `sightline devices add-from-scan {outcome.Scan} ADDRESS` registers one).");
                return complete ? 0 : 130;
            }, CancellationToken.None);
        });
        return command;
    }

    /// <summary>Reads the operator's credentials file, adding what is wrong with it to <paramref name="problems"/>; warns when others can read it.</summary>
    internal static ScanCredentials? ReadCredentials(CommandRunner cli, string path, List<string> problems)
    {
        var full = cli.Context.PathOf(path);
        if (!File.Exists(full))
        {
            problems.Add($"{path}: no such credentials file");
            return null;
        }
        var (given, credentialProblems) = ScanCredentials.Read(full);
        problems.AddRange(credentialProblems);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            cli.Context.Error.WriteLine($"warning: {path} can be read by other users; chmod 600 it");
        }
        return given;
    }

    private static void DryRun(TextWriter output, ScanScope scope, string scopeText, ScanOptions options, int rate, ScanCredentials? credentials)
    {
        output.WriteLine($"Would probe {scope.Count:N0} addresses: {scopeText}");
        output.WriteLine($"  TCP connect to ports {string.Join(", ", options.Ports)} ({options.ConnectTimeout.TotalSeconds:0.#} s each, {options.Concurrency} hosts at once, one connection at a time per host, " +
            $"{(rate == 0 ? "no rate limit" : $"at most {rate} attempts a second")})");
        output.WriteLine($"  on open HTTP(S) ports: {string.Join(", ", HttpProbe.Requests)}; TLS certificate subject on 443/8443");
        output.WriteLine($"  ONVIF on {OnvifProbe.Path}: {string.Join(", ", OnvifProbe.Calls)}");
        output.WriteLine("  RTSP on 554: OPTIONS, DESCRIBE; on 8000 and 34567 listen only; on 37777 nothing");
        output.WriteLine($"  unicast UDP to hosts that answered: {string.Join(", ", UdpDiscovery.Names)}");
        output.WriteLine(options.Multicast
            ? $"  multicast (TTL 1) from local links in the scope: {string.Join(", ", UdpDiscovery.LocalLinks(scope).Select(a => a.ToString()).DefaultIfEmpty("none"))}"
            : "  no multicast (use --multicast for local links)");
        output.WriteLine(credentials is null
            ? "  no credentials: identity calls are made without logging in"
            : $"  {credentials.Count} credential rules, offered only to a device that asks for a login on an identity call");
        output.WriteLine("Never: exploit requests, password guesses, writes to a device. Nothing was sent.");
    }

    private static void Table(CliContext context, List<HostResult> hosts, List<Verdict> verdicts, IReadOnlyList<ScanFinding> findings)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var heading in (string[])["Address", "MAC", "Open ports", "Platform maker", "Brand", "Model", "Firmware", "Class", "White label?", "Register", "Notes"])
        {
            table.AddColumn(heading);
        }
        for (var i = 0; i < hosts.Count; i++)
        {
            var verdict = verdicts[i];
            var platform = verdict.Platform is { } maker ? $"{maker.Name} ({verdict.ConfidenceWord})" : "unknown";
            table.AddRow(new[] { hosts[i].Address.ToString(), hosts[i].Mac ?? "", string.Join(' ', hosts[i].OpenPorts), platform, verdict.Brand ?? "", verdict.Model ?? "", verdict.Firmware ?? "",
                    verdict.DeviceClass ?? "", verdict.WhiteLabelSuspected ? "yes" : "", findings[i].Register, string.Join("; ", hosts[i].Notes) }
                .Select(TerminalText.Cell).ToArray());
        }
        context.Terminal.Write(table);
    }

    private static string Json(HostResult host, Verdict verdict, string action)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("address", host.Address.ToString());
            if (host.Mac is { } mac)
            {
                json.WriteString("mac", mac);
            }
            else
            {
                json.WriteNull("mac");
            }
            json.WriteStartArray("openPorts");
            foreach (var port in host.OpenPorts)
            {
                json.WriteNumberValue(port);
            }
            json.WriteEndArray();
            json.WriteString("register", action);
            VerdictOutput.WriteFields(json, verdict, host.Notes);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
