using System.CommandLine;
using Sightline.Cli;
using Sightline.Data.Signage;
using Sightline.Web.Signage;

namespace Sightline.Reports;

/// <summary>
/// `sightline report sign --system S [--camera ASSET] [--size A4|A3] [--base-url URL] -o sign.pdf`: a printable sign for a
/// system, with DTPR-style labels and a QR code to the system's public page.
/// </summary>
public static class SignCommand
{
    public static Command Create(CommandRunner cli)
    {
        var system = new Option<string?>("--system") { Description = "The system (name or ID) the sign speaks for" };
        var camera = new Option<string?>("--camera") { Description = "One camera's asset ID: the sign names it and its site (its system is the sign's)" };
        var size = new Option<string?>("--size") { Description = "Paper: A4 (default) or A3" };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"The public site's address; the QR code points to BASE/public/systems/ID (or set {PublicBaseUrl.Variable})",
        };
        var format = new Option<string>("--format") { Description = "pdf (printed by Chromium) or html (the page it is printed from)", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("pdf", "html");
        var output = new Option<string>("--output", "-o") { Description = "File to write", Required = true };
        var command = new Command("sign", "A printable sign for a system or one camera: purpose, who is accountable, what is captured, retention, "
            + "how to access your data or complain, and a QR code to the system's public page") { system, camera, size, baseUrl, format, output };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var (paper, sizeProblem) = SignSize.Parse(parse.GetValue(size));
            if (paper is null)
            {
                return cli.Fail(sizeProblem!);
            }
            var given = parse.GetValue(baseUrl);
            var stored = cli.Context.Variable(PublicBaseUrl.Variable);
            if (string.IsNullOrWhiteSpace(given) && string.IsNullOrWhiteSpace(stored))
            {
                return cli.Fail($"the QR code needs the public site's address: give --base-url https://… or set {PublicBaseUrl.Variable}");
            }
            var (address, addressProblem) = string.IsNullOrWhiteSpace(given)
                ? PublicBaseUrl.Parse(stored!, PublicBaseUrl.Variable)
                : PublicBaseUrl.Parse(given, "--base-url");
            if (address is null)
            {
                return cli.Fail(addressProblem!);
            }
            // An unknown system or camera is a RegisterException, which the runner prints in one line.
            var sign = await SystemSigns.ReadAsync(db, parse.GetValue(system), parse.GetValue(camera), cancel);
            var page = PublicBaseUrl.SystemPage(address, sign.SystemId);
            var path = cli.Context.PathOf(parse.GetValue(output)!);
            if (await ReportCommand.WriteAsync(cli, SignHtml.Html(sign, paper, page), parse.GetValue(format) == "pdf", path, cancel) is { } failed)
            {
                return failed;
            }
            cli.Context.Out.WriteLine($"{paper.Name} sign for system '{sign.System}'{(sign.Camera is { } c ? $", camera {c}" : "")} (QR code: {page}) written to {path}");
            return 0;
        }, cancel));
        return command;
    }
}
