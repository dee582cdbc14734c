using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Audit;
using Sightline.Register;
using Spectre.Console;

namespace Sightline.Devices;

/// <summary>`sightline devices list|show|decommission`.</summary>
public static class DevicesCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("devices", "List, show and decommission devices");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Decommission(cli));
        return command;
    }

    private static readonly string[] ListHeadings = ["ID", "Asset", "Kind", "Brand", "Model", "Firmware", "IP", "System", "Site", "Status"];

    private static Command List(CommandRunner cli)
    {
        var system = new Option<string?>("--system") { Description = "Only devices of this system (name)" };
        var site = new Option<string?>("--site") { Description = "Only devices at this site (name)" };
        var brand = new Option<string?>("--brand") { Description = "Only devices sold under this brand" };
        var kind = new Option<string?>("--kind") { Description = $"Only devices of this kind: {Words.List<DeviceKind>()}" };
        var status = new Option<string?>("--status") { Description = $"Only devices with this status: {Words.List<DeviceStatus>()}" };
        var limit = new Option<int>("--limit") { Description = "Most rows to print", DefaultValueFactory = _ => 200 };
        var command = new Command("list", "Print a table of devices") { system, site, brand, kind, status, limit };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var query = db.Devices.AsNoTracking();
            if (parse.GetValue(kind) is { } kindText)
            {
                if (Words.Parse<DeviceKind>(kindText) is not { } k)
                {
                    return cli.Fail($"unknown kind '{kindText}'; use one of {Words.List<DeviceKind>()}");
                }
                query = query.Where(d => d.Kind == k);
            }
            if (parse.GetValue(status) is { } statusText)
            {
                if (Words.Parse<DeviceStatus>(statusText) is not { } s)
                {
                    return cli.Fail($"unknown status '{statusText}'; use one of {Words.List<DeviceStatus>()}");
                }
                query = query.Where(d => d.Status == s);
            }
            if (parse.GetValue(brand) is { } brandText)
            {
                var lower = brandText.ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() on both providers; string.Equals with a comparison it cannot.
                query = query.Where(d => d.BrandAsSold!.ToLower() == lower);
#pragma warning restore CA1862
            }
            if (parse.GetValue(system) is { } systemName)
            {
                var id = await db.Systems.Where(s => s.Name == systemName).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancel);
                if (id is null)
                {
                    return cli.Fail($"there is no system named '{systemName}'");
                }
                query = query.Where(d => d.SystemId == id);
            }
            if (parse.GetValue(site) is { } siteName)
            {
                var id = await db.Sites.Where(s => s.Name == siteName).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancel);
                if (id is null)
                {
                    return cli.Fail($"there is no site named '{siteName}'");
                }
                query = query.Where(d => d.SiteId == id);
            }
            var total = await query.CountAsync(cancel);
            var devices = await query.OrderBy(d => d.Id).Take(Math.Max(0, parse.GetValue(limit))).ToListAsync(cancel);
            var systems = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
            var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
            var table = new Table().Border(TableBorder.Simple);
            foreach (var heading in ListHeadings)
            {
                table.AddColumn(heading);
            }
            foreach (var d in devices)
            {
                table.AddRow(Cells(d.Id.ToString(CultureInfo.InvariantCulture), d.AssetId, Words.Of(d.Kind), d.BrandAsSold, d.Model, d.Firmware,
                    d.IpAddress, d.SystemId is { } sy ? systems[sy] : null, d.SiteId is { } si ? sites[si] : null, Words.Of(d.Status)));
            }
            cli.Context.Terminal.Write(table);
            cli.Context.Out.WriteLine(devices.Count < total ? $"{devices.Count} of {total} devices shown; use --limit to see more." : $"{total} devices.");
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
            var key = device.Id.ToString(CultureInfo.InvariantCulture);
            var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "device" && a.EntityId == key)
                .OrderBy(a => a.Sequence).ToListAsync(cancel);
            cli.Context.Out.WriteLine();
            cli.Context.Out.WriteLine("History");
            var table = new Table().Border(TableBorder.Simple).AddColumn("#").AddColumn("time (UTC)").AddColumn("actor").AddColumn("action").AddColumn("change");
            foreach (var entry in history)
            {
                table.AddRow(Cells(entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    entry.Actor, entry.Action, entry.Before is null ? entry.After : $"{entry.Before} → {entry.After}"));
            }
            cli.Context.Terminal.Write(table);
            return 0;
        }, cancel));
        return command;
    }

    private static Command Decommission(CommandRunner cli)
    {
        var id = new Argument<string>("ID") { Description = "Device ID, or asset id" };
        var reason = new Option<string>("--reason") { Description = "Why it was taken out of service (recorded in the audit log)", Required = true };
        var command = new Command("decommission", "Take a device out of service; it stays on the record") { id, reason };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            await using var write = await RegisterWrite.BeginAsync(db, cli.Context.Time, actor, cancel);
            if (await FindAsync(db, parse.GetValue(id)!, cancel) is not { } device)
            {
                return cli.Fail($"there is no device with ID or asset id '{parse.GetValue(id)}'");
            }
            if (device.Status == DeviceStatus.Decommissioned)
            {
                return cli.Fail($"device {device.Id} is already decommissioned");
            }
            var before = Words.Of(device.Status);
            await db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeviceStatus.Decommissioned), cancel);
            write.Record("decommission", "device", device.Id.ToString(CultureInfo.InvariantCulture),
                AuditJson.Of(("status", before)), AuditJson.Of(("status", "decommissioned"), ("reason", parse.GetValue(reason))));
            await write.CommitAsync(cancel);
            cli.Context.Out.WriteLine($"Device {device.Id} is decommissioned.");
            return 0;
        }, cancel));
        return command;
    }

    private static async Task<Device?> FindAsync(RegisterDb db, string key, CancellationToken cancel) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == number, cancel)
                ?? await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.AssetId == key, cancel)
            : await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.AssetId == key, cancel);

    // Device data is hostile: Text renders it literally, never as Spectre markup.
    private static Spectre.Console.Rendering.IRenderable[] Cells(params string?[] values) =>
        values.Select(v => (Spectre.Console.Rendering.IRenderable)new Text(v ?? "")).ToArray();
}
