using System.Net;
using System.Net.Sockets;
using System.Text;
using Sightline.CameraFarm;
using Sightline.Identification;
using Sightline.Knowledge;

namespace Sightline.Tests.Farming;

/// <summary>The camera farm on loopback: deterministic, realistic enough to be identified, and badly behaved where asked.</summary>
public sealed class FarmTests
{
    private static IEnumerable<IPAddress> Addresses(int third) =>
        Enumerable.Range(1, 254).Select(i => IPAddress.Parse($"127.77.{third}.{i}"));

    [Fact]
    public async Task TheSameSeed_GivesTheSameFarm()
    {
        string first, second, other;
        await using (var farm = Farm.Start(Addresses(10), 30, seed: 7))
        {
            first = farm.TruthCsv();
        }
        await using (var farm = Farm.Start(Addresses(10), 30, seed: 7))
        {
            second = farm.TruthCsv();
        }
        await using (var farm = Farm.Start(Addresses(10), 30, seed: 8))
        {
            other = farm.TruthCsv();
        }

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.StartsWith("address,platform,brand,model,firmware,device_class,mac\n127.77.10.1,", first, StringComparison.Ordinal);
        Assert.Equal(31, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task BadlyBehavedDevices_MisbehaveAsNamed()
    {
        await using var farm = Farm.Start(Addresses(12), Personas.Templates.Count, seed: 1);
        IPAddress Of(Behaviour behaviour) => farm.Devices.First(d => d.Persona.Behaviour == behaviour).Address;

        var silent = await ReadAsync(Of(Behaviour.Silent), 80, "GET / HTTP/1.0\r\n\r\n", max: 1024, TimeSpan.FromMilliseconds(500));
        var garbage = await ReadAsync(Of(Behaviour.Garbage), 80, "GET / HTTP/1.0\r\n\r\n", max: 4096, TimeSpan.FromSeconds(5));
        var huge = await ReadAsync(Of(Behaviour.Huge), 80, "GET / HTTP/1.0\r\n\r\n", max: 2 * 1024 * 1024, TimeSpan.FromSeconds(10));
        var trickle = await ReadAsync(Of(Behaviour.Trickle), 80, "GET / HTTP/1.0\r\n\r\n", max: 64, TimeSpan.FromMilliseconds(1500));
        var reset = await ReadAsync(Of(Behaviour.Reset), 80, "GET / HTTP/1.0\r\n\r\n", max: 64, TimeSpan.FromSeconds(5));

        Assert.Empty(silent);
        Assert.Equal(4096, garbage.Length);
        Assert.False(garbage.AsSpan().StartsWith("HTTP"u8));
        Assert.Equal(2 * 1024 * 1024, huge.Length);
        Assert.True(huge.AsSpan().IndexOf("\r\n\r\n"u8) < 0, "the huge header ended within 2 MB");
        Assert.InRange(trickle.Length, 1, 3);
        Assert.Empty(reset);
    }

    [Fact]
    public void TheFarm_ListensOnlyOnLoopback()
    {
        var error = Assert.Throws<ArgumentException>(() => Farm.Start([IPAddress.Parse("10.0.0.1")], 1, seed: 1));

        Assert.Contains("only on loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FarmCommand_WritesTheTruth_RunsUntilStopped_AndRefusesOtherRanges()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-farm-").FullName;
        try
        {
            var truth = Path.Combine(folder, "truth.csv");
            using var stop = new CancellationTokenSource();
            var output = new ReadyWriter("Ctrl-C stops it.");
            var context = new Sightline.Cli.CliContext(TextReader.Null, output, new StringWriter(), TimeProvider.System, new Dictionary<string, string>(), folder, Interactive: false);
            var running = Sightline.Cli.SightlineCli.RunAsync(["farm", "--range", "127.77.13.0/28", "--devices", "12", "--seed", "3", "--truth", "truth.csv"], context, stop.Token);
            await Task.WhenAny(output.Ready, running).WaitAsync(TimeSpan.FromMinutes(2));
            var lines = await File.ReadAllLinesAsync(truth);
            var answered = await ReadAsync(IPAddress.Parse("127.77.13.1"), 80, "GET / HTTP/1.0\r\n\r\n", 4096, TimeSpan.FromSeconds(5));
            await stop.CancelAsync();
            var code = await running;
            var outside = await Cli.RunAsync(["farm", "--range", "10.0.0.0/24"], folder, new Dictionary<string, string>());

            Assert.Equal(0, code);
            Assert.Equal(13, lines.Length);
            Assert.NotEmpty(answered);
            Assert.Contains("Farm stopped:", output.ToString());
            Assert.Equal(2, outside.ExitCode);
            Assert.Contains("only on loopback", outside.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Output that says when a line containing a marker has been written, so a test can wait for a running command.</summary>
    private sealed class ReadyWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ready => _ready.Task;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                _ready.TrySetResult();
            }
        }
    }

    /// <summary>Connects, sends, and reads until the peer closes, <paramref name="max"/> bytes arrive or the time is up; a refused or reset connection reads nothing.</summary>
    private static async Task<byte[]> ReadAsync(IPAddress address, int port, string request, int max, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var received = new MemoryStream();
        try
        {
            await socket.ConnectAsync(address, port, timeout.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
            var buffer = new byte[65536];
            while (received.Length < max)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, max - received.Length)), timeout.Token);
                if (read == 0)
                {
                    break;
                }
                received.Write(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            // Time is up, or the device refused or reset the connection.
        }
        return received.ToArray();
    }
}
