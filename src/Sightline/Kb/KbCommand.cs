using System.CommandLine;
using System.Globalization;
using Sightline.Cli;
using Sightline.Identifying;
using Sightline.Knowledge;
using Spectre.Console;

namespace Sightline.Kb;

/// <summary>`sightline kb list|show|verify`: see what Sightline knows, where each row comes from, and check it.</summary>
public static class KbCommand
{
    private static readonly string[] Tables = ["makers", "brands", "rules", "models", "designations", "concerns", "vulnerabilities", "purposes", "oui"];

    public static Command Create(CommandRunner cli)
    {
        var command = new Command("kb", "List, show and verify the knowledge (makers, brands, rules, designations…)");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Verify(cli));
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var table = new Argument<string?>("TABLE") { Description = $"One of {string.Join(", ", Tables)}; none for a count of each", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List the rows of a knowledge table, with their sources") { table };
        command.SetAction((parse, _) => cli.WithKnowledgeAsync(parse, knowledge =>
        {
            var name = parse.GetValue(table);
            var rows = name switch
            {
                null => Tables.Select(t => Row(t, Count(knowledge, t).ToString(CultureInfo.InvariantCulture))),
                "makers" => knowledge.Makers.Values.Select(m => Row(m.Id, m.Name, m.Country, m.Parent?.Id, m.Surveillance ? "surveillance" : "", Sources(m.Provenance))),
                "brands" => knowledge.BrandLinks.Select(b => Row(b.Brand, b.Maker?.Id, Words(b.Relationship), Range(b.From, b.To), b.Confidence, Sources(b.Provenance))),
                "rules" => knowledge.Rules.Select(r => Row(r.Id, r.Kind, r.Field, string.Join("; ", r.Claims.Select(c => $"{VerdictOutput.Word(c.Type)}={c.Value}@{c.Weight}")), Sources(r.Provenance))),
                "models" => knowledge.ModelPatterns.Select(p => Row(p.Pattern.ToString(), p.Maker.Id, p.DeviceClass, p.Weight.ToString(CultureInfo.InvariantCulture), Sources(p.Provenance))),
                "designations" => knowledge.Designations.Select(d => Row(d.Id, d.List, d.Jurisdiction, d.Entity?.Id ?? $"country:{d.Country}", Purposes(d), d.Dimension, d.Effective?.Text ?? d.Listed?.Text, d.Removed?.Text, Sources(d.Provenance))),
                "concerns" => knowledge.Concerns.Select(c => Row(c.Id, c.Maker.Id, c.Dimension, c.Publisher, c.Date?.Text, c.Title, c.Response.Length > 0 ? "reply on record" : "", Sources(c.Provenance))),
                "vulnerabilities" => knowledge.Vulnerabilities.Select(v => Row(v.Cve, v.Maker.Id, v.Models.ToString(), v.FixedIn?.Text, v.Kev ? "KEV" : "", v.Cvss, Sources(v.Provenance))),
                "purposes" => knowledge.Purposes.Values.Select(p => Row(p.Id, p.Label, string.Join("; ", p.Words), Sources(p.Provenance))),
                "oui" => knowledge.OuiBlocks.Where(b => b.Maker is not null).OrderBy(b => b.Prefix, StringComparer.Ordinal)
                    .Select(b => Row(b.Prefix, b.Registry, b.Organisation, b.Maker!.Id, b.Provenance.Checked)),
                _ => null,
            };
            if (rows is null)
            {
                return Task.FromResult(cli.Fail($"unknown table '{name}'; use one of {string.Join(", ", Tables)}"));
            }
            var grid = new Table().Border(TableBorder.Simple);
            var list = rows.ToList();
            foreach (var header in Headers(name))
            {
                grid.AddColumn(new TableColumn(new Text(header)));
            }
            foreach (var row in list)
            {
                grid.AddRow(TerminalText.Cells([.. row]));
            }
            cli.Context.Terminal.Write(grid);
            cli.Context.Out.WriteLine(name is null ? $"knowledge version {knowledge.Version}, from {knowledge.Folder}" : $"{Register.Words.Count(list.Count, "rows")}.");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var id = new Argument<string>("ID") { Description = "A maker id or name, brand, rule id, designation id, concern id or CVE" };
        var command = new Command("show", "Show one maker (with its group, brands, designations, concerns and vulnerabilities), or one rule, designation, concern or CVE") { id };
        command.SetAction((parse, _) => cli.WithKnowledgeAsync(parse, knowledge =>
        {
            var key = parse.GetValue(id)!;
            var output = cli.Context.Out;
            if (knowledge.FindMaker(key) is { } maker)
            {
                KnowledgeText.Maker(output, knowledge, maker);
            }
            else if (knowledge.Rules.FirstOrDefault(r => r.Id == key) is { } rule)
            {
                KnowledgeText.Rule(output, rule);
            }
            else if (knowledge.Designations.Where(d => d.Id == key).ToList() is { Count: > 0 } designations)
            {
                designations.ForEach(d => KnowledgeText.Designation(output, d));
            }
            else if (knowledge.Concerns.FirstOrDefault(c => c.Id == key) is { } concern)
            {
                KnowledgeText.Concern(output, concern);
            }
            else if (knowledge.Vulnerabilities.Where(v => v.Cve.Equals(key, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } vulnerabilities)
            {
                vulnerabilities.ForEach(v => KnowledgeText.Vulnerability(output, v));
            }
            else if (knowledge.BrandLinksFor(key) is { Count: > 0 } links)
            {
                foreach (var link in links)
                {
                    output.WriteLine($"{link.Brand}: {Words(link.Relationship)} {link.Maker?.Name} {Range(link.From, link.To)} ({link.Confidence})");
                    output.WriteLine($"  {link.Notes}");
                    output.WriteLine($"  source: {link.Provenance.Source} (checked {link.Provenance.Checked}, {link.Provenance.Where})");
                }
            }
            else
            {
                return Task.FromResult(cli.Fail($"nothing in the knowledge is called '{key}'"));
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Verify(CommandRunner cli)
    {
        var command = new Command("verify", "Check every row has a source and date, references resolve, rules match their examples and do not contradict");
        command.SetAction((parse, _) =>
        {
            var folder = cli.Options.KnowledgeFolder(parse, cli.Context);
            KnowledgeBase knowledge;
            try
            {
                knowledge = KnowledgeBase.Read(folder);
            }
            catch (KnowledgeException e)
            {
                return Task.FromResult(cli.Fail(e.Message));
            }
            var problems = KnowledgeCheck.Run(knowledge);
            foreach (var note in knowledge.Notes)
            {
                cli.Context.Out.WriteLine($"note: {note}");
            }
            foreach (var problem in problems)
            {
                cli.Context.Out.WriteLine(problem);
            }
            var examples = knowledge.Rules.Sum(r => r.Examples.Count);
            cli.Context.Out.WriteLine(problems.Count == 0
                ? $"knowledge {knowledge.Version} is sound: {knowledge.Makers.Count} makers, {knowledge.BrandLinks.Count} brand links, {knowledge.Rules.Count} rules ({examples} examples), {knowledge.ModelPatterns.Count} model patterns, {knowledge.Designations.Count} designations, {knowledge.Concerns.Count} concerns, {knowledge.Vulnerabilities.Count} vulnerabilities, {knowledge.OuiBlocks.Count} MAC blocks (registry data of {knowledge.OuiDate})."
                : $"{problems.Count} problem(s) in {folder}");
            return Task.FromResult(problems.Count == 0 ? 0 : SightlineCli.ProblemsFound);
        });
        return command;
    }

    private static int Count(KnowledgeBase knowledge, string table) => table switch
    {
        "makers" => knowledge.Makers.Count,
        "brands" => knowledge.BrandLinks.Count,
        "rules" => knowledge.Rules.Count,
        "models" => knowledge.ModelPatterns.Count,
        "designations" => knowledge.Designations.Count,
        "concerns" => knowledge.Concerns.Count,
        "vulnerabilities" => knowledge.Vulnerabilities.Count,
        "purposes" => knowledge.Purposes.Count,
        _ => knowledge.OuiBlocks.Count,
    };

    private static string?[] Row(params string?[] cells) => cells;

    /// <summary>The column headings of <c>kb list</c>, one per cell of the table's rows.</summary>
    private static string[] Headers(string? table) => table switch
    {
        null => ["Table", "Rows"],
        "makers" => ["Maker", "Name", "Country", "Parent", "Makes", "Source (checked)"],
        "brands" => ["Brand", "Maker", "Relationship", "When", "Confidence", "Source (checked)"],
        "rules" => ["Rule", "Kind", "Field", "Claims (what=value@weight)", "Source (checked)"],
        "models" => ["Model pattern", "Maker", "Class", "Weight", "Source (checked)"],
        "designations" => ["Designation", "List", "Jurisdiction", "Applies to", "Purposes", "Dimension", "In force from", "Removed", "Source (checked)"],
        "concerns" => ["Concern", "Maker", "Dimension", "Publisher", "Date", "Title", "Reply", "Source (checked)"],
        "vulnerabilities" => ["CVE", "Maker", "Models", "Fixed in", "Known exploited", "CVSS", "Source (checked)"],
        "purposes" => ["Purpose", "Label", "Words", "Source (checked)"],
        _ => ["MAC prefix", "Registry", "Organisation", "Maker", "Checked"],
    };

    private static string Sources(Provenance provenance) => $"{provenance.Source} ({provenance.Checked})";

    private static string Purposes(Designation designation) =>
        designation.Purposes.Count == 0 ? "any purpose" : string.Join("; ", designation.Purposes.Select(p => p.Id));

    internal static string Words(BrandRelationship relationship) => relationship switch
    {
        BrandRelationship.FormerOwner => "former owner",
        BrandRelationship.Oem => "OEM",
        _ => relationship.ToString().ToLowerInvariant(),
    };

    internal static string Range(PartialDate? from, PartialDate? to) =>
        from is null && to is null ? "" : $"{from?.Text ?? "…"} to {to?.Text ?? "now"}";
}
