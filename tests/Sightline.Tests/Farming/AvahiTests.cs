using System.Text.Json;

namespace Sightline.Tests.Farming;

/// <summary>
/// A real mDNS responder: Debian's <c>avahi-daemon</c>, announcing an Axis camera's Bonjour service as the camera does,
/// in a namespace of its own joined by a veth pair to the scanner's (its configuration from <c>/etc/netns/NAME/avahi</c>,
/// which <c>ip netns exec</c> puts in place of <c>/etc/avahi</c>; its pid file on a tmpfs of its own, so a system
/// avahi does not stop it). The scan asks it by unicast DNS-SD and names the camera from the instance it announces.
/// Needs root, iproute2, python3 and the avahi-daemon package, as CI has.
/// </summary>
public sealed class AvahiTests
{
    [Fact]
    public async Task Scan_AsksARealMdnsResponder_AndNamesAnAxisCameraFromItsBonjourInstance()
    {
        await using var scanner = await NetworkNamespace.CreateAsync("sl-ms");
        await using var camera = await NetworkNamespace.CreateAsync("sl-mc");
        var link = await NetworkNamespace.LinkAsync(scanner, camera, "10.233.8");
        var etc = $"/etc/netns/{camera.Name}";
        try
        {
            Directory.CreateDirectory($"{etc}/avahi/services");
            await File.WriteAllTextAsync($"{etc}/avahi/avahi-daemon.conf",
                $"[server]\nhost-name=axis-accc8e123456\nuse-ipv4=yes\nuse-ipv6=no\nallow-interfaces={link}\nenable-dbus=no\n[publish]\npublish-workstation=no\n");
            await File.WriteAllTextAsync($"{etc}/avahi/services/axis.service",
                "<?xml version=\"1.0\" standalone='no'?>\n<service-group>\n  <name>AXIS M3045-V - ACCC8E123456</name>\n  <service>\n    <type>_axis-video._tcp</type>\n" +
                "    <port>80</port>\n    <txt-record>macaddress=ACCC8E123456</txt-record>\n  </service>\n</service-group>\n");
            await camera.StartAsync("successfully established", "unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mkdir -p /run/avahi-daemon && mount -t tmpfs tmpfs /run/avahi-daemon && exec avahi-daemon --no-drop-root --no-chroot --no-rlimits --debug");
            // The scanner asks by UDP only hosts that answered over TCP: the camera's web server.
            await camera.StartAsync("Serving HTTP", "python3", "-u", "-m", "http.server", "80", "--bind", "10.233.8.2");
            await using var register = await Registers.NewAsync(Registers.Sqlite);
            var sightline = Path.Combine(AppContext.BaseDirectory, "sightline.dll");

            await scanner.ExecAsync("dotnet", ["exec", sightline, "init", .. register.Options]);
            var json = await scanner.ExecAsync("dotnet", ["exec", sightline, "scan", "10.233.8.0/29", "--rate", "0", "--json", .. register.Options]);

            var host = Assert.Single(json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement));
            Assert.Equal("10.233.8.2", host.GetProperty("address").GetString());
            var mdns = host.GetProperty("evidence").EnumerateArray()
                .Where(e => e.GetProperty("group").GetString() == "DNS-SD://10.233.8.2/AXIS M3045-V - ACCC8E123456._axis-video._tcp.local").ToList();
            Assert.NotEmpty(mdns);
            Assert.Equal("axis", host.GetProperty("platformId").GetString());
        }
        finally
        {
            Directory.Delete(etc, recursive: true);
        }
    }
}
