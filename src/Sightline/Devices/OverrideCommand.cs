using System.CommandLine;
using Sightline.Cli;
using Sightline.Data.Identification;

namespace Sightline.Devices;

/// <summary>`sightline devices override ID --maker X --reason "…"`: a person's decision on the platform maker, on the record.</summary>
public static class OverrideCommand
{
    public static Command Create(CommandRunner cli)
    {
        var id = new Argument<string>("ID") { Description = "Device ID, or asset id" };
        var maker = new Option<string?>("--maker") { Description = "The platform maker decided on (id or name, see `sightline kb list makers`)" };
        var clear = new Option<bool>("--clear") { Description = "Withdraw an earlier decision, so the evidence decides again" };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the audit log)", Required = true };
        var command = new Command("override", "Record a person's decision on who made a device; the evidence is kept") { id, maker, clear, reason };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var knowledge = cli.Knowledge(parse);
            if (parse.GetValue(maker) is null == !parse.GetValue(clear))
            {
                return cli.Fail("give either --maker or --clear");
            }
            var outcome = await IdentityDecision.RecordAsync(db, knowledge, cli.Context.Time, actor,
                parse.GetValue(id)!, parse.GetValue(maker), parse.GetValue(reason)!, cancel);
            if (outcome.Error is { } error)
            {
                return cli.Fail(error);
            }
            cli.Context.Out.WriteLine(outcome.Decided is null
                ? $"Device {outcome.DeviceId}: the decision is withdrawn; the evidence now says {outcome.Identity!.Platform ?? "unknown"}."
                : $"Device {outcome.DeviceId}: platform maker set to {outcome.Decided.Name}, on the record.");
            return 0;
        }, cancel));
        return command;
    }
}
