namespace Sightline.Csv;

/// <summary>
/// One record of a CSV file: its cells, or, when the record is malformed, the first problem and where it is.
/// </summary>
public sealed record CsvRecord(long Line, IReadOnlyList<CsvField> Fields, CsvProblem? Problem);
