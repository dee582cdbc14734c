using System.CommandLine;
using System.Globalization;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Data.LogBook;
using Sightline.LogBook;

namespace Sightline.LogBook;

/// <summary>What the log book's verbs share: add and set from one --option per field, show, and the clock.</summary>
internal static class LogBookCli
{
    public delegate Task<LogBookRecords.Outcome> Write(RegisterDb db, string actor, ParseResult parse, Dictionary<string, string?> values, CancellationToken cancel);

    /// <summary>`add`: a record from its field options; prints "NOUN N recorded." and the line <paramref name="after"/> gives.</summary>
    public static Command Add<T>(CommandRunner cli, string description, string noun, IReadOnlyList<RecordField<T>> fields, Write write,
        Func<RegisterDb, ParseResult, int, CancellationToken, Task<string?>>? after = null, params Option[] more)
    {
        var options = new FieldOptions<T>(fields);
        var command = new Command("add", description);
        options.AddTo(command);
        foreach (var option in more)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            LogBookRecords.Outcome outcome;
            try
            {
                outcome = await write(db, actor, parse, options.Given(parse), cancel);
            }
            catch (FormatException e)
            {
                return cli.Fail(e.Message);
            }
            if (!outcome.Succeeded)
            {
                return cli.Fail(string.Join("; ", outcome.Problems.Select(p => p.Message)));
            }
            cli.Context.Out.WriteLine($"{noun} {Key(outcome.Id!.Value)} recorded.");
            if (after is not null && await after(db, parse, outcome.Id.Value, cancel) is { } line)
            {
                cli.Context.Out.WriteLine(line);
            }
            return 0;
        }, cancel));
        return command;
    }

    /// <summary>`set ID`: changes the fields given; prints "NOUN N changed." or "unchanged".</summary>
    public static Command Set<T>(CommandRunner cli, string description, string noun, IReadOnlyList<RecordField<T>> fields,
        Func<RegisterDb, string, ParseResult, int, Dictionary<string, string?>, CancellationToken, Task<LogBookRecords.Outcome>> write)
    {
        var id = new Argument<int>("ID") { Description = $"The {noun.ToLowerInvariant()}'s ID" };
        var options = new FieldOptions<T>(fields);
        var command = new Command("set", description) { id };
        options.AddTo(command);
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var given = options.Given(parse);
            if (given.Count == 0)
            {
                return cli.Fail($"give at least one field to change: {string.Join(", ", fields.Select(f => "--" + f.Name))}");
            }
            LogBookRecords.Outcome outcome;
            try
            {
                outcome = await write(db, actor, parse, parse.GetValue(id), given, cancel);
            }
            catch (FormatException e)
            {
                return cli.Fail(e.Message);
            }
            if (!outcome.Succeeded)
            {
                return cli.Fail(string.Join("; ", outcome.Problems.Select(p => p.Message)));
            }
            cli.Context.Out.WriteLine($"{noun} {Key(parse.GetValue(id))} changed.");
            return 0;
        }, cancel));
        return command;
    }

    /// <summary>The SAR clock from the knowledge this invocation names.</summary>
    /// <exception cref="FormatException">The bank holidays are missing or wrong; the message says where.</exception>
    public static SarClock Clock(CommandRunner cli, ParseResult parse) => SarClock.Shipped(cli.Options.KnowledgeFolder(parse, cli.Context));

    /// <summary>The SAR clock, or null after saying what is wrong with it.</summary>
    public static SarClock? ClockOrFail(CommandRunner cli, ParseResult parse)
    {
        try
        {
            return Clock(cli, parse);
        }
        catch (FormatException e)
        {
            cli.Fail(e.Message);
            return null;
        }
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? LogBookRecords.Day(d) : "";
}
