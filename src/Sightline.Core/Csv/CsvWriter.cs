namespace Sightline.Csv;

/// <summary>Writes RFC 4180 CSV, quoting only where needed.</summary>
public sealed class CsvWriter(TextWriter writer)
{
    /// <summary>Writes one record and a line break.</summary>
    public void WriteRecord(IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }
            first = false;
            WriteCell(cell ?? "");
        }
        writer.Write('\n');
    }

    private void WriteCell(string cell)
    {
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(cell);
            return;
        }
        writer.Write('"');
        writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
