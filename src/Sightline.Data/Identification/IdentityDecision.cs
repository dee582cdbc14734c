using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Data.Identification;

/// <summary>
/// A person's decision on who made a device (or its withdrawal), recorded in one register write with an audit
/// entry, and the device's stored identity worked out again. Shared by `devices override` and the web.
/// </summary>
public static class IdentityDecision
{
    /// <summary>What was decided, or why nothing was.</summary>
    public sealed record Outcome(string? Error, int DeviceId, Maker? Decided, DeviceIdentity? Identity);

    /// <summary>
    /// Sets the platform maker of the device with ID or asset id <paramref name="deviceKey"/> to <paramref name="maker"/>
    /// (an id or name the knowledge knows), or withdraws the decision when it is null.
    /// </summary>
    public static async Task<Outcome> RecordAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor,
        string deviceKey, string? maker, string reason, CancellationToken cancel)
    {
        var why = reason.Trim();
        if (why.Length == 0)
        {
            return Failed("give a reason: it is what makes the decision defensible");
        }
        var decided = maker is null ? null : knowledge.FindMaker(maker);
        if (maker is not null && decided is null)
        {
            return Failed($"'{maker}' is not a maker Sightline knows; see `sightline kb list makers`");
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await FindDeviceAsync(db, deviceKey, cancel) is not { } device)
        {
            return Failed($"there is no device with ID or asset id '{deviceKey}'");
        }
        var previous = await db.Overrides.SingleOrDefaultAsync(o => o.DeviceId == device.Id, cancel);
        var stored = await db.Identities.AsNoTracking().SingleOrDefaultAsync(i => i.DeviceId == device.Id, cancel);
        if (decided is null && previous is null)
        {
            return Failed($"device {device.Id} has no decision to withdraw");
        }
        var before = AuditJson.Of(("platform", previous?.Maker ?? stored?.Platform), ("decided", previous is null ? "no" : "yes"));
        if (previous is not null)
        {
            db.Overrides.Remove(previous);
            await db.SaveChangesAsync(cancel);
        }
        if (decided is not null)
        {
            db.Overrides.Add(new IdentityOverride { DeviceId = device.Id, Maker = decided.Id, Reason = why, Actor = actor, Time = time.GetUtcNow() });
        }
        await db.SaveChangesAsync(cancel);
        var identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
        var identity = identifier.Identify(device, await RegisterIdentifier.StoredAsync(db, device.Id, cancel));
        await db.Identities.Where(i => i.DeviceId == device.Id).ExecuteDeleteAsync(cancel);
        db.Identities.Add(identity);
        write.Record(decided is null ? "override-withdrawn" : "override", "device", device.Id.ToString(CultureInfo.InvariantCulture),
            before, AuditJson.Of(("platform", identity.Platform), ("reason", why)));
        await write.CommitAsync(cancel);
        return new Outcome(null, device.Id, decided, identity);
    }

    /// <summary>The device with this ID, else this asset id.</summary>
    public static async Task<Device?> FindDeviceAsync(RegisterDb db, string key, CancellationToken cancel) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == number, cancel)
                ?? await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.AssetId == key, cancel)
            : await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.AssetId == key, cancel);

    private static Outcome Failed(string message) => new(message, 0, null, null);
}
