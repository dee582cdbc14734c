using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Data.Procurement;

namespace Sightline.Procurement;

/// <summary>
/// `sightline procurement case|exclusion|grounds|accept`: procurement cases stage by stage, exclusion checks of the bidders
/// under the Procurement Act 2023, and acceptance of what was delivered against the specification.
/// </summary>
public static class ProcurementCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("procurement", "Procurement cases: stages and sign-offs, bidders' exclusion checks, acceptance of the delivery");
        command.Subcommands.Add(CaseCommand.Create(cli));
        command.Subcommands.Add(ExclusionCommand.Create(cli));
        command.Subcommands.Add(Grounds(cli));
        command.Subcommands.Add(Accept(cli));
        return command;
    }

    private static Command Grounds(CommandRunner cli)
    {
        var command = new Command("grounds", "Print the exclusion grounds of the Procurement Act 2023 (knowledge/procurement/exclusion-grounds.json)");
        command.SetAction((parse, _) => cli.WithKnowledgeAsync(parse, knowledge =>
        {
            if (LoadGrounds(cli, knowledge.Folder) is not { } grounds)
            {
                return Task.FromResult(SightlineCli.Failed);
            }
            cli.Context.Out.WriteLine($"{grounds.Id} {grounds.Version} (checked {grounds.Checked}); look-back {grounds.LookBackYears.ToString(CultureInfo.InvariantCulture)} years");
            SystemsCommand.Table(cli.Context.Out, ["ID", "Schedule", "CDP", "Ground"], grounds.All.Select(g => new[]
            {
                g.Id, g.Mandatory ? "6 mandatory" : "7 discretionary", g.Cdp ?? "-", g.Label,
            }).ToList());
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Accept(CommandRunner cli)
    {
        var id = CaseCommand.CaseArgument();
        var scan = new Option<long?>("--scan") { Description = "The scan of the installed network (its number, as `sightline scan` and the Scans page give it)" };
        var list = new Option<FileInfo?>("--list") { Description = $"The installer's list, CSV with the columns {Acceptances.ListColumns}" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("accept", "Compare what was delivered with the case's specification and record the result on the case; audited")
        {
            id, scan, list, json,
        };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var knowledge = cli.Knowledge(parse);
            var (scanId, file) = (parse.GetValue(scan), parse.GetValue(list));
            if ((scanId is null) == (file is null))
            {
                return cli.Fail("give either --scan N or --list FILE.csv");
            }
            List<DeliveredDevice> delivered;
            string source;
            if (scanId is { } n)
            {
                if (await Acceptances.FromScanAsync(db, n, cancel) is not { } found)
                {
                    return cli.Fail($"scan: there is no scan {n.ToString(CultureInfo.InvariantCulture)} in the register");
                }
                (delivered, source) = (found, $"scan {n.ToString(CultureInfo.InvariantCulture)}");
            }
            else
            {
                if (!file!.Exists)
                {
                    return cli.Fail($"list: {file.FullName}: no such file");
                }
                if (Acceptances.ListSizeProblem(file.Name, file.Length) is { } tooLarge)
                {
                    return cli.Fail(tooLarge);
                }
                await using var input = file.OpenRead();
                var (devices, problems) = Acceptances.FromList(knowledge, input, file.Name);
                if (problems.Count > 0)
                {
                    return cli.Fail(string.Join("\n", problems));
                }
                (delivered, source) = (devices, $"list {file.Name}");
            }
            var (check, differences, problem) = await Acceptances.RecordAsync(db, knowledge, cli.Context.Time, actor, parse.GetValue(id), source, delivered, cancel);
            if (problem is not null)
            {
                return cli.Fail(problem);
            }
            if (parse.GetValue(json))
            {
                cli.Context.Out.WriteLine(Json(check!, differences));
                return 0;
            }
            cli.Context.Out.WriteLine($"Acceptance check {ProcurementCases.Key(check!.Id)} on case {ProcurementCases.Key(check.CaseId)}: {source}, {check.Delivered.ToString(CultureInfo.InvariantCulture)} devices delivered, " +
                (differences.Count == 0 ? "as specified." : $"{differences.Count.ToString(CultureInfo.InvariantCulture)} differences:"));
            foreach (var d in differences)
            {
                cli.Context.Out.WriteLine($"  {d.Kind}: {d.Text}");
            }
            return 0;
        }, cancel));
        return command;
    }

    private static string Json(AcceptanceCheck check, IReadOnlyList<AcceptanceDifference> differences)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("check", check.Id);
            json.WriteNumber("case", check.CaseId);
            json.WriteString("source", check.Source);
            json.WriteNumber("delivered", check.Delivered);
            json.WriteBoolean("asSpecified", differences.Count == 0);
            json.WriteStartArray("differences");
            foreach (var d in differences)
            {
                json.WriteStartObject();
                json.WriteString("kind", d.Kind);
                json.WriteNumber("count", d.Count);
                json.WriteString("text", d.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The shipped exclusion grounds, or null after saying what is wrong with them.</summary>
    internal static ExclusionGrounds? LoadGrounds(CommandRunner cli, string knowledgeFolder)
    {
        try
        {
            return ExclusionGrounds.Shipped(knowledgeFolder);
        }
        catch (FormatException e)
        {
            cli.Fail(e.Message);
            return null;
        }
    }

    /// <summary>The case named on the command line with everything on it, or null after saying there is none.</summary>
    internal static async Task<ProcurementCases.Detail?> FindAsync(CommandRunner cli, RegisterDb db, int id, CancellationToken cancel)
    {
        if (await ProcurementCases.ReadAsync(db, id, cancel) is { } found)
        {
            return found;
        }
        cli.Fail($"there is no procurement case {ProcurementCases.Key(id)}; see `sightline procurement case list`");
        return null;
    }
}
