using Sightline.Csv;

namespace Sightline.Register;

/// <summary>What each column of an asset list holds: a known <see cref="DeviceColumn"/> or an extra attribute.</summary>
public sealed class DeviceHeader
{
    private DeviceHeader(DeviceColumn?[] columns, string[] names, bool[] readOnly, int idIndex)
    {
        Columns = columns;
        CellNames = names;
        ReadOnly = readOnly;
        IdIndex = idIndex;
        var present = new bool[DeviceColumns.Count];
        foreach (var column in columns)
        {
            if (column is { } c)
            {
                present[(int)c] = true;
            }
        }
        Present = present;
    }

    /// <summary>The known column of each cell position, or null for an attribute.</summary>
    public IReadOnlyList<DeviceColumn?> Columns { get; }

    /// <summary>The header text of each cell position, trimmed.</summary>
    public IReadOnlyList<string> CellNames { get; }

    /// <summary>Whether the file has each known column; absent columns leave stored values alone.</summary>
    public IReadOnlyList<bool> Present { get; }

    /// <summary>
    /// Whether each cell position is one of an export's read-only columns (<see cref="VerdictColumns"/>): the id, used
    /// only to match, and the verdict, never taken as evidence of anything nor stored.
    /// </summary>
    public IReadOnlyList<bool> ReadOnly { get; }

    /// <summary>The position of the <c>id</c> column (a device's Sightline id, from an export), or -1.</summary>
    public int IdIndex { get; }

    /// <summary>The attribute columns the file has.</summary>
    public IEnumerable<string> AttributeNames => CellNames.Where((_, i) => Columns[i] is null && !ReadOnly[i]);

    /// <summary>The verdict columns the file has, which an import leaves aside.</summary>
    public IEnumerable<string> VerdictNames => CellNames.Where((_, i) => ReadOnly[i] && i != IdIndex);

    /// <summary>Reads a header record, adding any problem to <paramref name="problems"/>; null when unusable.</summary>
    public static DeviceHeader? Parse(CsvRecord record, ICollection<CsvProblem> problems)
    {
        if (record.Problem is { } malformed)
        {
            problems.Add(malformed);
            return null;
        }
        if (record.Fields.Count == 1 && LooksDelimitedBy(record.Fields[0].Value) is { } delimiter)
        {
            problems.Add(new CsvProblem(record.Line, 1,
                $"the header is one column and looks {delimiter}-delimited; Sightline reads comma-separated CSV (RFC 4180)"));
            return null;
        }
        var columns = new DeviceColumn?[record.Fields.Count];
        var names = new string[record.Fields.Count];
        var readOnly = new bool[record.Fields.Count];
        var idIndex = -1;
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var field = record.Fields[i];
            if (CsvText.Check(field, null) is { } unreadable)
            {
                problems.Add(unreadable);
                ok = false;
            }
            names[i] = field.Value.Trim();
            columns[i] = DeviceColumns.Find(names[i]);
            if (columns[i] is null && VerdictColumns.IsId(names[i]))
            {
                idIndex = i;
            }
            readOnly[i] = idIndex == i || (columns[i] is null && VerdictColumns.IsVerdict(names[i]));
            var identity = columns[i] is { } known ? DeviceColumns.Name(known) : names[i];
            if (names[i].Length == 0)
            {
                problems.Add(new CsvProblem(field.Line, field.Column, "empty column name in the header"));
                ok = false;
            }
            else if (!seen.TryAdd(identity, i + 1))
            {
                problems.Add(new CsvProblem(field.Line, field.Column,
                    $"column '{names[i]}' repeats column {seen[identity]} ('{identity}')"));
                ok = false;
            }
        }
        var header = new DeviceHeader(columns, names, readOnly, idIndex);
        if (!header.Present[(int)DeviceColumn.AssetId] && !header.Present[(int)DeviceColumn.Serial] && !header.Present[(int)DeviceColumn.Mac]
            && idIndex < 0)
        {
            problems.Add(new CsvProblem(record.Line, 1, "the header needs an id, asset_id, serial or mac column to match devices by"));
            ok = false;
        }
        return ok ? header : null;
    }

    private static string? LooksDelimitedBy(string cell) =>
        cell.Contains(';') ? "semicolon" : cell.Contains('\t') ? "tab" : cell.Contains('|') ? "pipe" : null;
}
