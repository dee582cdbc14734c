using Sightline.Csv;

namespace Sightline.Knowledge;

/// <summary>Reads a knowledge CSV file into rows, checking its header, and notes every problem with its place.</summary>
internal static class KnowledgeTable
{
    public static List<KnowledgeRow> Read(string folder, string file, string[] columns, List<string> problems, bool required = true)
    {
        var path = Path.Combine(folder, file);
        var rows = new List<KnowledgeRow>();
        if (!System.IO.File.Exists(path))
        {
            if (required)
            {
                problems.Add($"{file}: missing");
            }
            return rows;
        }
        using var reader = new StreamReader(path);
        var csv = new CsvReader(reader);
        if (csv.Read() is not { } header)
        {
            problems.Add($"{file}:1:1: empty file; expected the header {string.Join(',', columns)}");
            return rows;
        }
        var names = header.Fields.Select(f => f.Value.Trim()).ToList();
        var missing = columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{file}:1:1: header lacks {string.Join(", ", missing)}");
            return rows;
        }
        foreach (var record in csv.ReadAll())
        {
            if (record.Problem is { } problem)
            {
                problems.Add(problem.ToString(file));
                continue;
            }
            if (record.Fields.Count != names.Count)
            {
                problems.Add($"{file}:{record.Line}:1: {record.Fields.Count} cells, the header has {names.Count}");
                continue;
            }
            var cells = new Dictionary<string, CsvField>(names.Count, StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                cells[names[i]] = record.Fields[i];
            }
            rows.Add(new KnowledgeRow(file, record.Line, cells));
        }
        return rows;
    }
}
