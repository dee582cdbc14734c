using Sightline.Data.Compliance;

namespace Sightline.Compliance;

/// <summary>A record's fields printed for people.</summary>
public static class RecordText
{
    /// <summary>Writes a record's fields, one "Label: value" line each (a multi-line value indented under its label).</summary>
    public static void Print<T>(TextWriter output, T record, IReadOnlyList<RecordField<T>> fields, string indent = "")
    {
        var width = fields.Max(f => f.Label.Length) + 1;
        foreach (var field in fields)
        {
            var value = field.Get(record) ?? "(none)";
            var lines = value.Split('\n');
            output.WriteLine($"{indent}{(field.Label + ":").PadRight(width)} {lines[0]}");
            foreach (var line in lines.Skip(1))
            {
                output.WriteLine($"{indent}{new string(' ', width)} {line}");
            }
        }
    }
}
