using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sightline.Data;
using Sightline.Data.Audit;
using Sightline.Data.Register;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Tests.Devices;

/// <summary>A person's changes to one device (the web's Add, Edit and Status pages; `devices decommission|return`), on both providers.</summary>
public sealed class DeviceEditsTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.Load(Repository.Folder("knowledge"));
    private static readonly FakeTimeProvider Time = new(Cli.Start);

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Add_IsCheckedAsAnImportRow_RefusesAnotherDevicesKeys_AndIsAuditedWithANewSite(string provider)
    {
        await using var register = await ThreeDevicesAsync(provider);
        await using var db = await register.OpenAsync();

        var bad = await DeviceEdits.AddAsync(db, Knowledge, Time, "alice",
            Typed((DeviceColumn.AssetId, "CAM-009"), (DeviceColumn.Latitude, "95"), (DeviceColumn.Longitude, "-1.4"), (DeviceColumn.Mac, "00:11:22"),
                (DeviceColumn.InstalledOn, "2031-01-01"), (DeviceColumn.Kind, "camera")), default);
        var taken = await DeviceEdits.AddAsync(db, Knowledge, Time, "alice",
            Typed((DeviceColumn.AssetId, "CAM-009"), (DeviceColumn.Mac, "44-19-b6-00-00-01"), (DeviceColumn.Serial, "DH789"), (DeviceColumn.Kind, "camera")), default);
        var keyless = await DeviceEdits.AddAsync(db, Knowledge, Time, "alice", Typed((DeviceColumn.Kind, "camera"), (DeviceColumn.Brand, "Axis")), default);
        var added = await DeviceEdits.AddAsync(db, Knowledge, Time, "alice",
            Typed((DeviceColumn.AssetId, "CAM-009"), (DeviceColumn.System, "Town Centre CCTV"), (DeviceColumn.Site, "Bus Station"), (DeviceColumn.Kind, "camera"),
                (DeviceColumn.Brand, "Hikvision"), (DeviceColumn.Mac, "44-19-b6-00-00-09"), (DeviceColumn.Capabilities, "audio; ptz")), default);

        Assert.Equal([DeviceColumn.Latitude, DeviceColumn.Mac, DeviceColumn.InstalledOn], bad.Problems.Select(p => p.Column!.Value));
        Assert.Contains("latitude 95 is outside -90 to 90", bad.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'00:11:22' is not a MAC address", bad.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(
            [(DeviceColumn.Mac, "MAC address 44:19:B6:00:00:01 belongs to device 1 (asset CAM-001)"), (DeviceColumn.Serial, "Serial DH789 belongs to device 3 (asset NVR-001)")],
            taken.Problems.Select(p => (p.Column!.Value, p.Message)).OrderBy(p => p.Item2));
        Assert.Null(keyless.Problems.Single().Column);
        Assert.Contains("asset ID, serial or MAC address", keyless.Problems.Single().Message, StringComparison.Ordinal);
        Assert.True(added.Succeeded);
        Assert.Equal(4, added.DeviceId);

        db.ChangeTracker.Clear();
        var device = await db.Devices.SingleAsync(d => d.Id == 4);
        Assert.Equal(("44:19:B6:00:00:09", Capabilities.Audio | Capabilities.Ptz, DeviceStatus.Active), (device.MacAddress, device.Capabilities, device.Status));
        Assert.Equal("Bus Station", (await db.Sites.SingleAsync(s => s.Id == device.SiteId)).Name);
        Assert.Equal(4, await db.Devices.CountAsync()); // the refused ones wrote nothing
        var entries = await db.AuditEntries.Where(a => a.Actor == "alice").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal([("create", "site"), ("create", "device")], entries.Select(a => (a.Action, a.EntityType)));
        Assert.Contains("Site: Bus Station", AuditChange.Describe(entries[1].Before, entries[1].After));
        Assert.Equal("hikvision", (await db.Identities.SingleAsync(i => i.DeviceId == 4)).Platform);
        await Cli.RunAsync(register, "audit", "verify").Ok(); // the hash chain holds
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Edit_RecordsOnlyWhatChanged_ReidentifiesTheDevice_AndRefusesTakenKeysAndStaleForms(string provider)
    {
        await using var register = await ThreeDevicesAsync(provider);
        await using var db = await register.OpenAsync();
        var opened = await FormOfAsync(db, 2);
        var version = opened.Version;

        var taken = await DeviceEdits.EditAsync(db, Knowledge, Time, "alice", 2, version, With(opened.Typed, (DeviceColumn.Mac, "3C:EF:8C:00:00:03")), default);
        var badIp = await DeviceEdits.EditAsync(db, Knowledge, Time, "alice", 2, version, With(opened.Typed, (DeviceColumn.Ip, "10.0.0.300")), default);
        var saved = await DeviceEdits.EditAsync(db, Knowledge, Time, "alice", 2, version,
            With(opened.Typed, (DeviceColumn.Brand, "Dahua"), (DeviceColumn.Firmware, "V5.7.3"), (DeviceColumn.Mac, "3C:EF:8C:00:00:22"), (DeviceColumn.Notes, null)), default);
        var stale = await DeviceEdits.EditAsync(db, Knowledge, Time, "bob", 2, version, With(opened.Typed, (DeviceColumn.Notes, "bob's note")), default);
        var again = await FormOfAsync(db, 2);
        var unchanged = await DeviceEdits.EditAsync(db, Knowledge, Time, "bob", 2, again.Version, again.Typed, default);
        // A second change through the same context (as a long-lived caller would make), from the form as it now is.
        var second = await DeviceEdits.EditAsync(db, Knowledge, Time, "bob", 2, again.Version, With(again.Typed, (DeviceColumn.Installer, "Northmoor Works")), default);

        Assert.Equal("MAC address 3C:EF:8C:00:00:03 belongs to device 3 (asset NVR-001)", taken.Problems.Single().Message);
        Assert.Equal((DeviceColumn?)DeviceColumn.Ip, badIp.Problems.Single().Column);
        Assert.True(saved.Succeeded && saved.Changed);
        Assert.True(stale.Stale);
        Assert.StartsWith("device 2 was changed after you opened it (update by alice at 2026-11-29 09:30 UTC)", stale.Problems.Single().Message, StringComparison.Ordinal);
        Assert.True(unchanged.Succeeded);
        Assert.False(unchanged.Changed);
        Assert.True(second.Succeeded && second.Changed);

        db.ChangeTracker.Clear();
        var device = await db.Devices.SingleAsync(d => d.Id == 2);
        Assert.Equal(("Dahua", "V5.7.3", "3C:EF:8C:00:00:22", "CS-1"), (device.BrandAsSold, device.Firmware, device.MacAddress, device.Attributes["cost_centre"]));
        var update = await db.AuditEntries.SingleAsync(a => a.Actor == "alice");
        Assert.Equal(("update", "2"), (update.Action, update.EntityId));
        Assert.Equal(["Brand as sold LTS → Dahua", "Firmware V5.5.3 → V5.7.3", "MAC address 44:19:B6:00:00:02 → 3C:EF:8C:00:00:22"],
            AuditChange.Describe(update.Before, update.After));
        Assert.Equal(["update"], await db.AuditEntries.Where(a => a.Actor == "bob").Select(a => a.Action).ToListAsync()); // the second change only
        Assert.Equal("dahua", (await db.Identities.SingleAsync(i => i.DeviceId == 2)).Platform); // was hikvision, by the MAC
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Decommission_AndReturn_NeedAReason_RefuseAStaleForm_AndAreOnTheRecord(string provider)
    {
        await using var register = await ThreeDevicesAsync(provider);
        await using var db = await register.OpenAsync();
        var version = (await FormOfAsync(db, 2)).Version;

        var noReason = await DeviceEdits.SetStatusAsync(db, Time, "alice", "2", DeviceStatus.Decommissioned, " ", version, default);
        var done = await DeviceEdits.SetStatusAsync(db, Time, "alice", "CAM-002", DeviceStatus.Decommissioned, "replaced by CAM-010", version, default);
        var twice = await DeviceEdits.SetStatusAsync(db, Time, "alice", "2", DeviceStatus.Decommissioned, "again", null, default);
        var stale = await DeviceEdits.SetStatusAsync(db, Time, "alice", "2", DeviceStatus.Active, "back", version, default);
        var back = await Cli.RunAsync(register, "devices", "return", "CAM-002", "--reason", "the replacement failed");

        Assert.Equal("give the reason; it goes on the record", noReason.Problems.Single().Message);
        Assert.True(done.Succeeded);
        Assert.Equal("device 2 is already decommissioned", twice.Problems.Single().Message);
        Assert.True(stale.Stale);
        Assert.Equal(0, back.ExitCode);
        Assert.Contains("Device 2 is back in service.", back.Output, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(DeviceStatus.Active, (await db.Devices.SingleAsync(d => d.Id == 2)).Status);
        var entries = await db.AuditEntries.Where(a => a.EntityType == "device" && a.EntityId == "2").OrderBy(a => a.Sequence).Skip(1).ToListAsync();
        Assert.Equal([("decommission", "alice"), ("return to service", "tester")], entries.Select(a => (a.Action, a.Actor)));
        Assert.Equal(["Status active → decommissioned", "Reason (none) → replaced by CAM-010"], AuditChange.Describe(entries[0].Before, entries[0].After));
        await Cli.RunAsync(register, "audit", "verify").Ok(); // the hash chain holds
    }

    private static async Task<TestRegister> ThreeDevicesAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();
        return register;
    }

    private static async Task<(string Version, string?[] Typed)> FormOfAsync(RegisterDb db, int id)
    {
        db.ChangeTracker.Clear();
        var values = await DeviceEdits.ValuesAsync(db, await db.Devices.AsNoTracking().SingleAsync(d => d.Id == id), default);
        var typed = new string?[DeviceColumns.Count];
        for (var i = 0; i < typed.Length; i++)
        {
            typed[i] = values[(DeviceColumn)i];
        }
        return (DeviceEdits.Version(values), typed);
    }

    private static string?[] Typed(params (DeviceColumn Column, string? Text)[] fields) => With(new string?[DeviceColumns.Count], fields);

    private static string?[] With(string?[] typed, params (DeviceColumn Column, string? Text)[] fields)
    {
        var copy = (string?[])typed.Clone();
        foreach (var (column, text) in fields)
        {
            copy[(int)column] = text;
        }
        return copy;
    }
}
