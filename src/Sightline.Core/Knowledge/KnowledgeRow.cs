using Sightline.Csv;

namespace Sightline.Knowledge;

/// <summary>One row of a knowledge table: its cells by column name, and where it is, so problems can say so.</summary>
public sealed class KnowledgeRow(string file, long line, IReadOnlyDictionary<string, CsvField> cells)
{
    /// <summary>The table's file name, relative to the knowledge folder.</summary>
    public string File { get; } = file;

    /// <summary>The row's first line in the file.</summary>
    public long Line { get; } = line;

    /// <summary>The trimmed text of a column, or "" when the column is absent or empty.</summary>
    public string this[string column] => cells.TryGetValue(column, out var cell) ? cell.Value.Trim() : "";

    /// <summary>The text of a column, or null when it is empty.</summary>
    public string? Optional(string column) => this[column] is { Length: > 0 } value ? value : null;

    /// <summary>A ';'-separated list cell, trimmed, without empty items.</summary>
    public IReadOnlyList<string> List(string column) =>
        this[column].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Where a column's cell is, as file:line:column.</summary>
    public string Where(string column) =>
        cells.TryGetValue(column, out var cell) ? $"{File}:{cell.Line}:{cell.Column}" : $"{File}:{Line}";

    /// <summary>The row's sources and checked date.</summary>
    public Provenance Provenance => new(this["source"], this["checked"], $"{File}:{Line}");
}
