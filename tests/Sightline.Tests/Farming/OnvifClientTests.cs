using Sightline.CameraFarm;

namespace Sightline.Tests.Farming;

/// <summary>
/// Real clients against the farm: Debian's <c>onvif-util</c> (libonvif, package onvif-tools) finds each device by
/// WS-Discovery multicast, logs in with a WS-UsernameToken in a <c>SOAP-ENV:</c> envelope, and asks what a video
/// management system asks to add a camera. Runs inside the namespace of <see cref="OnvifFarm"/>.
/// </summary>
public sealed class OnvifClientTests(OnvifFarm farm) : IClassFixture<OnvifFarm>
{
    [Fact]
    public async Task OnvifUtil_AddsEveryOnvifPersona_WithItsProfilesAndStreamUri()
    {
        var cameras = farm.Devices.Where(d => d.Persona.Onvif is not null).ToList();
        // One client at a time: onvif-util's reply timeout is fixed inside libonvif, and fifteen at once on a loaded two-core
        // machine outran it ("No XML reply") though every device answered.
        var runs = new List<(int ExitCode, string Output)>();
        foreach (var camera in cameras)
        {
            runs.Add(await OnvifUtil(camera.Address, OnvifFarm.Password, "get profiles", "get rtsp"));
        }

        Assert.True(cameras.Count >= 15, $"only {cameras.Count} ONVIF personas");
        foreach (var ((address, persona), (exitCode, output)) in cameras.Zip(runs))
        {
            var onvif = persona.Onvif!;
            Assert.True(output.Contains("successfully connected to host", StringComparison.Ordinal), $"{persona.Template} at {address}:\n{output}");
            // The serial is GetDeviceInformation's (the name onvif-util prints comes from the discovery scopes).
            Assert.Contains($"serial: {onvif.Serial}\n", output, StringComparison.Ordinal);
            foreach (var (profile, index) in onvif.Services.Profiles.Select((p, i) => (p, i)))
            {
                Assert.Contains($"Token {index}: {profile.Token}\n", output, StringComparison.Ordinal);
            }
            Assert.Contains($"  {onvif.Services.Profiles[0].StreamUri.Replace("{host}", address, StringComparison.Ordinal)}\n", output, StringComparison.Ordinal);
            Assert.Equal(0, exitCode);
        }
    }

    [Fact]
    public async Task OnvifUtil_WithAWrongPassword_IsRefusedWhereThePersonaNeedsALogin_AndServedWhereItDoesNot()
    {
        var (locked, _) = farm.Devices.First(d => d.Persona.Onvif is { NeedsCredentials: true });
        var (open, openPersona) = farm.Devices.First(d => d.Persona.Onvif is { NeedsCredentials: false });

        var refused = await OnvifUtil(locked, "not-the-password", "get rtsp");
        var served = await OnvifUtil(open, "not-the-password", "get rtsp");

        Assert.Contains("ERROR: get device information - ter:NotAuthorized", refused.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(openPersona.Onvif!.Services.Profiles[0].StreamUri.Replace("{host}", open, StringComparison.Ordinal), served.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FarmWithMulticast_AnswersAUnicastProbe_OnlyFromTheDeviceItWasSentTo()
    {
        var (camera, _) = farm.Devices.First(d => d.Persona.Template == "hikvision-camera");
        var (server, _) = farm.Devices.First(d => d.Persona.Template == "web-server");

        // python3 (wsdd's own interpreter) reads replies on an unconnected socket, so a reply from any address counts.
        var toCamera = await farm.Namespace.ExecAsync("python3", "-c", Prober, camera);
        var toServer = await farm.Namespace.ExecAsync("python3", "-c", Prober, server);

        Assert.Equal([camera], toCamera.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(toServer.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Sends one untyped Probe to the address and prints the address of every reply until 2 s pass without one.</summary>
    private const string Prober = """
        import socket, sys
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.settimeout(2)
        s.sendto(b'<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery"><s:Header><a:MessageID>urn:uuid:5b1e0000-0000-4000-8000-000000000001</a:MessageID></s:Header><s:Body><d:Probe/></s:Body></s:Envelope>', (sys.argv[1], 3702))
        try:
            while True:
                print(s.recvfrom(65536)[1][0])
        except socket.timeout:
            pass
        """;

    private Task<(int ExitCode, string Output)> OnvifUtil(string address, string password, params string[] commands) =>
        farm.Namespace.TryExecAsync(string.Join('\n', [.. commands, "quit", ""]), "onvif-util", "-u", "admin", "-p", password, address);
}
