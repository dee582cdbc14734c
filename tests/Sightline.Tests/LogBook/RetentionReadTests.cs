using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.CameraFarm;

namespace Sightline.Tests.LogBook;

/// <summary>
/// Issue 18: the recorders' own configured retention, read from the camera farm's NVRs over ONVIF and over their makers'
/// endpoints (Hikvision ISAPI, Dahua configManager) with the operator's login, kept, compared with the system's policy
/// and made a principle 6 finding; the password is never printed or stored.
/// </summary>
public sealed class RetentionReadTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Read_TheFarmsRecorders_OverOnvifAndTheirMakersEndpoints_AgainstThePolicy(string provider)
    {
        var net = provider == Registers.Sqlite ? 152 : 153;
        await using var farm = Farm.OfEveryPersona(net, seed: 5);
        var recorders = farm.Devices.Where(d => d.Persona.RetentionDays is not null).OrderBy(d => d.Persona.Platform).ToList();
        Assert.Equal(["dahua", "hikvision"], recorders.Select(r => r.Persona.Platform));
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var csv = new StringBuilder("asset_id,ip,kind,brand,system\n");
        foreach (var (address, persona) in recorders)
        {
            csv.Append($"NVR-{persona.Platform},{address},nvr,{persona.Brand},Town Centre\n");
        }
        csv.Append($"CAM-1,127.77.{net}.250,camera,Axis,Town Centre\n"); // a camera: not asked
        await Cli.RunAsync(register, "import", "devices", register.File("nvrs.csv", csv.ToString())).Ok();
        await Cli.RunAsync(register, "systems", "set", "Town Centre", "--retention-days", "31").Ok();
        var credentials = register.File("credentials.txt", $"127.77.{net}.0/24 {farm.Credentials.User} {farm.Credentials.Password}\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var wrong = register.File("wrong.txt", $"* {farm.Credentials.User} not-the-password\n");
        File.SetUnixFileMode(wrong, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var dryRun = await Cli.RunAsync(register, "logbook", "retention", "read", "--credentials", credentials, "--dry-run").Ok();
        var connectionsAfterDryRun = farm.Connections;
        var refused = await Cli.RunAsync(register, "logbook", "retention", "read", "--credentials", wrong, "--read-timeout", "10");
        var vendor = await Cli.RunAsync(register, "logbook", "retention", "read", "--credentials", credentials, "--via", "vendor", "--read-timeout", "10").Ok();
        var onvif = await Cli.RunAsync(register, "logbook", "retention", "read", "--credentials", credentials, "--read-timeout", "10").Ok();
        var show = await Cli.RunAsync(register, "logbook", "retention", "show", "--json").Ok();
        var compliance = await Cli.RunAsync(register, "compliance", "--json").Ok();

        Assert.Equal(0, connectionsAfterDryRun);
        Assert.Contains("Nothing was sent.", dryRun.Output);
        Assert.Contains("NVR-hikvision", dryRun.Output);
        Assert.DoesNotContain("CAM-1", dryRun.Output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the credential was refused", refused.Output);
        Assert.Contains("0 recorders read, 2 not", refused.Error);
        foreach (var (_, persona) in recorders)
        {
            var kept = persona.RetentionDays is > 0 and var days ? $"{days} days" : "some recordings with no limit but the disk";
            var vendorMethod = persona.Platform == "hikvision" ? "ISAPI record tracks" : "Dahua StorageGlobal";
            Assert.Matches($"NVR-{persona.Platform} .*{vendorMethod} .*{kept}", vendor.Output);
            Assert.Matches($"NVR-{persona.Platform} .*ONVIF GetRecordings .*{kept}", onvif.Output);
        }
        var latest = show.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("recorder").GetString()!);
        foreach (var (_, persona) in recorders)
        {
            var row = latest[$"NVR-{persona.Platform}"];
            Assert.Equal("ONVIF GetRecordings", row.GetProperty("method").GetString());
            Assert.Equal(persona.RetentionDays == 0, row.GetProperty("unlimited").GetBoolean());
            Assert.Equal(persona.RetentionDays, row.GetProperty("longest_days").GetInt32());
            Assert.Equal(persona.RetentionDays is 0 or > 31, row.GetProperty("exceeds_policy").GetBoolean());
        }
        var findings = JsonDocument.Parse(compliance.Output).RootElement.EnumerateArray()
            .Single(p => p.GetProperty("principle").GetInt32() == 6 && p.GetProperty("system").GetString() == "Town Centre")
            .GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("text").GetString()!).ToList();
        var over = recorders.Where(r => r.Persona.RetentionDays is 0 or > 31).ToList();
        Assert.Contains(findings, f => over.Count == 0
            ? f.StartsWith("2 recorders read: none keeps recordings longer than the 31-day policy", StringComparison.Ordinal)
            : f.StartsWith($"{(over.Count == 1 ? "1 recorder" : $"{over.Count} recorders")} configured to keep recordings longer than the 31-day policy: ", StringComparison.Ordinal)
                && over.All(o => f.Contains($"NVR-{o.Persona.Platform} keeps", StringComparison.Ordinal)));

        // The password is never printed, and never stored: not in readings, not in the audit log.
        foreach (var run in new[] { dryRun, refused, vendor, onvif, show, compliance })
        {
            Assert.DoesNotContain(farm.Credentials.Password, run.Output + run.Error, StringComparison.Ordinal);
        }
        await using var db = await register.OpenAsync();
        Assert.Equal(4, await db.RecorderRetentions.CountAsync());
        var stored = string.Join('\n', (await db.RecorderRetentions.ToListAsync()).Select(r => $"{r.Method} {r.Detail} {r.ReadBy}"))
            + string.Join('\n', await db.AuditEntries.Select(a => a.After ?? "").ToListAsync());
        Assert.DoesNotContain(farm.Credentials.Password, stored, StringComparison.Ordinal);
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Action == "retention-read"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Read_RefusesPublicAddresses_AndSaysWhatIsWrong(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("nvrs.csv", "asset_id,ip,kind\nNVR-1,8.8.8.8,nvr\n")).Ok();
        var credentials = register.File("credentials.txt", "* admin secret\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = await Cli.RunAsync(register, "logbook", "retention", "read", "--credentials", credentials);
        var unknown = await Cli.RunAsync(register, "logbook", "retention", "read", "--credentials", credentials, "--system", "Nowhere", "--via", "telnet");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("NVR-1: 8.8.8.8 is a public address", run.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no system named 'Nowhere'", unknown.Error);
        Assert.Contains("--via: 'telnet' is not one of any, onvif, vendor", unknown.Error);
    }
}
