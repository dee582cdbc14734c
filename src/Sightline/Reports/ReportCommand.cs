using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data.Assessments;
using Sightline.Web.Reports;

namespace Sightline.Reports;

/// <summary>`sightline report self-assessment --system S --format html|pdf -o FILE`: reports for the public.</summary>
public static class ReportCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("report", "Reports for the public, as an organisation would publish them");
        command.Subcommands.Add(SelfAssessment(cli));
        return command;
    }

    private static Command SelfAssessment(CommandRunner cli)
    {
        var system = new Option<string>("--system") { Description = "The system (name) whose published self-assessment to lay out", Required = true };
        var format = new Option<string>("--format") { Description = "html (one self-contained page) or pdf (printed from it by Chromium)", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "pdf");
        var output = new Option<string>("--output", "-o") { Description = "File to write", Required = true };
        var command = new Command("self-assessment", "The newest published self-assessment covering a system, for a website") { system, format, output };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var name = parse.GetValue(system)!;
            var view = await AssessmentRead.PublishedForAsync(db, name, cli.Context.Time.GetUtcNow(), cancel);
            if (view is null)
            {
                return cli.Fail($"system '{name}' has no published self-assessment; sign one off and publish it first (`sightline assess publish ID`)");
            }
            var organisation = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Name).FirstOrDefaultAsync(cancel) ?? "";
            var html = SelfAssessmentReport.Html(view, organisation);
            var path = cli.Context.PathOf(parse.GetValue(output)!);
            if (parse.GetValue(format) == "pdf")
            {
                try
                {
                    await File.WriteAllBytesAsync(path, await PdfPrinter.PrintAsync(html, cli.Context.Variable("SIGHTLINE_CHROMIUM"), cancel), cancel);
                }
                catch (PdfException e)
                {
                    return cli.Fail(e.Message);
                }
            }
            else
            {
                await File.WriteAllTextAsync(path, html, cancel);
            }
            cli.Context.Out.WriteLine($"Self-assessment {view.Assessment.Id} ({view.Assessment.Title}) written to {path}");
            return 0;
        }, cancel));
        return command;
    }
}
