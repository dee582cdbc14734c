using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Audit;
using Sightline.Data.Identification;
using Sightline.Identification;

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
            var why = parse.GetValue(reason)!.Trim();
            if (why.Length == 0)
            {
                return cli.Fail("give a reason: it is what makes the decision defensible");
            }
            if (parse.GetValue(maker) is null == !parse.GetValue(clear))
            {
                return cli.Fail("give either --maker or --clear");
            }
            var decided = parse.GetValue(maker) is { } name ? knowledge.FindMaker(name) : null;
            if (parse.GetValue(maker) is { } wanted && decided is null)
            {
                return cli.Fail($"'{wanted}' is not a maker Sightline knows; see `sightline kb list makers`");
            }
            await using var write = await RegisterWrite.BeginAsync(db, cli.Context.Time, actor, cancel);
            if (await DevicesCommand.FindAsync(db, parse.GetValue(id)!, cancel) is not { } device)
            {
                return cli.Fail($"there is no device with ID or asset id '{parse.GetValue(id)}'");
            }
            var previous = await db.Overrides.SingleOrDefaultAsync(o => o.DeviceId == device.Id, cancel);
            var stored = await db.Identities.AsNoTracking().SingleOrDefaultAsync(i => i.DeviceId == device.Id, cancel);
            if (decided is null && previous is null)
            {
                return cli.Fail($"device {device.Id} has no decision to withdraw");
            }
            var before = AuditJson.Of(("platform", previous?.Maker ?? stored?.Platform), ("decided", previous is null ? "no" : "yes"));
            if (previous is not null)
            {
                db.Overrides.Remove(previous);
                await db.SaveChangesAsync(cancel);
            }
            if (decided is not null)
            {
                db.Overrides.Add(new IdentityOverride { DeviceId = device.Id, Maker = decided.Id, Reason = why, Actor = actor, Time = cli.Context.Time.GetUtcNow() });
            }
            await db.SaveChangesAsync(cancel);
            var identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
            var identity = identifier.Identify(device, await RegisterIdentifier.StoredAsync(db, device.Id, cancel));
            await db.Identities.Where(i => i.DeviceId == device.Id).ExecuteDeleteAsync(cancel);
            db.Identities.Add(identity);
            write.Record(decided is null ? "override-withdrawn" : "override", "device", device.Id.ToString(CultureInfo.InvariantCulture),
                before, AuditJson.Of(("platform", identity.Platform), ("reason", why)));
            await write.CommitAsync(cancel);
            cli.Context.Out.WriteLine(decided is null
                ? $"Device {device.Id}: the decision is withdrawn; the evidence now says {identity.Platform ?? "unknown"}."
                : $"Device {device.Id}: platform maker set to {decided.Name}, on the record.");
            return 0;
        }, cancel));
        return command;
    }
}
