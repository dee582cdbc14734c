using System.CommandLine;
using System.Globalization;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data.OpenStreetMap;
using Sightline.Register;

namespace Sightline.OpenStreetMap;

/// <summary>
/// `sightline reconcile --osm FILE [--within METRES] [--json]`: the register against OpenStreetMap's cameras — the pairs
/// within the distance (one to one, closest first), the registered cameras not on the map, and the mapped ones the register
/// does not know.
/// </summary>
public static class ReconcileCommand
{
    public static Command Create(CommandRunner cli)
    {
        var osm = new Option<string>("--osm") { Description = "An OSM XML (.osm) or GeoJSON file of mapped cameras (man_made=surveillance nodes)", Required = true };
        var within = new Option<double>("--within")
        {
            Description = $"How far apart, in metres, a registered and a mapped camera may be and still be taken for one (default {Reconciliation.DefaultWithin})",
            DefaultValueFactory = _ => Reconciliation.DefaultWithin,
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("reconcile", "Compare the register's located cameras with the cameras mapped on OpenStreetMap") { osm, within, json };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var metres = parse.GetValue(within);
            if (!(metres > 0 && metres <= Reconciliation.MaxWithin))
            {
                return cli.Fail($"--within must be more than 0 and at most {Reconciliation.MaxWithin:0} metres, not {metres.ToString(CultureInfo.InvariantCulture)}");
            }
            var path = cli.Context.PathOf(parse.GetValue(osm)!);
            IReadOnlyList<MappedCamera> mapped;
            try
            {
                mapped = OsmFile.Read(path);
            }
            catch (OsmFileException e)
            {
                return cli.Fail(e.Message);
            }
            var registered = await RegisteredCameras.ReadAsync(db, null, cancel);
            var result = Reconciliation.Of(registered, mapped, metres);
            if (parse.GetValue(json))
            {
                cli.Context.Out.Write(ReconciliationJson.Of(result));
                return 0;
            }
            Print(cli.Context.Out, result, registered.Count, mapped.Count);
            return 0;
        }, cancel));
        return command;
    }

    private static void Print(TextWriter output, Reconciliation result, int registered, int mapped)
    {
        output.WriteLine($"{Words.Count(registered, "registered cameras")} with a location, {Words.Count(mapped, "cameras")} on the map; "
            + $"taken for one another within {Number(result.Within)} m.");
        output.WriteLine();
        output.WriteLine($"Matched ({result.Matches.Count}):");
        if (result.Matches.Count > 0)
        {
            SystemsCommand.Table(output, ["Device", "Asset", "OSM", "Metres", "Operator"],
                [.. result.Matches.Select(m => Cells(m.Device.DeviceId.ToString(CultureInfo.InvariantCulture), m.Device.AssetId ?? "", m.Mapped.Id,
                    Number(m.Metres), m.Mapped.Tag("operator") ?? ""))]);
        }
        output.WriteLine();
        output.WriteLine($"In the register, not on the map ({result.NotMapped.Count}):");
        if (result.NotMapped.Count > 0)
        {
            SystemsCommand.Table(output, ["Device", "Asset", "Latitude", "Longitude"],
                [.. result.NotMapped.Select(c => Cells(c.DeviceId.ToString(CultureInfo.InvariantCulture), c.AssetId ?? "", Degrees(c.Latitude), Degrees(c.Longitude)))]);
        }
        output.WriteLine();
        output.WriteLine($"On the map, not in the register ({result.NotRegistered.Count}):");
        if (result.NotRegistered.Count > 0)
        {
            SystemsCommand.Table(output, ["OSM", "Latitude", "Longitude", "Operator", "Surveillance"],
                [.. result.NotRegistered.Select(c => Cells(c.Id, Degrees(c.Latitude), Degrees(c.Longitude), c.Tag("operator") ?? "", c.Tag("surveillance") ?? ""))]);
        }
    }

    // Map data is text from outside, like device text: its line breaks and control characters are escaped.
    private static string[] Cells(params string[] values) => [.. values.Select(TerminalText.Escape)];

    private static string Number(double metres) => metres.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Degrees(double degrees) => degrees.ToString("0.0000000", CultureInfo.InvariantCulture);
}
