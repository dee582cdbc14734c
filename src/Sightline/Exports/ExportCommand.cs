using System.CommandLine;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data.Export;
using Sightline.Register;

namespace Sightline.Exports;

/// <summary>`sightline export devices --format csv|json|geojson`: the register, out again.</summary>
public static class ExportCommand
{
    public static Command Create(CommandRunner cli)
    {
        var format = new Option<string>("--format") { Description = "csv (round-trips through import), json or geojson", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "geojson");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (replaced only once complete) instead of standard output" };
        var devices = new Command("devices",
            "Export every device: its id, the register's columns, then Sightline's verdict (maker, confidence, confidence_score, " +
            "white_label, human_rights, security_trust, cyber_hygiene; read-only, an import ignores them), then attributes")
        { format, output };
        devices.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var knowledge = cli.Knowledge(parse);
            var export = new DeviceExport(db, knowledge);
            var target = parse.GetValue(output) is { } file ? cli.Context.PathOf(file) : null;
            var temporary = target is null ? null : $"{target}.{Guid.NewGuid():N}.partial";
            try
            {
                await using (Stream stream = temporary is null ? new TextWriterStream(cli.Context.Data) : File.Create(temporary))
                {
                    switch (parse.GetValue(format))
                    {
                        case "json":
                            await export.WriteJsonAsync(stream, cancel);
                            break;
                        case "geojson":
                            var unlocated = await export.WriteGeoJsonAsync(stream, cancel);
                            if (unlocated > 0)
                            {
                                await cli.Context.Error.WriteLineAsync($"note: {Words.Count(unlocated, "devices")} without coordinates {(unlocated == 1 ? "is" : "are")} not in the GeoJSON");
                            }
                            break;
                        default:
                            await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                            {
                                await export.WriteCsvAsync(writer, cancel);
                            }
                            break;
                    }
                }
                if (temporary is not null)
                {
                    File.Move(temporary, target!, overwrite: true);
                }
                // The export gives the stored verdicts, as lists do; say so when the knowledge has changed since they were stored.
                var stale = await db.Identities.CountAsync(i => i.Knowledge != knowledge.Version, cancel);
                if (stale > 0)
                {
                    await cli.Context.Error.WriteLineAsync($"note: the verdicts of {Words.Count(stale, "devices")} were worked out with other knowledge than " +
                        $"{knowledge.Version}; `sightline identify --register` renews them");
                }
                return 0;
            }
            finally
            {
                if (temporary is not null && File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }, cancel));
        var command = new Command("export", "Write the register out as CSV, JSON or GeoJSON") { devices };
        return command;
    }
}
