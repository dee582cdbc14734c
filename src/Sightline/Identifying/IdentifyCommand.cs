using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sightline.Cli;
using Sightline.Data.Identification;
using Sightline.Identification;
using Sightline.Knowledge;

namespace Sightline.Identifying;

/// <summary>`sightline identify --kind KIND FILE...` and `sightline identify --corpus DIR`.</summary>
public static class IdentifyCommand
{
    public static Command Create(CommandRunner cli)
    {
        var kind = new Option<string?>("--kind") { Description = "What the files hold (e.g. http.server, onvif.device-information)" };
        var corpus = new Option<string?>("--corpus") { Description = "A folder with index.tsv (columns file, kind; true_manufacturer for a score; added to score each batch apart)" };
        var register = new Option<bool>("--register") { Description = "Re-identify every device in the register with the current knowledge" };
        var json = new Option<bool>("--json") { Description = "One JSON object per input (and a summary object for --corpus)" };
        var files = new Argument<string[]>("FILE") { Description = "Files each holding exactly one captured answer", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("identify", "Say who made a device from what it answered, and why") { kind, corpus, register, json, files };
        command.SetAction((parse, cancel) => parse.GetValue(register) ? Register(cli, parse, cancel) : cli.WithKnowledgeAsync(parse, knowledge =>
        {
            var identifier = new Identifier(knowledge);
            var asJson = parse.GetValue(json);
            if (parse.GetValue(corpus) is { } folder)
            {
                return Task.FromResult(Corpus(cli, identifier, cli.Context.PathOf(folder), asJson));
            }
            var kindName = parse.GetValue(kind);
            var paths = parse.GetValue(files) ?? [];
            if (kindName is null || paths.Length == 0)
            {
                return Task.FromResult(cli.Fail("give --kind KIND and one or more files, or --corpus DIR"));
            }
            if (!ObservationKinds.IsKnown(kindName))
            {
                return Task.FromResult(cli.Fail($"unknown kind '{kindName}'; use one of {string.Join(", ", ObservationKinds.All)}"));
            }
            var failed = false;
            foreach (var path in paths)
            {
                var full = cli.Context.PathOf(path);
                if (!File.Exists(full))
                {
                    cli.Context.Error.WriteLine($"error: {path}: no such file");
                    failed = true;
                    continue;
                }
                Print(cli, path, Identify(identifier, full, kindName), asJson);
            }
            return Task.FromResult(failed ? SightlineCli.ProblemsFound : 0);
        }));
        return command;
    }

    private static Task<int> Register(CommandRunner cli, ParseResult parse, CancellationToken cancel) =>
        cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var knowledge = cli.Knowledge(parse);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (devices, changed) = await RegisterIdentification.IdentifyAllAsync(db, knowledge, cli.Context.Time, actor, cancel);
            cli.Context.Out.WriteLine($"Identified {devices:N0} devices with knowledge {knowledge.Version} in {clock.Elapsed.TotalSeconds:0.0} s; {changed:N0} changed platform maker.");
            return 0;
        }, cancel);

    private static Verdict Identify(Identifier identifier, string path, string kind)
    {
        var (observation, notes) = ObservationFile.Read(path, kind);
        var claims = new List<Claim>();
        identifier.AddClaims(observation, 0, claims, notes);
        var verdict = identifier.Decide(claims, notes);
        if (verdict.Platform is null && verdict.Evidence.Count == 0)
        {
            // Say why: nothing in the knowledge recognised this answer (not that the answer was unreadable).
            var rules = identifier.Knowledge.RulesFor(kind).Count;
            return verdict with { Notes = [.. verdict.Notes, $"unknown because none of the {rules} rules for {kind} matched this answer; if it is a camera's, add a rule (docs/knowledge.md)"] };
        }
        return verdict;
    }

    private static void Print(CommandRunner cli, string file, Verdict verdict, bool asJson)
    {
        if (asJson)
        {
            cli.Context.Out.WriteLine(Json(json =>
            {
                json.WriteString("file", file);
                VerdictOutput.WriteFields(json, verdict);
            }));
            return;
        }
        cli.Context.Out.WriteLine(VerdictOutput.Safe(file));
        VerdictOutput.WriteText(cli.Context.Out, verdict);
    }

    private static int Corpus(CommandRunner cli, Identifier identifier, string folder, bool asJson)
    {
        var index = Path.Combine(folder, "index.tsv");
        if (!File.Exists(index))
        {
            return cli.Fail($"{index}: no such file");
        }
        var lines = File.ReadAllLines(index);
        var header = lines.Length > 0 ? lines[0].Split('\t') : [];
        int Column(string name) => Array.IndexOf(header, name);
        var (fileColumn, kindColumn, makerColumn, classColumn) = (Column("file"), Column("kind"), Column("true_manufacturer"), Column("device_class"));
        var addedColumn = Column("added");
        if (fileColumn < 0 || kindColumn < 0)
        {
            return cli.Fail($"{index}:1: the header needs the columns file and kind");
        }
        var score = new CorpusScore(identifier.Knowledge);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split('\t');
            if (cells.Length <= Math.Max(fileColumn, kindColumn) || cells[fileColumn].Length == 0)
            {
                continue;
            }
            var (file, kind) = (cells[fileColumn], cells[kindColumn]);
            if (!ObservationKinds.IsKnown(kind))
            {
                cli.Context.Error.WriteLine($"error: {index}:{i + 1}: unknown kind '{kind}'");
                return SightlineCli.ProblemsFound;
            }
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                cli.Context.Error.WriteLine($"error: {index}:{i + 1}: {file}: no such file");
                return SightlineCli.ProblemsFound;
            }
            var verdict = Identify(identifier, path, kind);
            if (makerColumn >= 0 && makerColumn < cells.Length)
            {
                string Cell(int column) => column >= 0 && column < cells.Length ? cells[column] : "";
                score.Add(file, cells[makerColumn], Cell(classColumn), verdict, Cell(addedColumn));
            }
            if (asJson)
            {
                Print(cli, file, verdict, asJson);
            }
        }
        if (makerColumn < 0)
        {
            return 0;
        }
        if (asJson)
        {
            cli.Context.Out.WriteLine(Json(score.WriteJson));
        }
        else
        {
            score.WriteText(cli.Context.Out);
        }
        return 0;
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
