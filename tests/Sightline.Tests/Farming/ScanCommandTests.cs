using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.CameraFarm;
using Sightline.Register;

namespace Sightline.Tests.Farming;

public sealed partial class ScanCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Scan_FindsIdentifiesAndRecords_TheFarm_AndMarksTheSilentMissing(string provider)
    {
        var net = provider == Registers.Sqlite ? 80 : 81;
        await using var farm = Farm.OfEveryPersona(net, seed: 4);
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        // A camera the register knows at an address in the scope where nothing answers.
        await Cli.RunAsync(register, "import", "devices", register.File("gone.csv", $"asset_id,ip,brand\nGONE-1,127.77.{net}.31,Axis\n")).Ok();

        var dryRun = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--dry-run").Ok();
        var connectionsAfterDryRun = farm.Connections;
        var scan = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--json").Ok();
        var again = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27").Ok();
        var publicSpace = await Cli.RunAsync(register, "scan", "8.8.8.0/24");

        Assert.Contains("Nothing was sent.", dryRun.Output);
        // Not a terminal: progress comes as plain lines on standard error, and standard output is only JSON.
        Assert.Contains($"32 of 32 addresses probed, ", scan.Error);
        Assert.Contains($"{farm.Devices.Count(d => d.Persona.Platform.Length > 0)} identified", scan.Error);
        Assert.Equal(0, connectionsAfterDryRun);
        var results = scan.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var found = results.Select(r => r.GetProperty("address").GetString()).ToHashSet();
        var (cameras, right) = (0, 0);
        foreach (var (address, persona) in farm.Devices)
        {
            if (persona.Behaviour != Behaviour.Normal)
            {
                continue;
            }
            Assert.Contains(address.ToString(), found);
            var result = results.Single(r => r.GetProperty("address").GetString() == address.ToString());
            foreach (var field in (string[])["mac", "platform", "platformConfidence", "brand", "model", "firmware", "deviceClass", "whiteLabelSuspected"])
            {
                Assert.True(result.TryGetProperty(field, out _), $"{field} missing");
            }
            if (persona.Platform.Length > 0)
            {
                cameras++;
                right += result.GetProperty("platformId").GetString() == persona.Platform ? 1 : 0;
            }
        }
        Assert.True(right >= cameras * 0.95, $"platform right for {right} of {cameras}");
        Assert.Contains("0 created, 0 updated", again.Error);
        Assert.Equal(2, publicSpace.ExitCode);
        Assert.Contains("public address space", publicSpace.Error);

        await using var db = await register.OpenAsync();
        Assert.Equal(DeviceStatus.Missing, (await db.Devices.SingleAsync(d => d.AssetId == "GONE-1")).Status);
        var dahua = farm.Devices.First(d => d.Persona.Template == "lorex-on-dahua").Address.ToString();
        var lorex = await db.Devices.SingleAsync(d => d.IpAddress == dahua);
        Assert.Equal("dahua", (await db.Identities.SingleAsync(i => i.DeviceId == lorex.Id)).Platform);
        Assert.True(await db.Observations.CountAsync(o => o.DeviceId == lorex.Id) >= 2);
        var printer = farm.Devices.First(x => x.Persona.Template == "hp-printer").Address.ToString();
        Assert.False(await db.Devices.AnyAsync(d => d.IpAddress == printer));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "scan"));
        await Cli.RunAsync(register, "audit", "verify").Ok();
        var reidentified = await Cli.RunAsync(register, "identify", "--register").Ok();
        Assert.Contains("0 changed platform maker", reidentified.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Scan_WithCredentials_LearnsWhatWhiteLabelsHide_AndNeverRecordsThePassword(string provider)
    {
        var net = provider == Registers.Sqlite ? 82 : 83;
        await using var farm = Farm.OfEveryPersona(net, seed: 6);
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var credentials = register.File("credentials.txt", $"# the farm's login\n127.77.{net}.0/24 {farm.Credentials.User} {farm.Credentials.Password}\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var annke = farm.Devices.First(d => d.Persona.Template == "annke-on-hikvision").Address.ToString();

        // Generous deadlines: this test is about what the devices say after a login, not how fast, and CI machines can be busy.
        var without = await Cli.RunAsync(register, "scan", annke, "--json", "--read-timeout", "10").Ok();
        var dryRun = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--credentials", credentials, "--dry-run").Ok();
        var with = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--credentials", credentials, "--json", "--read-timeout", "10").Ok();
        var table = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--credentials", credentials).Ok();

        var before = JsonDocument.Parse(without.Output).RootElement;
        Assert.Equal("hikvision", before.GetProperty("platformId").GetString());
        Assert.False(before.GetProperty("whiteLabelSuspected").GetBoolean());
        Assert.Contains("1 credential rules", dryRun.Output);
        var results = with.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var after = results.Single(r => r.GetProperty("address").GetString() == annke);
        Assert.Equal("ANNKE", after.GetProperty("brand").GetString());
        Assert.True(after.GetProperty("whiteLabelSuspected").GetBoolean());
        var amcrest = results.Single(r => r.GetProperty("address").GetString() == farm.Devices.First(d => d.Persona.Template == "amcrest-on-dahua").Address.ToString());
        Assert.True(amcrest.GetProperty("whiteLabelSuspected").GetBoolean());
        var password = farm.Credentials.Password;
        Assert.DoesNotContain(password, without.Output + without.Error + dryRun.Output + dryRun.Error + with.Output + with.Error + table.Output + table.Error, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.False(await db.Observations.AnyAsync(o => o.Value.Contains(password)));
        Assert.False(await db.AuditEntries.AnyAsync(a => (a.Before ?? "").Contains(password) || (a.After ?? "").Contains(password)));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Scan_RegistersOnlyIdentifiedSurveillanceDevices_KeepsTheRestAsFindingsWithNotes_ThatAPersonPromotes(string provider)
    {
        var net = provider == Registers.Sqlite ? 90 : 91;
        await using var farm = Farm.OfEveryPersona(net, seed: 9);
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var printer = farm.Devices.First(d => d.Persona.Template == "hp-printer").Address.ToString();
        var trickle = farm.Devices.First(d => d.Persona.Template == "trickle").Address.ToString();
        var others = farm.Devices.Where(d => d.Persona.Platform.Length == 0).Select(d => d.Address.ToString()).ToHashSet();

        var scan = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--json").Ok();
        var results = scan.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var unregistered = await Cli.RunAsync(register, "devices", "findings", "--unregistered").Ok();
        long scanId;
        await using (var db = await register.OpenAsync())
        {
            scanId = await db.AuditEntries.Where(a => a.Action == "scan").Select(a => a.Sequence).SingleAsync();
            // No device was made of a host the scan did not identify as a surveillance device, and none is a camera by default.
            Assert.False(await db.Devices.AnyAsync(d => others.Contains(d.IpAddress!)));
            Assert.Equal(results.Count, await db.ScanFindings.CountAsync(f => f.Scan == scanId));
            Assert.Equal(others.Count(a => results.Any(r => r.GetProperty("address").GetString() == a)), await db.ScanFindings.CountAsync(f => f.Scan == scanId && f.DeviceId == null));
        }
        var trickled = results.Single(r => r.GetProperty("address").GetString() == trickle);
        var promoted = await Cli.RunAsync(register, "devices", "add-from-scan", scanId.ToString(System.Globalization.CultureInfo.InvariantCulture), printer, "--kind", "other").Ok();
        var again = await Cli.RunAsync(register, "devices", "add-from-scan", scanId.ToString(System.Globalization.CultureInfo.InvariantCulture), printer);
        var noScan = await Cli.RunAsync(register, "devices", "add-from-scan", "999999", printer);
        var badKind = await Cli.RunAsync(register, "devices", "add-from-scan", scanId.ToString(System.Globalization.CultureInfo.InvariantCulture), trickle, "--kind", "toaster");
        var everything = await Cli.RunAsync(register, "scan", $"127.77.{net}.0/27", "--register-all").Ok();

        Assert.Equal("not registered", trickled.GetProperty("register").GetString());
        Assert.NotEqual(0, trickled.GetProperty("notes").GetArrayLength());
        Assert.StartsWith("skipped", results.Single(r => r.GetProperty("address").GetString() == printer).GetProperty("register").GetString(), StringComparison.Ordinal);
        Assert.Contains(printer, unregistered.Output);
        Assert.Contains(trickle, unregistered.Output);
        Assert.Contains(trickled.GetProperty("notes")[0].GetString()![..20], unregistered.Output);
        Assert.Contains("created from " + printer, promoted.Output);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("is already device", again.Error);
        Assert.Equal(2, noScan.ExitCode);
        Assert.Contains("there is no scan 999999", noScan.Error);
        Assert.Equal(2, badKind.ExitCode);
        Assert.Contains("'toaster' is not a kind", badKind.Error);
        await using (var db = await register.OpenAsync())
        {
            var device = await db.Devices.SingleAsync(d => d.IpAddress == printer);
            Assert.Equal(DeviceKind.Other, device.Kind);
            Assert.True(await db.Observations.AnyAsync(o => o.DeviceId == device.Id && o.Kind != "scan.note"));
            Assert.Contains("promoted", (await db.AuditEntries.SingleAsync(a => a.Action == "create" && a.EntityId == device.Id.ToString())).After);
            Assert.Equal("promoted", (await db.ScanFindings.SingleAsync(f => f.Scan == scanId && f.Address == printer)).Register);
            // --register-all made a device of every other host; the misbehaving ones are of kind other, not cameras.
            Assert.True(await db.Devices.AnyAsync(d => d.IpAddress == trickle && d.Kind == DeviceKind.Other));
            // The trickling host's notes are kept with its stored observations.
            var trickleDevice = await db.Devices.SingleAsync(d => d.IpAddress == trickle);
            Assert.True(await db.Observations.AnyAsync(o => o.DeviceId == trickleDevice.Id && o.Kind == "scan.note"));
        }
        await Cli.RunAsync(register, "audit", "verify").Ok();
        Assert.Contains("created", everything.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Rescan_ThatLearnedLess_KeepsWhatWasKnown(string provider)
    {
        var net = provider == Registers.Sqlite ? 92 : 93;
        await using var farm = Farm.OfEveryPersona(net, seed: 6);
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var credentials = register.File("credentials.txt", $"127.77.{net}.0/24 {farm.Credentials.User} {farm.Credentials.Password}\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var annke = farm.Devices.First(d => d.Persona.Template == "annke-on-hikvision").Address.ToString();

        // With the login the device says it is sold as ANNKE; the rescan has no login, so it learns less (as a read that
        // times out does): what the first scan learned must stay.
        await Cli.RunAsync(register, "scan", annke, "--credentials", credentials, "--read-timeout", "10").Ok();
        var first = await Cli.RunAsync(register, "devices", "list", "--white-label").Ok();
        List<string> Answers(Sightline.Data.RegisterDb db) => [.. db.Observations.Where(o => o.Kind != "scan.note").AsEnumerable().Select(o => $"{o.Kind} {o.Where}").Distinct().Order()];
        List<string> learned;
        await using (var db = await register.OpenAsync())
        {
            learned = Answers(db);
        }
        var rescan = await Cli.RunAsync(register, "scan", annke, "--json", "--read-timeout", "10").Ok();
        List<string> kept;
        await using (var db = await register.OpenAsync())
        {
            kept = Answers(db);
        }
        var after = await Cli.RunAsync(register, "devices", "list", "--white-label").Ok();
        var show = await Cli.RunAsync(register, "devices", "show", "1").Ok();

        Assert.Contains(annke, first.Output);
        Assert.False(JsonDocument.Parse(rescan.Output).RootElement.GetProperty("whiteLabelSuspected").GetBoolean());
        Assert.Contains("0 created, 0 updated", rescan.Error);
        Assert.Contains(annke, after.Output);
        Assert.Contains("white label     suspected: sold as ANNKE", show.Output);
        // Every answer the first scan stored is still there, the login-only ones included.
        Assert.Empty(learned.Except(kept));
    }

    [Fact]
    public async Task CtrlC_StopsTheScan_KeepsWhatWasFound_AndMarksItIncomplete()
    {
        var count = Personas.Templates.Count;
        await using var farm = Farm.OfEveryPersona(84, seed: 7);
        await using var register = await Registers.NewAsync(Registers.Sqlite);
        await Cli.RunAsync(register, "init").Ok();
        var sightline = Path.Combine(AppContext.BaseDirectory, "sightline.dll");
        // A slow pace (20 attempts a second, 4 hosts at a time) over a /24, so the scan is still running when it is interrupted.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", sightline, "scan", "127.77.84.0/24", "--rate", "20", "--concurrency", "4", .. register.Options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        var scanning = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.AppendLine(e.Data);
            }
            // Interrupt once a progress line says some host has answered in full: what it said must be kept.
            if (e.Data is { } line && HostsAnswered().Match(line) is { Success: true } m && long.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                scanning.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        await scanning.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await output;

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("Scan stopped (incomplete; what was found is kept)", error.ToString());
        await using var db = await register.OpenAsync();
        var scan = await db.AuditEntries.SingleAsync(a => a.Action == "scan");
        Assert.Contains("\"complete\":\"no\"", scan.After);
        var kept = await db.Devices.CountAsync();
        Assert.InRange(kept, 1, count - 1);
        Assert.False(await db.Devices.AnyAsync(d => d.Status == DeviceStatus.Missing));
        await Cli.RunAsync(register, "audit", "verify").Ok();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"([\d,]+) hosts,")]
    private static partial System.Text.RegularExpressions.Regex HostsAnswered();
}
