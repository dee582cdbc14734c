using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data.Assessments;
using Sightline.Data.Remediation;
using Sightline.Data.Reports;
using Sightline.Register;
using Sightline.Web.Reports;

namespace Sightline.Reports;

/// <summary>
/// `sightline report self-assessment --system S --format html|pdf -o FILE` and `sightline report annual [--year YYYY |
/// --from D --to D] --format html|pdf -o FILE`: reports for the public.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("report", "Reports for the public, as an organisation would publish them");
        command.Subcommands.Add(SelfAssessment(cli));
        command.Subcommands.Add(Annual(cli));
        command.Subcommands.Add(Remediation(cli));
        command.Subcommands.Add(FoiCommand.Create(cli));
        command.Subcommands.Add(SignCommand.Create(cli));
        return command;
    }

    private static Command Annual(CommandRunner cli)
    {
        var year = new Option<string?>("--year") { Description = "The calendar year to report on (YYYY)" };
        var from = new Option<string?>("--from") { Description = "The period's first day (YYYY-MM-DD), with --to" };
        var to = new Option<string?>("--to") { Description = "The period's last day (YYYY-MM-DD), with --from" };
        var format = FormatOption();
        var output = new Option<string>("--output", "-o") { Description = "File to write", Required = true };
        var command = new Command("annual", "The organisation's annual review of its systems (Code principle 10); without a period, the twelve months to today")
            { year, from, to, format, output };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var now = cli.Context.Time.GetUtcNow();
            var period = ReportPeriod.Parse(parse.GetValue(year), parse.GetValue(from), parse.GetValue(to), DateOnly.FromDateTime(now.UtcDateTime));
            var report = await AnnualReportRead.ReadAsync(db, cli.Knowledge(parse), period, cli.Context.Time, cancel);
            var path = cli.Context.PathOf(parse.GetValue(output)!);
            if (await WriteAsync(cli, AnnualReportHtml.Html(report), parse.GetValue(format) == "pdf", path, cancel) is { } failed)
            {
                return failed;
            }
            cli.Context.Out.WriteLine($"Annual report for {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd} ({Words.Count(report.Systems.Count, "systems")}) written to {path}");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Remediation(CommandRunner cli)
    {
        var format = FormatOption();
        var output = new Option<string>("--output", "-o") { Description = "File to write", Required = true };
        var command = new Command("remediation", "The remediation board paper: the estate by platform maker, what is flagged and why, the plan, its cost and progress")
            { format, output };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var today = DateOnly.FromDateTime(cli.Context.Time.GetUtcNow().UtcDateTime);
            var paper = await BoardPaperRead.ReadAsync(db, cli.Knowledge(parse), today, cancel);
            var path = cli.Context.PathOf(parse.GetValue(output)!);
            if (await WriteAsync(cli, BoardPaperHtml.Html(paper), parse.GetValue(format) == "pdf", path, cancel) is { } failed)
            {
                return failed;
            }
            cli.Context.Out.WriteLine($"Remediation board paper ({Words.Count(paper.Plan.Count, "devices")} planned) written to {path}");
            return 0;
        }, cancel));
        return command;
    }

    internal static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "html (one self-contained page) or pdf (printed from it by Chromium)", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "pdf");
        return format;
    }

    // Writes the page, or the PDF printed from it; the exit code of a failure, or null.
    internal static async Task<int?> WriteAsync(CommandRunner cli, string html, bool pdf, string path, CancellationToken cancel)
    {
        if (pdf)
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
        return null;
    }

    private static Command SelfAssessment(CommandRunner cli)
    {
        var system = new Option<string>("--system") { Description = "The system (name) whose published self-assessment to lay out", Required = true };
        var format = FormatOption();
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
            if (await WriteAsync(cli, html, parse.GetValue(format) == "pdf", path, cancel) is { } failed)
            {
                return failed;
            }
            cli.Context.Out.WriteLine($"Self-assessment {view.Assessment.Id} ({view.Assessment.Title}) written to {path}");
            return 0;
        }, cancel));
        return command;
    }
}
