using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data.Scanning;
using Sightline.Identifying;
using Sightline.Register;
using Spectre.Console;

namespace Sightline.Devices;

/// <summary>
/// `sightline devices findings` (the hosts a scan found, devices or not) and `sightline devices add-from-scan SCAN-ID
/// ADDRESS` (a person makes a device of a host the scan did not register).
/// </summary>
public static class ScanFindingsCommand
{
    public static Command Findings(CommandRunner cli)
    {
        var scan = new Option<long?>("--scan") { Description = "The scan's id (the # of `sightline audit --action scan`); the latest scan when not given" };
        var unregistered = new Option<bool>("--unregistered") { Description = "Only hosts the scan did not register as devices" };
        var command = new Command("findings", "Print what a scan found at each host, with its notes and what the register did") { scan, unregistered };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var id = parse.GetValue(scan) ?? await db.ScanFindings.MaxAsync(f => (long?)f.Scan, cancel);
            if (id is null || !await db.ScanFindings.AnyAsync(f => f.Scan == id, cancel))
            {
                return cli.Fail(id is null ? "no scan has recorded findings yet" : $"there is no scan {id} with findings");
            }
            var query = db.ScanFindings.AsNoTracking().Where(f => f.Scan == id);
            if (parse.GetValue(unregistered))
            {
                query = query.Where(f => f.DeviceId == null);
            }
            var findings = (await query.ToListAsync(cancel)).OrderBy(f => IPAddress.Parse(f.Address).GetAddressBytes(), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ToList();
            var knowledge = cli.Knowledge(parse);
            var table = new Table().Border(TableBorder.Simple);
            foreach (var heading in (string[])["Address", "Open ports", "Platform maker", "Brand", "Model", "Class", "Register", "Device", "Notes"])
            {
                table.AddColumn(heading);
            }
            foreach (var f in findings)
            {
                var platform = f.Platform is { } maker ? knowledge.Makers.GetValueOrDefault(maker)?.Name ?? maker : "unknown";
                table.AddRow(new[] { f.Address, f.OpenPorts, platform, f.Brand ?? "", f.Model ?? "", f.DeviceClass ?? "", f.Register,
                        f.DeviceId?.ToString(CultureInfo.InvariantCulture) ?? "", string.Join("; ", f.ReadNotes()) }
                    .Select(TerminalText.Cell).ToArray());
            }
            cli.Context.Out.WriteLine($"Scan {id}:");
            cli.Context.Terminal.Write(table);
            cli.Context.Out.WriteLine($"{findings.Count} hosts, {findings.Count(f => f.DeviceId is null)} not registered.");
            return 0;
        }, cancel));
        return command;
    }

    public static Command AddFromScan(CommandRunner cli)
    {
        var scan = new Argument<long>("SCAN-ID") { Description = "The scan's id (see `sightline devices findings`)" };
        var address = new Argument<string>("ADDRESS") { Description = "The host's address in that scan" };
        var kind = new Option<string?>("--kind") { Description = $"The device's kind ({Words.List<DeviceKind>()}); else what the scan found its class to be" };
        var command = new Command("add-from-scan", "Register a host a scan found but did not register, with its observations") { scan, address, kind };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            DeviceKind? chosen = null;
            if (parse.GetValue(kind) is { } kindText)
            {
                chosen = Words.Parse<DeviceKind>(kindText);
                if (chosen is null)
                {
                    return cli.Fail($"--kind: '{kindText}' is not a kind; use one of {Words.List<DeviceKind>()}");
                }
            }
            var text = parse.GetValue(address)!;
            if (!IPAddress.TryParse(text, out var ip))
            {
                return cli.Fail($"ADDRESS: '{text}' is not an IP address");
            }
            var (device, error) = await ScanRecord.PromoteAsync(db, cli.Knowledge(parse), parse.GetValue(scan), ip.ToString(), chosen, cli.Context.Time, actor, cancel);
            if (error is not null)
            {
                return cli.Fail(error);
            }
            cli.Context.Out.WriteLine($"Device {device!.Id} ({Words.Of(device.Kind)}) created from {ip} in scan {parse.GetValue(scan)}, with its observations; on the record.");
            return 0;
        }, cancel));
        return command;
    }
}
