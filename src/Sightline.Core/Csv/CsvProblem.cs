namespace Sightline.Csv;

/// <summary>A problem found at a place in a file; prints as <c>line:column: reason</c>.</summary>
public sealed record CsvProblem(long Line, int Column, string Reason)
{
    /// <summary>The problem prefixed with the file's name, as <c>file:line:column: reason</c>.</summary>
    public string ToString(string file) => $"{file}:{Line}:{Column}: {Reason}";

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}: {Reason}";
}
