namespace Sightline.Csv;

/// <summary>
/// A problem found at a place in a file. A problem with a cell's value names the cell's column (<see cref="Cell"/>) and
/// prints as <c>line: column name: reason</c>; a problem with the file's characters or quoting prints as
/// <c>line:column: reason</c>, the column counted in characters.
/// </summary>
public sealed record CsvProblem(long Line, int Column, string Reason)
{
    /// <summary>The name of the column whose value is wrong (<c>mac</c>), or null when the place is a character.</summary>
    public string? Cell { get; init; }

    /// <summary>Where on the line: the column's name, or the character column.</summary>
    public string Place => Cell ?? Column.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The problem prefixed with the file's name, as <c>file:line:column: reason</c> or <c>file:line: name: reason</c>.</summary>
    public string ToString(string file) => $"{file}:{this}";

    /// <inheritdoc />
    public override string ToString() => Cell is null ? $"{Line}:{Column}: {Reason}" : $"{Line}: {Cell}: {Reason}";
}
