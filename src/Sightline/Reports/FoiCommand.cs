using System.CommandLine;
using Sightline.Cli;
using Sightline.Data.Foi;
using Sightline.Register;
using Sightline.Web.Reports;

namespace Sightline.Reports;

/// <summary>
/// `sightline report foi --maker X [--format csv|html] [--detail counts|sites|devices] [--exempt s31|s24 --reason R] [-o FILE]`:
/// the answer to an FOI request about one maker's cameras, white labels included; its count is `devices list --maker X`'s.
/// </summary>
public static class FoiCommand
{
    public static Command Create(CommandRunner cli)
    {
        var maker = new Option<string>("--maker") { Description = "The platform maker asked about (ID or name, e.g. hikvision)", Required = true };
        var format = new Option<string>("--format") { Description = "csv or html", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "html");
        var detail = new Option<string>("--detail") { Description = "What to release: counts, sites (counts per site too) or devices (every device)", DefaultValueFactory = _ => "counts" };
        detail.AcceptOnlyFromAmong("counts", "sites", "devices");
        var exempt = new Option<string?>("--exempt") { Description = "An exemption applied to what is withheld: s31 (crime prevention) or s24 (national security)" };
        var reason = new Option<string?>("--reason") { Description = "Why the exemption applies, with the public-interest test (required with --exempt)" };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var command = new Command("foi", "Answer an FOI request about one maker's cameras (white labels included), recorded on the audit log with any exemption")
            { maker, format, detail, exempt, reason, output };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var level = Enum.Parse<FoiDetail>(parse.GetValue(detail)!, ignoreCase: true);
            var (answer, problem) = await FoiRead.AnswerAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, parse.GetValue(maker)!, level,
                parse.GetValue(exempt), parse.GetValue(reason), cancel);
            if (answer is null)
            {
                return cli.Fail(problem!);
            }
            var text = parse.GetValue(format) == "html" ? FoiAnswerHtml.Html(answer) : FoiAnswerHtml.Csv(answer);
            if (parse.GetValue(output) is { } file)
            {
                var path = cli.Context.PathOf(file);
                await File.WriteAllTextAsync(path, text, cancel);
                cli.Context.Out.WriteLine($"FOI answer on {answer.Maker} ({Words.Count(answer.Total, "devices")}) written to {path}");
            }
            else
            {
                await cli.Context.Data.WriteAsync(text);
            }
            return 0;
        }, cancel));
        return command;
    }
}
