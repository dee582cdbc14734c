using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Data.Procurement;
using Sightline.Register;

namespace Sightline.Procurement;

/// <summary>
/// `sightline suppliers add|list|show|edit|link-device|questionnaire`: suppliers, the devices they delivered or maintain,
/// and due-diligence questionnaires with their answers and refusals. A refusal, or silence past the deadline, is a finding.
/// </summary>
public static class SuppliersCommand
{
    /// <summary>How many of a supplier's devices `show` lists.</summary>
    public const int DevicesShown = 50;

    public static Command Create(CommandRunner cli)
    {
        var command = new Command("suppliers", "Suppliers (makers, distributors, integrators, installers, maintainers) and their due diligence");
        command.Subcommands.Add(Add(cli));
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Edit(cli));
        command.Subcommands.Add(LinkDevice(cli));
        command.Subcommands.Add(QuestionnaireCommand.Create(cli));
        return command;
    }

    private static Command Add(CommandRunner cli)
    {
        var fields = new FieldOptions<Supplier>(SupplierRecords.Fields(null));
        var command = new Command("add", "Record a supplier (legal name, country and roles required); audited");
        fields.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var outcome = await SupplierRecords.AddAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, fields.Given(parse), cancel);
            if (!outcome.Succeeded)
            {
                return cli.Fail(string.Join("; ", outcome.Problems.Select(p => p.Message)));
            }
            cli.Context.Out.WriteLine($"Supplier {SupplierRecords.Key(outcome.SupplierId!.Value)} recorded.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Edit(CommandRunner cli)
    {
        var supplier = SupplierArgument();
        var fields = new FieldOptions<Supplier>(SupplierRecords.Fields(null));
        var command = new Command("edit", "Change a supplier's fields (an empty value clears an optional one); audited") { supplier };
        fields.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await FindAsync(cli, db, parse.GetValue(supplier)!, cancel) is not { } found)
            {
                return SightlineCli.ProblemsFound;
            }
            var outcome = await SupplierRecords.SetAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, found.Id, fields.Given(parse), cancel);
            if (!outcome.Succeeded)
            {
                return cli.Fail(string.Join("; ", outcome.Problems.Select(p => p.Message)));
            }
            cli.Context.Out.WriteLine(outcome.Changed ? $"Supplier {SupplierRecords.Key(found.Id)} changed." : "Nothing changed.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var command = new Command("list", "Print the suppliers with their roles, makers and the number of due-diligence findings");
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var today = Today(cli);
            var rows = new List<string[]>();
            foreach (var s in await SupplierRecords.ListAsync(db, cancel))
            {
                var record = await DueDiligence.RecordAsync(db, s, today, cancel);
                rows.Add([SupplierRecords.Key(s.Id), s.LegalName, s.Country, s.Roles.Replace(";", ", ", StringComparison.Ordinal),
                    s.Makers.Replace(";", ", ", StringComparison.Ordinal), DueDiligence.StatusOf(record), record.Findings.Count.ToString(CultureInfo.InvariantCulture)]);
            }
            SystemsCommand.Table(cli.Context.Out, ["ID", "Legal name", "Country", "Roles", "Makers", "Questionnaire", "Findings"], rows);
            return 0;
        }, cancel));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var supplier = SupplierArgument();
        var command = new Command("show", "Print a supplier: its fields, findings, questionnaires with replies, and the devices it supplied") { supplier };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (await FindAsync(cli, db, parse.GetValue(supplier)!, cancel) is not { } found)
            {
                return SightlineCli.ProblemsFound;
            }
            var output = cli.Context.Out;
            var record = await DueDiligence.RecordAsync(db, found, Today(cli), cancel);
            output.WriteLine($"Supplier {SupplierRecords.Key(found.Id)}");
            RecordText.Print(output, found, SupplierRecords.Fields(null), "  ");
            output.WriteLine(record.Findings.Count == 0 ? "Findings: none" : "Findings:");
            foreach (var finding in record.Findings)
            {
                output.WriteLine($"  {Day(finding.Day)} {finding.Kind}: {finding.Text}");
            }
            foreach (var (questionnaire, replies) in record.Questionnaires)
            {
                output.WriteLine($"Questionnaire {SupplierRecords.Key(questionnaire.Id)} ({questionnaire.SetId} {questionnaire.Version}): sent {Day(questionnaire.Sent)}, deadline {Day(questionnaire.Deadline)}");
                foreach (var reply in replies)
                {
                    var what = reply.Declined ? "declined" : "answered";
                    var evidence = reply.Evidence is null ? "" : $" [evidence: {reply.Evidence}]";
                    output.WriteLine($"  {Day(reply.Received)} {reply.QuestionId ?? "all"} {what}{(reply.Text is null ? "" : ": " + reply.Text)}{evidence}");
                }
            }
            var devices = await SupplierDevices.ListAsync(db, found, DevicesShown, cancel);
            var total = await SupplierDevices.Of(db, found).CountAsync(cancel);
            output.WriteLine($"Devices: {total.ToString(CultureInfo.InvariantCulture)}{(total > devices.Count ? $" (the first {devices.Count} listed)" : "")}");
            foreach (var d in devices)
            {
                output.WriteLine($"  {d.DeviceId.ToString(CultureInfo.InvariantCulture)} {d.AssetId ?? "-"} {d.Model ?? "-"} ({d.How})");
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command LinkDevice(CommandRunner cli)
    {
        var supplier = SupplierArgument();
        var device = new Argument<string>("DEVICE") { Description = "The device's ID or asset id" };
        var link = new Option<string>("--as") { Description = "delivered or maintains", DefaultValueFactory = _ => "delivered" };
        var command = new Command("link-device", "Record that a supplier delivered or maintains a device (beside the devices whose installer names it); audited")
        {
            supplier, device, link,
        };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await FindAsync(cli, db, parse.GetValue(supplier)!, cancel) is not { } found)
            {
                return SightlineCli.ProblemsFound;
            }
            if (await SupplierDevices.LinkAsync(db, cli.Context.Time, actor, found.Id, parse.GetValue(device)!, parse.GetValue(link)!, cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Device {parse.GetValue(device)} linked to supplier {SupplierRecords.Key(found.Id)} as {parse.GetValue(link)}.");
            return 0;
        }, cancel));
        return command;
    }

    /// <summary>The SUPPLIER argument: an ID, legal name or trading name.</summary>
    internal static Argument<string> SupplierArgument() => new("SUPPLIER") { Description = "The supplier's ID, legal name or trading name" };

    /// <summary>The supplier named on the command line, or null after saying there is none.</summary>
    internal static async Task<Supplier?> FindAsync(CommandRunner cli, RegisterDb db, string key, CancellationToken cancel)
    {
        if (await SupplierRecords.FindAsync(db, key, cancel) is { } found)
        {
            return found;
        }
        cli.Fail($"there is no supplier '{key}'; see `sightline suppliers list`");
        return null;
    }

    internal static DateOnly Today(CommandRunner cli) => DateOnly.FromDateTime(cli.Context.Time.GetUtcNow().UtcDateTime);

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
