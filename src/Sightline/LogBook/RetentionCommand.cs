using System.CommandLine;
using System.Text.Json;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data.Compliance;
using Sightline.Data.LogBook;
using Sightline.Probing;
using Sightline.Register;
using Sightline.Scanning;
using Sightline.Scope;
using Sightline.Web.LogBook;

namespace Sightline.LogBook;

/// <summary>
/// `sightline logbook retention read|show`: asks the register's recorders how long they are configured to keep their
/// recordings (<see cref="RetentionProbe"/>, with the operator's credentials, read-only calls only, by the same address
/// rules as a scan), keeps each answer, and shows the latest beside each system's policy. A recorder keeping longer
/// than its policy is a principle 6 finding.
/// </summary>
public static class RetentionCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("retention", "Recorders' own configured retention, read from each device and compared with the policy");
        command.Subcommands.Add(Read(cli));
        command.Subcommands.Add(Show(cli));
        return command;
    }

    private static Command Read(CommandRunner cli)
    {
        var credentials = new Option<string>("--credentials")
        {
            Description = "A file of 'TARGET USER PASSWORD' lines (as for scan): recorders answer these calls only after a login",
            Required = true,
        };
        var system = new Option<string?>("--system") { Description = "Only this system's recorders (its name)" };
        var device = new Option<string?>("--device") { Description = "Only this device (its asset ID), whatever its kind" };
        var port = new Option<int>("--port") { Description = "The recorders' HTTP port", DefaultValueFactory = _ => 80 };
        var allowPublic = new Option<bool>("--allow-public") { Description = "Allow recorders at public addresses (only where you are entitled to reach them)" };
        var readTimeout = new Option<double>("--read-timeout") { Description = "Seconds a recorder has to answer each request", DefaultValueFactory = _ => 5 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print which recorders would be asked what, and send nothing" };
        var within = new Option<string[]>("--within")
        {
            Description = "Only recorders whose address is in these ranges (CIDRs, ranges or addresses, as for scan)",
            AllowMultipleArgumentsPerToken = true,
        };
        var via = new Option<string>("--via") { Description = "any (ONVIF, then the maker's endpoint), onvif, or vendor", DefaultValueFactory = _ => "any" };
        var read = new Command("read", "Ask each recorder (NVR, DVR) with an address how long it keeps recordings, and keep the answers")
        {
            credentials, system, device, within, port, allowPublic, readTimeout, dryRun, via,
        };
        read.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var problems = new List<string>();
            var given = ScanCommand.ReadCredentials(cli, parse.GetValue(credentials)!, problems);
            var (probe, probeProblem) = RecorderRead.Probe(parse.GetValue(readTimeout), cli.Context.Time);
            if (probeProblem is not null)
            {
                problems.Add($"{probeProblem} (--read-timeout)");
            }
            if (Words.Parse<RetentionVia>(parse.GetValue(via)!) is not { } asked)
            {
                problems.Add($"--via: '{parse.GetValue(via)}' is not one of {Words.List<RetentionVia>()}");
                asked = RetentionVia.Any;
            }
            if (parse.GetValue(port) is < 1 or > 65535)
            {
                problems.Add("--port must be between 1 and 65535");
            }
            var (recorders, problem) = await RetentionReadings.RecordersAsync(db, parse.GetValue(system), parse.GetValue(device), cancel);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            ScanScope? scope = null;
            if (parse.GetValue(within) is { Length: > 0 } ranges)
            {
                (scope, var scopeProblems) = ScanScope.Parse(ranges, [], parse.GetValue(allowPublic), allowLarge: true);
                problems.AddRange(scopeProblems.Select(p => $"--within: {p}"));
            }
            var targets = RecorderRead.Choose(recorders ?? [], scope, parse.GetValue(allowPublic), problems);
            if (problems.Count > 0)
            {
                foreach (var p in problems)
                {
                    cli.Context.Error.WriteLine($"error: {p}");
                }
                return SightlineCli.Failed;
            }
            if (targets.Count == 0)
            {
                cli.Context.Out.WriteLine("No recorder with an address to read (recorders are devices of kind nvr or dvr; --device reads any one device).");
                return 0;
            }
            if (parse.GetValue(dryRun))
            {
                cli.Context.Out.WriteLine($"Would ask {Words.Count(targets.Count, "recorders")} on port {parse.GetValue(port)}, one at a time: " +
                    string.Join(", ", targets.Select(t => $"{t.Recorder.Label} ({t.Address})")));
                cli.Context.Out.WriteLine($"  in this order, until one answers ({parse.GetValue(via)}): {string.Join(", ", RetentionProbe.Requests)}");
                cli.Context.Out.WriteLine("  each with the credential the file gives for the recorder's address or platform; a recorder with none is skipped");
                cli.Context.Out.WriteLine("Never: exploit requests, password guesses, writes to a device. Nothing was sent.");
                return 0;
            }
            var rows = new List<RecorderRead.Row>();
            foreach (var target in targets)
            {
                rows.Add(await RecorderRead.ReadAsync(db, probe!, cli.Context.Time, actor, target, given!, parse.GetValue(port), asked, cancel));
            }
            var unread = rows.Count(r => r.Method is null);
            // Notes and details carry what the devices said: escaped, as everything a device sends.
            SystemsCommand.Table(cli.Context.Out, ["Recorder", "Address", "Read with", "Keeps", "Detail"],
                rows.ConvertAll(r => Array.ConvertAll([r.Recorder, r.Address, r.Method ?? "", r.Keeps ?? "", r.Detail], TerminalText.Escape)));
            cli.Context.Error.WriteLine($"{Words.Count(targets.Count - unread, "recorders")} read, {unread} not; `sightline logbook retention show` compares them with the policy.");
            return unread == 0 ? 0 : SightlineCli.Failed;
        }, cancel));
        return read;
    }

    private static Command Show(CommandRunner cli)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per recorder" };
        var show = new Command("show", "Print each recorder's latest reading beside its system's retention policy, those keeping longer first") { json };
        show.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var latest = await RetentionReadings.LatestAsync(db, cancel);
            if (parse.GetValue(json))
            {
                foreach (var l in latest)
                {
                    cli.Context.Out.WriteLine(JsonSerializer.Serialize(new
                    {
                        recorder = l.Recorder,
                        device = l.Reading.DeviceId,
                        system = l.System,
                        read = l.Reading.ReadAt,
                        method = l.Reading.Method,
                        longest_days = l.Reading.LongestDays,
                        unlimited = l.Reading.Unlimited,
                        policy_days = l.PolicyDays,
                        exceeds_policy = l.Exceeds,
                    }));
                }
                return 0;
            }
            if (latest.Count == 0)
            {
                cli.Context.Out.WriteLine("No recorder has been read; `sightline logbook retention read --credentials FILE` reads them.");
                return 0;
            }
            SystemsCommand.Table(cli.Context.Out, ["Recorder", "System", "Keeps", "Policy", "Verdict", "Read", "With", "Detail"], latest.ConvertAll(l => new[]
            {
                l.Recorder, l.System ?? "", LogBookFindings.Kept(l.Reading), l.PolicyDays is { } days ? $"{days} days" : "not recorded",
                l.PolicyDays is null ? "no policy to compare" : l.Exceeds ? "KEEPS LONGER THAN POLICY" : "within policy",
                RecordFields.WriteMoment(l.Reading.ReadAt), l.Reading.Method, TerminalText.Escape(l.Reading.Detail),
            }));
            return 0;
        }, cancel));
        return show;
    }
}
