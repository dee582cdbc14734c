using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sightline.Cli;
using Sightline.Web;
using Sightline.Web.Maps;
using Sightline.Web.Security;
using Sightline.Web.Signage;

namespace Sightline.Serving;

/// <summary>
/// `sightline serve`: the web application and JSON API on the chosen register, until Ctrl-C. HTTPS with a certificate
/// (--certificate, or Kestrel's configuration); plain HTTP on loopback, or elsewhere only with --allow-http.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CommandRunner cli)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen, ';'-separated (default {DefaultUrls})", DefaultValueFactory = _ => DefaultUrls };
        var certificate = new Option<string?>("--certificate")
        {
            Description = $"Certificate for https:// addresses: a .pfx (password in {ServerCertificate.PasswordVariable}) or a PEM file",
        };
        var certificateKey = new Option<string?>("--certificate-key") { Description = "The PEM certificate's private key, when not in the certificate file" };
        var knownProxy = new Option<string[]>("--known-proxy")
        {
            Description = $"A reverse proxy (address or network) whose X-Forwarded-For/-Proto are believed; repeatable (or {KnownProxies.Variable})",
            AllowMultipleArgumentsPerToken = false,
        };
        var allowHttp = new Option<bool>("--allow-http") { Description = "Allow plain http:// on addresses other than loopback (behind a proxy that encrypts)" };
        var publicUrls = new Option<string?>("--public-urls")
        {
            Description = "Addresses (';'-separated, each with a port of its own) that serve only the public site (/public), to face the internet",
        };
        var publicRate = new Option<int>("--public-rate-limit")
        {
            Description = "Requests a minute each client address may make of /public (0: no limit; default 300)",
            DefaultValueFactory = _ => 300,
        };
        var publicUrl = new Option<string?>("--public-base-url")
        {
            Description = $"The public site's address, for the QR codes of printed signs (or {PublicBaseUrl.Variable}); default: the address each request came to",
        };
        var mapTiles = new Option<string?>("--map-tiles")
        {
            Description = $"Map tiles' URL template, e.g. https://tile.example.org/{{z}}/{{x}}/{{y}}.png (or {MapTiles.TilesVariable}); default: no tiles, a plain background",
        };
        var mapAttribution = new Option<string?>("--map-attribution") { Description = $"The tiles' attribution, shown on the map (or {MapTiles.AttributionVariable})" };
        var command = new Command("serve", "Serve the web application and the JSON API")
        {
            urls, certificate, certificateKey, knownProxy, allowHttp, publicUrls, publicRate, publicUrl, mapTiles, mapAttribution,
        };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (_, _) =>
        {
            try
            {
                var listen = ListenAddresses.Parse(parse.GetValue(urls)!);
                var publicListen = parse.GetValue(publicUrls) is { } publicText ? PublicListen(publicText, listen) : null;
                if (parse.GetValue(publicRate) < 0)
                {
                    throw new ServeException("--public-rate-limit: give a number of requests a minute, or 0 for no limit");
                }
                var proxies = KnownProxies.Parse(parse.GetValue(knownProxy) ?? [], "--known-proxy")
                    .Concat(KnownProxies.Parse([cli.Context.Variable(KnownProxies.Variable) ?? ""], KnownProxies.Variable)).ToList();
                using var serverCertificate = LoadCertificate(cli, parse.GetValue(certificate), parse.GetValue(certificateKey));
                if (serverCertificate is not null && listen.Https.Count == 0 && publicListen?.Https.Count is null or 0)
                {
                    throw new ServeException("--certificate is given but no address in --urls is https://");
                }
                if (publicListen?.PlainOffLoopback.Count > 0 && !parse.GetValue(allowHttp))
                {
                    throw new ServeException($"{publicListen.PlainOffLoopback[0]} is plain HTTP off this machine; serve the public site over https:// with "
                        + "--certificate, or give --allow-http when a reverse proxy on the way encrypts it");
                }
                if (publicListen?.Https.Count > 0 && listen.Https.Count == 0 && serverCertificate is null)
                {
                    throw new ServeException($"{publicListen.Https[0]} needs a certificate: give --certificate FILE");
                }
                if (listen.PlainOffLoopback.Count > 0 && !parse.GetValue(allowHttp))
                {
                    throw new ServeException($"{listen.PlainOffLoopback[0]} is plain HTTP off this machine: passwords and session cookies would cross the "
                        + "network unencrypted; serve https:// with --certificate, or give --allow-http when a reverse proxy on the way encrypts it");
                }
                var (publicBase, publicProblem) = (parse.GetValue(publicUrl) ?? cli.Context.Variable(PublicBaseUrl.Variable)) is { Length: > 0 } given
                    ? PublicBaseUrl.Parse(given, "--public-base-url")
                    : (null, null);
                if (publicProblem is not null)
                {
                    throw new ServeException(publicProblem);
                }
                var (tiles, tilesProblem) = MapTiles.Parse(parse.GetValue(mapTiles) ?? cli.Context.Variable(MapTiles.TilesVariable),
                    parse.GetValue(mapAttribution) ?? cli.Context.Variable(MapTiles.AttributionVariable));
                if (tilesProblem is not null)
                {
                    throw new ServeException(tilesProblem);
                }
                // The register was opened and its schema checked above; the host opens its own context per request.
                var knowledge = cli.Knowledge(parse);
                var settings = new WebSettings(cli.Options.Resolve(parse, cli.Context), knowledge.Folder, string.Join(';', listen.Urls), cli.Context.Time)
                {
                    Certificate = serverCertificate,
                    KnownProxies = proxies,
                    PublicUrls = publicListen is null ? null : string.Join(';', publicListen.Urls),
                    PublicRequestsPerMinute = parse.GetValue(publicRate),
                    PublicUrl = publicBase,
                    MapTiles = tiles,
                };
                using var host = SightlineWeb.CreateHostBuilder(settings).Build();
                // Kestrel would fall back to a developer certificate, or fail with a stack trace; an operator gets one line.
                if (listen.Https.Count > 0 && serverCertificate is null
                    && !host.Services.GetRequiredService<IConfiguration>().GetSection("Kestrel:Certificates:Default").Exists())
                {
                    throw new ServeException($"{listen.Https[0]} needs a certificate: give --certificate FILE (.pfx, or .pem with --certificate-key FILE), "
                        + "or set Kestrel:Certificates:Default (e.g. Kestrel__Certificates__Default__Path)");
                }
                foreach (var url in listen.PlainOffLoopback)
                {
                    await cli.Context.Error.WriteLineAsync($"warning: {url} is plain HTTP off this machine (--allow-http): keep it behind a reverse proxy that encrypts it");
                }
                return await RunAsync(cli, host, settings, cancel);
            }
            catch (ServeException e)
            {
                return cli.Fail(e.Message);
            }
        }, cancel));
        return command;
    }

    // The public addresses are told apart from the others by their port, so each needs one of its own.
    private static ListenAddresses PublicListen(string text, ListenAddresses inside)
    {
        var addresses = ListenAddresses.Parse(text);
        var insidePorts = inside.Urls.Select(u => Microsoft.AspNetCore.Http.BindingAddress.Parse(u).Port).ToHashSet();
        foreach (var url in addresses.Urls)
        {
            var port = Microsoft.AspNetCore.Http.BindingAddress.Parse(url).Port;
            if (port == 0 || insidePorts.Contains(port))
            {
                throw new ServeException($"--public-urls: {url} needs a port of its own, not 0 and not one of --urls");
            }
        }
        return addresses;
    }

    private static X509Certificate2? LoadCertificate(CommandRunner cli, string? path, string? keyPath)
    {
        if (path is null)
        {
            return keyPath is null ? null : throw new ServeException("--certificate-key needs --certificate");
        }
        var certificate = ServerCertificate.Load(cli.Context.PathOf(path), keyPath is null ? null : cli.Context.PathOf(keyPath),
            cli.Context.Variable(ServerCertificate.PasswordVariable));
        var now = cli.Context.Time.GetUtcNow();
        if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime || certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            // Browsers will refuse it; the operator may be renewing it, so this is said rather than refused.
            cli.Context.Error.WriteLine($"warning: the certificate in {path} is valid only from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}");
        }
        return certificate;
    }

    private static async Task<int> RunAsync(CommandRunner cli, IHost host, WebSettings settings, CancellationToken cancel)
    {
        try
        {
            await host.StartAsync(cancel);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or CryptographicException)
        {
            // Kestrel's own message names the address and the reason, e.g. "address already in use", or a configured
            // certificate it cannot load.
            await cli.Context.Error.WriteLineAsync($"error: cannot serve at {settings.Urls}: {e.Message.Split('\n')[0].TrimEnd('\r')}");
            return SightlineCli.Failed;
        }
        // The addresses bound, so a port of 0 shows the one chosen.
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [settings.Urls];
        await cli.Context.Out.WriteLineAsync($"Serving {settings.Location.Display} at {string.Join(';', addresses)} (Ctrl-C to stop)");
        await host.WaitForShutdownAsync(cancel);
        return 0;
    }
}
