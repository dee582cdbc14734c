using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Sightline.CameraFarm;
using Sightline.Cli;
using Sightline.Scope;

namespace Sightline.Farming;

/// <summary>`sightline farm`: emulated cameras, recorders and other devices on loopback addresses, until stopped.</summary>
public static class FarmCommand
{
    public static Command Create(CommandRunner cli)
    {
        var range = new Option<string>("--range") { Description = "Loopback addresses to use (in 127.0.0.0/8), e.g. 127.77.0.0/24", DefaultValueFactory = _ => "127.77.0.0/24" };
        var devices = new Option<int>("--devices") { Description = "How many devices", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same farm", DefaultValueFactory = _ => 1 };
        var truth = new Option<string?>("--truth") { Description = "Write the ground truth (address, platform, brand, model, firmware, device_class, mac) to this CSV file" };
        var multicast = new Option<bool>("--multicast") { Description = "Also answer discovery sent to the multicast groups (only inside a network namespace of its own)" };
        var command = new Command("farm", "Run emulated devices on loopback addresses (for tests, benchmarks and the demo) until Ctrl-C") { range, devices, seed, truth, multicast };
        command.SetAction(async (parse, cancel) =>
        {
            if (ScanScope.ParseTarget(parse.GetValue(range)!, out var problem) is not { } addresses)
            {
                return cli.Fail($"--range '{parse.GetValue(range)}': {problem}");
            }
            var count = parse.GetValue(devices);
            var isolated = Farm.InPrivateNetworkNamespace();
            if (addresses.Family != AddressFamily.InterNetwork || !isolated && (!IPAddress.IsLoopback(addresses.At(0)) || !IPAddress.IsLoopback(addresses.At(addresses.Count - 1))))
            {
                return cli.Fail($"--range '{parse.GetValue(range)}' is not inside 127.0.0.0/8: the farm listens only on loopback, or inside a network namespace of its own");
            }
            if (parse.GetValue(multicast) && !isolated)
            {
                return cli.Fail("--multicast needs a network namespace of its own (ip netns exec …): multicast would otherwise reach the real network");
            }
            // Network and broadcast-style addresses (x.y.z.0, x.y.z.255) are left out, as on a real subnet.
            var usable = Enumerable.Range(0, (int)UInt128.Min(addresses.Count, (UInt128)ScanScope.LargeLimit))
                .Select(i => addresses.At((UInt128)i))
                .Where(a => a.GetAddressBytes()[3] is not 0 and not 255)
                .ToList();
            if (count < 1 || count > usable.Count)
            {
                return cli.Fail($"--devices must be between 1 and the {usable.Count} usable addresses of the range");
            }
            // Devices are spread evenly over the range, as on a real network where most addresses are empty.
            usable = Enumerable.Range(0, count).Select(i => usable[(int)((long)i * usable.Count / count)]).ToList();
            Farm farm;
            try
            {
                farm = Farm.Start(usable, count, parse.GetValue(seed), parse.GetValue(multicast), cli.Context.Time);
            }
            catch (SocketException e)
            {
                return cli.Fail($"cannot listen on {addresses}: {e.Message} (ports below 1024 need root, and every port must be free)");
            }
            await using (farm)
            {
                if (parse.GetValue(truth) is { } path)
                {
                    var full = cli.Context.PathOf(path);
                    var temporary = full + ".tmp";
                    await File.WriteAllTextAsync(temporary, farm.TruthCsv(), cancel);
                    File.Move(temporary, full, overwrite: true);
                }
                cli.Context.Out.WriteLine($"Farm of {count} devices on {usable[0]}–{usable[^1]} (HTTP, HTTPS, RTSP, ONVIF, server-first ports and UDP discovery as each persona has them" +
                    $"{(parse.GetValue(multicast) ? ", multicast too" : "")}). Identity calls accept user '{farm.Credentials.User}' with password '{farm.Credentials.Password}'. Ctrl-C stops it.");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancel);
                }
                catch (OperationCanceledException)
                {
                    cli.Context.Out.WriteLine($"Farm stopped: {farm.Connections} connections and {farm.Datagrams} datagrams received.");
                }
            }
            return 0;
        });
        return command;
    }
}
