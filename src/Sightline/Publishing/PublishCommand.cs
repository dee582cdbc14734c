using System.CommandLine;
using System.Globalization;
using Sightline.Cli;
using Sightline.Data.Publishing;
using Sightline.Publishing;
using Sightline.Register;

namespace Sightline.Publishing;

/// <summary>
/// `sightline publish show|set|clear|site`: what the public site and open data may show — per system and per device the
/// location's precision and the fields withheld, each with its exemption and review day — and whether the site is on,
/// under which licence.
/// </summary>
public static class PublishCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("publish", "Decide what the public site and open data show");
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Set(cli));
        command.Subcommands.Add(Clear(cli));
        command.Subcommands.Add(Site(cli));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var show = new Command("show", "Print the public site's settings and every publication rule");
        show.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var settings = await PublicationRules.SettingsAsync(db, cancel);
            var today = DateOnly.FromDateTime(cli.Context.Time.GetUtcNow().UtcDateTime);
            var output = cli.Context.Out;
            output.WriteLine($"Public site: {(settings.Enabled ? "on" : "off")} (/public)");
            output.WriteLine($"Licence:     {settings.Licence}{(settings.LicenceUrl is { } url ? $" <{url}>" : "")}");
            var rules = await PublicationRules.ListAsync(db, cancel);
            if (rules.Count == 0)
            {
                output.WriteLine("No publication rules: every system's and device's public fields are published, locations exact.");
                return 0;
            }
            output.WriteLine();
            foreach (var (scope, rule) in rules)
            {
                var withheld = PublicationRules.WithheldOf(rule);
                var review = rule.Review is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (day < today ? " (overdue)" : "") : "none";
                // The standard output escapes control characters in names (TerminalWriter).
                output.WriteLine($"{(scope.SystemId is not null ? "system" : "device")} {scope.Name}: "
                    + $"location {(rule.Location is { } level ? Words.Of(level) : scope.SystemId is null ? PublicationRules.Inherit : "exact")}; "
                    + $"withheld {(withheld.Count == 0 ? "nothing" : string.Join(", ", withheld.Select(f => Words.Of(f))))}; "
                    + $"basis {rule.Basis ?? "none"}; review {review}");
            }
            return 0;
        }, cancel));
        return show;
    }

    private static Command Set(CommandRunner cli)
    {
        var (system, device) = ScopeOptions();
        var location = new Option<string?>("--location") { Description = $"Location published: {Words.List<LocationLevel>()} (a device also: {PublicationRules.Inherit})" };
        var withhold = new Option<string[]>("--withhold")
        {
            Description = $"Fields to withhold, repeatable or comma-separated: {Words.List<PublicField>()}",
            AllowMultipleArgumentsPerToken = false,
        };
        var publish = new Option<string[]>("--publish") { Description = "Fields to publish again", AllowMultipleArgumentsPerToken = false };
        var basis = new Option<string?>("--basis") { Description = "The exemption relied on, e.g. \"FOIA s.31(1)(a)\" (needed when anything is withheld or generalised)" };
        var review = new Option<string?>("--review") { Description = "When to review the decision, YYYY-MM-DD (needed with --basis)" };
        var set = new Command("set", "Change what is published of one system or device; the change is audited")
        {
            system, device, location, withhold, publish, basis, review,
        };
        set.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var input = new RuleInput(parse.GetValue(location), parse.GetValue(withhold) ?? [], parse.GetValue(publish) ?? [], parse.GetValue(basis), parse.GetValue(review));
            if (input.Location is null && input.Withhold.Count == 0 && input.Publish.Count == 0 && input.Basis is null && input.Review is null)
            {
                return cli.Fail("say what to change, e.g. --location street --basis \"FOIA s.31(1)(a)\" --review 2027-06-01; see sightline publish set --help");
            }
            var scope = await PublicationRules.ScopeAsync(db, parse.GetValue(system), parse.GetValue(device), cancel);
            var changed = await PublicationRules.SetAsync(db, cli.Context.Time, actor, scope, input, cancel);
            cli.Context.Out.WriteLine(changed ? $"What is published of {scope.Name} is changed, on the record." : "Nothing was changed.");
            return 0;
        }, cancel));
        return set;
    }

    private static Command Clear(CommandRunner cli)
    {
        var (system, device) = ScopeOptions();
        var clear = new Command("clear", "Remove a system's or device's rule, so all its public fields are published; audited") { system, device };
        clear.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var scope = await PublicationRules.ScopeAsync(db, parse.GetValue(system), parse.GetValue(device), cancel);
            var cleared = await PublicationRules.ClearAsync(db, cli.Context.Time, actor, scope, cancel);
            cli.Context.Out.WriteLine(cleared ? $"{scope.Name} has no publication rule now, on the record." : $"{scope.Name} had no publication rule.");
            return 0;
        }, cancel));
        return clear;
    }

    private static Command Site(CommandRunner cli)
    {
        var enable = new Option<bool>("--enable") { Description = "Serve the public site (/public) and open data" };
        var disable = new Option<bool>("--disable") { Description = "Stop serving them" };
        var licence = new Option<string?>("--licence") { Description = $"The open data's licence (default {PublicSettings.DefaultLicence})" };
        var licenceUrl = new Option<string?>("--licence-url") { Description = "Where the licence's text is (an empty value clears it)" };
        var site = new Command("site", "Turn the public site on or off and choose the open data's licence; audited") { enable, disable, licence, licenceUrl };
        site.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (parse.GetValue(enable) && parse.GetValue(disable))
            {
                return cli.Fail("give --enable or --disable, not both");
            }
            bool? enabled = parse.GetValue(enable) ? true : parse.GetValue(disable) ? false : null;
            if (enabled is null && parse.GetValue(licence) is null && parse.GetValue(licenceUrl) is null)
            {
                return cli.Fail("say what to change: --enable, --disable, --licence NAME or --licence-url URL");
            }
            var changed = await PublicationRules.SetSettingsAsync(db, cli.Context.Time, actor, enabled, parse.GetValue(licence), parse.GetValue(licenceUrl), cancel);
            cli.Context.Out.WriteLine(changed ? "The public site's settings are changed, on the record." : "Nothing was changed.");
            return 0;
        }, cancel));
        return site;
    }

    private static (Option<string?> System, Option<string?> Device) ScopeOptions() =>
        (new Option<string?>("--system") { Description = "The system, by name or ID" },
         new Option<string?>("--device") { Description = "The device, by asset id or #ID" });
}
