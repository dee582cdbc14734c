namespace Sightline.Csv;

/// <summary>One cell of a CSV record and where it starts in the file (1-based line and column).</summary>
public readonly record struct CsvField(string Value, long Line, int Column);
