namespace Sightline.Csv;

/// <summary>
/// One cell of a CSV record and where it starts in the file (1-based line and column); <paramref name="Quoted"/> when
/// the cell was written in quotes, so that a place inside it can be found again (<see cref="CsvText.Check"/>).
/// </summary>
public readonly record struct CsvField(string Value, long Line, int Column, bool Quoted = false);
