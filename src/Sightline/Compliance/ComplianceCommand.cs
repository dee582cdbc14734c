using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data.Assessments;
using Sightline.Data.Compliance;
using Sightline.Register;
using Spectre.Console;

namespace Sightline.Compliance;

/// <summary>`sightline compliance [--system S] [--json]`: each system against the Code's 12 principles, with the findings from the register.</summary>
public static class ComplianceCommand
{
    public static Command Create(CommandRunner cli)
    {
        var system = new Option<string?>("--system") { Description = "Only this system (name)" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array: one object per system and principle" };
        var command = new Command("compliance", "Each system against the Code of Practice's 12 principles, with the findings from the register") { system, json };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            int? systemId = null;
            if (parse.GetValue(system) is { Length: > 0 } name)
            {
                systemId = await db.Systems.Where(s => s.Name == name).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancel);
                if (systemId is null)
                {
                    return cli.Fail($"there is no system named '{name}'");
                }
            }
            var principles = await RegisterFindings.ComputeAsync(db, cli.Knowledge(parse), cli.Context.Time, systemId, cancel);
            if (parse.GetValue(json))
            {
                var assessments = await AssessmentRead.ListAsync(db, cli.Context.Time.GetUtcNow(), cancel);
                await cli.Context.Data.WriteLineAsync(Json(principles, assessments));
            }
            else
            {
                WriteText(cli.Context, principles);
            }
            return 0;
        }, cancel));
        return command;
    }

    private static string Json(List<PrincipleFindings> principles, IReadOnlyList<AssessmentSummary> assessments)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var p in principles)
            {
                json.WriteStartObject();
                json.WriteString("system", p.System);
                json.WriteNumber("systemId", p.SystemId);
                json.WriteNumber("principle", p.Principle.Number);
                json.WriteString("title", p.Principle.Title);
                json.WriteString("status", Words.Of(p.Status));
                json.WriteStartArray("findings");
                foreach (var f in p.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("status", Words.Of(f.Status));
                    json.WriteString("text", f.Text);
                    json.WriteNumber("count", f.Count);
                    json.WriteStartArray("devices");
                    foreach (var id in f.Devices)
                    {
                        json.WriteNumberValue(id);
                    }
                    json.WriteEndArray();
                    json.WriteString("source", f.Source);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                WriteAssessment(json, assessments.FirstOrDefault(a => a.Systems.Contains(p.System)));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The newest self-assessment whose scope includes the system (the list is newest first): its id, state and whether
    // it is stale; null when none covers it.
    private static void WriteAssessment(Utf8JsonWriter json, AssessmentSummary? assessment)
    {
        if (assessment is null)
        {
            json.WriteNull("assessment");
            return;
        }
        json.WriteStartObject("assessment");
        json.WriteNumber("id", assessment.Id);
        json.WriteString("state", Words.Of(assessment.State));
        json.WriteBoolean("stale", assessment.StaleReasons.Count > 0);
        json.WriteEndObject();
    }

    // Short enough for twelve columns on a 160-column line.
    private static string GridWord(FindingStatus status) => status == FindingStatus.NotEvidenced ? "n/e" : Words.Of(status);

    private static void WriteText(CliContext context, List<PrincipleFindings> principles)
    {
        var grid = new Table().Border(TableBorder.Simple).AddColumn("system");
        foreach (var p in Principle.All)
        {
            grid.AddColumn($"P{p.Number}");
        }
        foreach (var system in principles.GroupBy(p => p.System))
        {
            grid.AddRow(TerminalText.Cells([system.Key, .. system.Select(p => GridWord(p.Status))]));
        }
        context.Terminal.Write(grid);
        context.Out.WriteLine("n/e: not evidenced by the register (nothing recorded that would show the principle met)");
        foreach (var p in principles)
        {
            foreach (var f in p.Findings)
            {
                var devices = f.Devices.Count == 0 ? ""
                    : $" [devices {string.Join(", ", f.Devices.Take(10).Select(d => d.ToString(CultureInfo.InvariantCulture)))}{(f.Count > 10 ? ", …" : "")}]";
                context.Out.WriteLine($"{p.System}  P{p.Principle.Number}  {Words.Of(f.Status)}: {f.Text}{devices}");
            }
        }
        context.Out.WriteLine($"Principles in our own words: {Principle.Source}. Sources of each finding: `sightline compliance --json`.");
    }
}
