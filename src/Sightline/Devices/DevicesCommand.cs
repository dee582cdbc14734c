using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Audit;
using Sightline.Data.Identification;
using Sightline.Data.Register;
using Sightline.Identification;
using Sightline.Identifying;
using Sightline.Register;
using Sightline.Risk;
using Spectre.Console;

namespace Sightline.Devices;

/// <summary>`sightline devices list|show|decommission|return|override|findings|add-from-scan`.</summary>
public static class DevicesCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("devices", "List, show, decommission and return devices; register hosts a scan found");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Decommission(cli));
        command.Subcommands.Add(Return(cli));
        command.Subcommands.Add(OverrideCommand.Create(cli));
        command.Subcommands.Add(ScanFindingsCommand.Findings(cli));
        command.Subcommands.Add(ScanFindingsCommand.AddFromScan(cli));
        return command;
    }

    private static readonly string[] ListHeadings = ["ID", "Asset", "Kind", "Brand", "Model", "Firmware", "IP", "System", "Site", "Status", "Platform maker", "Flags"];

    private static Command List(CommandRunner cli)
    {
        var system = new Option<string?>("--system") { Description = "Only devices of this system (name)" };
        var site = new Option<string?>("--site") { Description = "Only devices at this site (name)" };
        var brand = new Option<string?>("--brand") { Description = "Only devices sold under this brand" };
        var kind = new Option<string?>("--kind") { Description = $"Only devices of this kind: {Words.List<DeviceKind>()}" };
        var status = new Option<string?>("--status") { Description = $"Only devices with this status: {Words.List<DeviceStatus>()}" };
        var maker = new Option<string?>("--maker") { Description = "Only devices whose identified platform maker is this company or one it owns (not the label)" };
        var flagged = new Option<string?>("--flagged")
        {
            Description = "Only devices with a risk that applies: in any dimension, or in one (human-rights, security, cyber)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var whiteLabel = new Option<bool>("--white-label") { Description = "Only devices suspected to be white-labelled" };
        var search = new Option<string?>("--search")
        {
            Description = "Only devices whose asset id, serial, IP or MAC is TEXT, or whose model or site name contains it (as the web's search box)",
        };
        var limit = new Option<int>("--limit") { Description = "Most rows to print", DefaultValueFactory = _ => 200 };
        var command = new Command("list", "Print a table of devices") { system, site, brand, maker, kind, status, flagged, whiteLabel, search, limit };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var filter = new DeviceFilter
            {
                System = parse.GetValue(system),
                Site = parse.GetValue(site),
                Brand = parse.GetValue(brand),
                Maker = parse.GetValue(maker),
                Kind = parse.GetValue(kind),
                Status = parse.GetValue(status),
                Flagged = parse.GetResult(flagged) is null ? null : parse.GetValue(flagged) ?? "",
                WhiteLabel = parse.GetValue(whiteLabel),
                Search = parse.GetValue(search),
            };
            var (found, error) = await filter.ApplyAsync(db, () => cli.Knowledge(parse), cancel);
            if (found is null)
            {
                return cli.Fail(error!);
            }
            var identities = db.Identities.AsNoTracking();
            var total = await found.Counted.CountAsync(cancel);
            var devices = await DeviceOrder.ById.PageAsync(db, found, null, null, Math.Max(0, parse.GetValue(limit)), cancel) ?? [];
            var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
            var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
            var shown = devices.ConvertAll(d => d.Id);
            var identified = await identities.Where(i => shown.Contains(i.DeviceId)).ToDictionaryAsync(i => i.DeviceId, cancel);
            var makerNames = MakerNames(cli, parse, identified.Values);
            var table = new Table().Border(TableBorder.Simple);
            foreach (var heading in ListHeadings)
            {
                table.AddColumn(heading);
            }
            foreach (var d in devices)
            {
                table.AddRow(Cells(d.Id.ToString(CultureInfo.InvariantCulture), d.AssetId, Words.Of(d.Kind), d.BrandAsSold, d.Model, d.Firmware,
                    d.IpAddress, d.SystemId is { } sy ? systems[sy] : null, d.SiteId is { } si ? sites[si] : null, Words.Of(d.Status),
                    identified.TryGetValue(d.Id, out var identity) ? PlatformText(identity, makerNames) : "not identified",
                    identity is null ? null : FlagsText(identity)));
            }
            cli.Context.Terminal.Write(table);
            cli.Context.Out.WriteLine(devices.Count < total ? $"{devices.Count} of {total} devices shown; use --limit to see more." : $"{Words.Count(total, "devices")}.");
            if (identified.Values.Any(i => i.Flags != RiskDimension.None))
            {
                cli.Context.Out.WriteLine("Flags: HR human rights and ethics, SEC security and trust, CYB cyber hygiene (see `sightline devices show ID`).");
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var id = new Argument<string>("ID") { Description = "Device ID, or asset id" };
        var command = new Command("show", "Print one device with its history") { id };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (await FindAsync(db, parse.GetValue(id)!, cancel) is not { } device)
            {
                return cli.Fail($"there is no device with ID or asset id '{parse.GetValue(id)}'");
            }
            var systemName = device.SystemId is { } sy ? await db.Systems.Where(s => s.Id == sy).Select(s => s.Name).SingleAsync(cancel) : null;
            var siteName = device.SiteId is { } si ? await db.Sites.Where(s => s.Id == si).Select(s => s.Name).SingleAsync(cancel) : null;
            var values = DeviceValues.From(device, systemName, siteName);
            var fields = new Table().Border(TableBorder.None).HideHeaders().AddColumn("field").AddColumn("value");
            fields.AddRow(Cells("id", device.Id.ToString(CultureInfo.InvariantCulture)));
            for (var i = 0; i < DeviceColumns.Count; i++)
            {
                if (values[(DeviceColumn)i] is { } value)
                {
                    fields.AddRow(Cells(DeviceColumns.Names[i], value));
                }
            }
            foreach (var (name, value) in values.Attributes)
            {
                fields.AddRow(Cells(name, value));
            }
            cli.Context.Terminal.Write(fields);
            await DeviceIdentification.WriteAsync(cli, parse, db, device, cancel);
            var key = device.Id.ToString(CultureInfo.InvariantCulture);
            var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "device" && a.EntityId == key)
                .OrderBy(a => a.Sequence).ToListAsync(cancel);
            cli.Context.Out.WriteLine();
            cli.Context.Out.WriteLine("History");
            var table = new Table().Border(TableBorder.Simple).AddColumn("#").AddColumn("time (UTC)").AddColumn("actor").AddColumn("action").AddColumn("change");
            foreach (var entry in history)
            {
                table.AddRow(Cells(entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    entry.Actor, entry.Action, string.Join("; ", AuditChange.Describe(entry.Before, entry.After))));
            }
            cli.Context.Terminal.Write(table);
            return 0;
        }, cancel));
        return command;
    }

    private static Command Decommission(CommandRunner cli) =>
        StatusCommand(cli, "decommission", "Take a device out of service; it stays on the record", "Why it was taken out of service (recorded in the audit log)",
            DeviceStatus.Decommissioned, "is decommissioned");

    private static Command Return(CommandRunner cli) =>
        StatusCommand(cli, "return", "Bring a decommissioned device back into service", "Why it is back in service (recorded in the audit log)",
            DeviceStatus.Active, "is back in service");

    // The web's Decommission and Return buttons make the same change through DeviceEdits.
    private static Command StatusCommand(CommandRunner cli, string name, string description, string why, DeviceStatus status, string done)
    {
        var id = new Argument<string>("ID") { Description = "Device ID, or asset id" };
        var reason = new Option<string>("--reason") { Description = why, Required = true };
        var command = new Command(name, description) { id, reason };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var outcome = await DeviceEdits.SetStatusAsync(db, cli.Context.Time, actor, parse.GetValue(id)!, status, parse.GetValue(reason), version: null, cancel);
            if (!outcome.Succeeded)
            {
                return cli.Fail(outcome.Problems[0].Message);
            }
            cli.Context.Out.WriteLine($"Device {outcome.DeviceId} {done}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Dictionary<string, string> MakerNames(CommandRunner cli, ParseResult parse, IEnumerable<DeviceIdentity> identities)
    {
        var ids = identities.Select(i => i.Platform).OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var knowledge = cli.Knowledge(parse);
        return ids.ToDictionary(id => id, id => knowledge.Makers.TryGetValue(id, out var m) ? m.Name : id);
    }

    private static string PlatformText(DeviceIdentity identity, Dictionary<string, string> names)
    {
        if (identity.Platform is not { } platform)
        {
            return identity.DeviceClass is { } c && !DeviceClasses.Surveillance.Contains(c) ? $"({c})" : "unknown";
        }
        var word = identity.Overridden ? "set by a person" : Identifier.ConfidenceWord(identity.Confidence);
        return $"{names[platform]} ({word}){(identity.WhiteLabel ? " white label?" : "")}";
    }

    private static string FlagsText(DeviceIdentity identity) => string.Join(' ', new[]
    {
        identity.Flags.HasFlag(RiskDimension.HumanRights) ? "HR" : null,
        identity.Flags.HasFlag(RiskDimension.SecurityTrust) ? "SEC" : null,
        identity.Flags.HasFlag(RiskDimension.CyberHygiene) ? "CYB" : null,
    }.OfType<string>());

    internal static Task<Device?> FindAsync(RegisterDb db, string key, CancellationToken cancel) =>
        IdentityDecision.FindDeviceAsync(db, key, cancel);

    // Device data is hostile: shown literally, never as Spectre markup nor as control characters.
    internal static Spectre.Console.Rendering.IRenderable[] Cells(params string?[] values) => TerminalText.Cells(values);
}
