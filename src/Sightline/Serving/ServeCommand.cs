using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sightline.Cli;
using Sightline.Web;

namespace Sightline.Serving;

/// <summary>`sightline serve`: the web application and JSON API on the chosen register, until Ctrl-C.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CommandRunner cli)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen, ';'-separated (default {DefaultUrls})", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Serve the web application and the JSON API") { urls };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (_, _) =>
        {
            // The register was opened and its schema checked above; the host opens its own context per request.
            var knowledge = cli.Knowledge(parse);
            var settings = new WebSettings(cli.Options.Resolve(parse, cli.Context), knowledge.Folder, parse.GetValue(urls)!, cli.Context.Time);
            using var host = SightlineWeb.CreateHostBuilder(settings).Build();
            await cli.Context.Out.WriteLineAsync($"Serving {settings.Location.Display} at {settings.Urls} (Ctrl-C to stop)");
            try
            {
                await host.RunAsync(cancel);
            }
            catch (IOException e)
            {
                // Kestrel's own message names the address and the reason, e.g. "address already in use".
                await cli.Context.Error.WriteLineAsync($"error: cannot serve at {settings.Urls}: {e.Message}");
                return SightlineCli.Failed;
            }
            return 0;
        }, cancel));
        return command;
    }
}
