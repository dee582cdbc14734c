using System.CommandLine;
using Sightline.Data.Compliance;

namespace Sightline.Compliance;

/// <summary>One --option per field of a record (`--sro NAME`, `--public-space yes`); an empty value clears the field.</summary>
public sealed class FieldOptions<T>
{
    private readonly List<(RecordField<T> Field, Option<string?> Option)> _options;

    public FieldOptions(IReadOnlyList<RecordField<T>> fields)
    {
        _options = [.. fields.Select(f => (f, new Option<string?>("--" + f.Name)
        {
            Description = f.Label + (f.Choices.Count > 0 ? $": {string.Join(", ", f.Choices)}" : f.Help.Length > 0 ? $" ({f.Help})" : ""),
        }))];
    }

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var (_, option) in _options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The fields given on the command line, by name.</summary>
    public Dictionary<string, string?> Given(ParseResult parse) =>
        _options.Where(o => parse.GetResult(o.Option) is not null).ToDictionary(o => o.Field.Name, o => parse.GetValue(o.Option));
}
