using System.CommandLine;
using System.Text;
using System.Text.Json;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data.Remediation;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Remediation;

/// <summary>
/// `sightline remediation add|list|set|exception`: the plan for flagged devices — a disposition per device or group, with
/// owner, target, cost and status; overdue lines and the UK sensitive-site blocker shown; every change audited.
/// </summary>
public static class RemediationCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("remediation", "The remediation plan for flagged devices: remove now, isolate, replace at end of life, or accept with a justification");
        command.Subcommands.Add(Add(cli));
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Set(cli));
        command.Subcommands.Add(Exception(cli));
        return command;
    }

    private sealed record ValueOptions(Option<string?> Disposition, Option<string?> Justification, Option<string?> Owner, Option<string?> Target,
        Option<string?> Cost, Option<string?> Status)
    {
        public static ValueOptions Make() => new(
            new Option<string?>("--disposition") { Description = $"What is to be done: {Words.List<Disposition>()}" },
            new Option<string?>("--justification") { Description = "Why the device is kept (required for accept)" },
            new Option<string?>("--owner") { Description = "The person or team responsible" },
            new Option<string?>("--target") { Description = "The day it should be done by, YYYY-MM-DD (required unless accept)" },
            new Option<string?>("--cost") { Description = "Estimated cost per device, in pounds (e.g. 1200 or 1,200.50)" },
            new Option<string?>("--status") { Description = $"How far it has gone: {Words.List<RemediationStatus>()}" });

        public void AddTo(Command command)
        {
            foreach (var option in new[] { Disposition, Justification, Owner, Target, Cost, Status })
            {
                command.Options.Add(option);
            }
        }

        public RemediationValues Read(ParseResult parse) => new()
        {
            Disposition = parse.GetValue(Disposition), Justification = parse.GetValue(Justification), Owner = parse.GetValue(Owner),
            Target = parse.GetValue(Target), Cost = parse.GetValue(Cost), Status = parse.GetValue(Status),
        };
    }

    private static (Option<string?> By, Option<string?> Reason, Option<string?> Date) ExceptionOptions() => (
        new Option<string?>("--exception-by") { Description = "Who granted an exception to the UK sensitive-site rule" },
        new Option<string?>("--exception-reason") { Description = "Why the exception was granted" },
        new Option<string?>("--exception-date") { Description = "When it was granted, YYYY-MM-DD (default today)" });

    private static Command Add(CommandRunner cli)
    {
        var device = new Option<string?>("--device") { Description = "One device (ID or asset id)" };
        var site = new Option<string?>("--site") { Description = "Every flagged device in service at this site (name)" };
        var system = new Option<string?>("--system") { Description = "Every flagged device in service in this system (name)" };
        var model = new Option<string?>("--model") { Description = "Every flagged device in service of this model" };
        var values = ValueOptions.Make();
        var (by, reason, date) = ExceptionOptions();
        var command = new Command("add", "Plan a device, or a site's, system's or model's flagged devices (owner required; a target unless accept); audited")
            { device, site, system, model, by, reason, date };
        values.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var groups = new[] { (PlanGroup.Device, device), (PlanGroup.Site, site), (PlanGroup.System, system), (PlanGroup.Model, model) }
                .Where(g => parse.GetValue(g.Item2) is not null).Select(g => new PlanGroup(g.Item1, parse.GetValue(g.Item2)!)).ToList();
            if (groups.Count != 1)
            {
                return cli.Fail("name exactly one of --device, --site, --system or --model");
            }
            var given = values.Read(parse) with
            {
                ExceptionBy = parse.GetValue(by), ExceptionReason = parse.GetValue(reason), ExceptionDate = parse.GetValue(date),
            };
            if (given.Disposition is null)
            {
                return cli.Fail($"--disposition is required: {Words.List<Disposition>()}");
            }
            var (added, left, problem) = await RemediationPlan.AddAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, groups[0], given, cancel);
            if (problem is not null)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"{Words.Count(added, "devices")} added to the plan{(left > 0 ? $"; {left} already in it, left as they were" : "")}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Set(CommandRunner cli)
    {
        var device = new Argument<string>("DEVICE") { Description = "Device ID, or asset id" };
        var values = ValueOptions.Make();
        var command = new Command("set", "Change a device's line in the plan (an empty value clears an optional one); audited") { device };
        values.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var (changed, problem) = await RemediationPlan.SetAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, parse.GetValue(device)!, values.Read(parse), cancel);
            if (problem is not null)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine(changed ? $"Plan line for {parse.GetValue(device)} changed." : "Nothing changed.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Exception(CommandRunner cli)
    {
        var device = new Argument<string>("DEVICE") { Description = "Device ID, or asset id" };
        var by = new Option<string>("--by") { Description = "Who granted the exception", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why it was granted", Required = true };
        var date = new Option<string?>("--date") { Description = "When it was granted, YYYY-MM-DD (default today)" };
        var command = new Command("exception", "Record an exception to the UK sensitive-site rule for a planned device (who, why, when); audited") { device, by, reason, date };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var values = new RemediationValues { ExceptionBy = parse.GetValue(by), ExceptionReason = parse.GetValue(reason), ExceptionDate = parse.GetValue(date) };
            var (changed, problem) = await RemediationPlan.SetAsync(db, cli.Knowledge(parse), cli.Context.Time, actor, parse.GetValue(device)!, values, cancel);
            if (problem is not null)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine(changed ? $"Exception recorded for {parse.GetValue(device)}." : "Nothing changed.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only lines past their target and not done" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array: one object per planned device" };
        var command = new Command("list", "Print the plan: each device's disposition, owner, target, cost, status, blocker and whether it is overdue") { overdue, json };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var today = DateOnly.FromDateTime(cli.Context.Time.GetUtcNow().UtcDateTime);
            var plan = (await RemediationPlan.ListAsync(db, cli.Knowledge(parse), today, cancel)).Where(p => !parse.GetValue(overdue) || p.Overdue).ToList();
            if (parse.GetValue(json))
            {
                await cli.Context.Data.WriteLineAsync(Json(plan));
                return 0;
            }
            var rows = plan.ConvertAll(p => new[]
            {
                p.Device, p.Maker ?? "unknown", Words.Of(p.Item.Disposition), p.Item.Owner, p.Item.TargetDate is { } t ? RemediationPlan.Day(t) : "-",
                p.Item.Cost is { } c ? "£" + RemediationPlan.Pounds(c) : "-", Words.Of(p.Item.Status), p.Overdue ? "OVERDUE" : "",
                p.Blocker is { } b ? $"sensitive site: {Words.Of(b)}" : "",
            });
            SystemsCommand.Table(cli.Context.Out, ["Device", "Platform maker", "Disposition", "Owner", "Target", "Cost", "Status", "Overdue", "Blocker"], rows);
            var total = plan.Sum(p => p.Item.Cost ?? 0);
            cli.Context.Out.WriteLine($"{Words.Count(plan.Count, "devices")} planned, estimated £{RemediationPlan.Pounds(total)}; " +
                $"{plan.Count(p => p.Overdue)} overdue, {plan.Count(p => p.Blocker == BlockerState.Open)} with an open sensitive-site blocker.");
            return 0;
        }, cancel));
        return command;
    }

    private static string Json(List<PlannedDevice> plan)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var p in plan)
            {
                json.WriteStartObject();
                json.WriteString("device", p.Device);
                json.WriteNumber("deviceId", p.Item.DeviceId);
                json.WriteString("maker", p.Maker);
                json.WriteString("disposition", Words.Of(p.Item.Disposition));
                json.WriteString("justification", p.Item.Justification);
                json.WriteString("owner", p.Item.Owner);
                json.WriteString("targetDate", p.Item.TargetDate is { } t ? RemediationPlan.Day(t) : null);
                if (p.Item.Cost is { } cost)
                {
                    json.WriteNumber("cost", cost);
                }
                else
                {
                    json.WriteNull("cost");
                }
                json.WriteString("status", Words.Of(p.Item.Status));
                json.WriteBoolean("overdue", p.Overdue);
                json.WriteString("blocker", p.Blocker is { } b ? Words.Of(b) : null);
                json.WriteStartArray("flagged");
                foreach (var dimension in RiskAssessor.Dimensions.Where(d => p.Flags.HasFlag(d)))
                {
                    json.WriteStringValue(RiskAssessor.Words(dimension));
                }
                json.WriteEndArray();
                json.WriteString("group", p.Item.Group);
                if (p.Item.ExceptionBy is not null)
                {
                    json.WriteStartObject("exception");
                    json.WriteString("by", p.Item.ExceptionBy);
                    json.WriteString("reason", p.Item.ExceptionReason);
                    json.WriteString("date", p.Item.ExceptionDate is { } d ? RemediationPlan.Day(d) : null);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
