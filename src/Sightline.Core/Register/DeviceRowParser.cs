using System.Globalization;
using Sightline.Csv;

namespace Sightline.Register;

/// <summary>Validates one asset-list record against its header, turning each cell into canonical text.</summary>
public sealed class DeviceRowParser(DeviceHeader header, DateOnly today)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>The header rows are parsed against.</summary>
    public DeviceHeader Header => header;

    /// <summary>
    /// Parses a record; on failure adds every problem found in it — each cell's, a latitude without a longitude, a row
    /// with no key — and returns null. A cell's problem names its column (<see cref="CsvProblem.Cell"/>).
    /// </summary>
    public DeviceRow? Parse(CsvRecord record, ICollection<CsvProblem> problems)
    {
        if (record.Problem is { } malformed)
        {
            problems.Add(malformed);
            return null;
        }
        var before = problems.Count;
        // Which cells hold something, valid or not: a latitude that is wrong is still not a missing one.
        Span<bool> given = stackalloc bool[DeviceColumns.Count];
        var unreadable = record.Fields.Count <= 256 ? stackalloc bool[record.Fields.Count] : new bool[record.Fields.Count];
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (CsvText.Check(record.Fields[i], i < header.Columns.Count ? NameOf(i) : null) is { } problem)
            {
                problems.Add(problem);
                unreadable[i] = true;
            }
        }
        if (record.Fields.Count != header.Columns.Count)
        {
            var last = record.Fields[^1];
            problems.Add(new CsvProblem(last.Line, last.Column,
                $"row has {record.Fields.Count} cells but the header has {header.Columns.Count}"));
            return null;
        }
        var values = new DeviceValues();
        int? id = null;
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var field = record.Fields[i];
            var text = FormulaGuard.Restore(field.Value.Trim());
            if (i == header.IdIndex && text.Length > 0)
            {
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
                {
                    id = number;
                }
                else
                {
                    problems.Add(new CsvProblem(field.Line, field.Column, $"'{text}' is not a device id (a whole number from an export)")
                    {
                        Cell = VerdictColumns.Id,
                    });
                }
                continue;
            }
            if (header.ReadOnly[i])
            {
                continue;
            }
            if (header.Columns[i] is not { } column)
            {
                if (text.Length > 0)
                {
                    values.Attributes[header.CellNames[i]] = text;
                }
                continue;
            }
            given[(int)column] = text.Length > 0;
            if (text.Length == 0)
            {
                if (column == DeviceColumn.Kind)
                {
                    problems.Add(At(field, column, $"kind is empty; use one of {Words.List<DeviceKind>()}"));
                }
                continue;
            }
            if (unreadable[i])
            {
                continue;
            }
            if (Canonical(column, text, out var error) is { } canonical)
            {
                values[column] = canonical;
            }
            else
            {
                problems.Add(At(field, column, error!));
            }
        }
        CheckPair(record, given, problems);
        if (!given[(int)DeviceColumn.AssetId] && !given[(int)DeviceColumn.Serial] && !given[(int)DeviceColumn.Mac] && id is null)
        {
            problems.Add(new CsvProblem(record.Line, 1, "row has no id, asset id, serial or MAC to match it by"));
        }
        return problems.Count == before ? new DeviceRow(record.Line, header, values) { Id = id } : null;
    }

    /// <summary>
    /// The asset id a record gives, as a parsed row would hold it, even when the row has other problems (so that a
    /// repeated id is still reported); null when it gives none or the record cannot be read.
    /// </summary>
    public string? AssetIdOf(CsvRecord record)
    {
        if (record.Problem is not null || record.Fields.Count != header.Columns.Count || _assetColumn < 0)
        {
            return null;
        }
        var field = record.Fields[_assetColumn];
        var text = FormulaGuard.Restore(field.Value.Trim());
        return text.Length > 0 && CsvText.Check(field, null) is null ? text : null;
    }

    private readonly int _assetColumn = header.Columns.ToList().IndexOf(DeviceColumn.AssetId);

    // The name a problem gives a cell's column: the canonical name of a known column, the header's text of an attribute.
    private string NameOf(int index) => header.Columns[index] is { } column ? DeviceColumns.Name(column) : header.CellNames[index];

    private string? Canonical(DeviceColumn column, string text, out string? error)
    {
        error = null;
        switch (column)
        {
            case DeviceColumn.Latitude:
                return Number(text, -90, 90, "latitude", out error);
            case DeviceColumn.Longitude:
                return Number(text, -180, 180, "longitude", out error);
            case DeviceColumn.Direction:
                return Number(text, 0, 360, "direction (degrees from north)", out error);
            case DeviceColumn.Kind:
                return Word<DeviceKind>(text, "kind", out error);
            case DeviceColumn.Status:
                return Word<DeviceStatus>(text, "status", out error);
            case DeviceColumn.Ip:
                var ip = NetworkAddress.NormaliseIp(text);
                error = ip is null ? $"'{text}' is not an IPv4 (a.b.c.d) or IPv6 address" : null;
                return ip;
            case DeviceColumn.Mac:
                var mac = NetworkAddress.NormaliseMac(text);
                error = mac is null ? $"'{text}' is not a MAC address (six hex pairs such as 00:11:22:AA:BB:CC)" : null;
                return mac;
            case DeviceColumn.InstalledOn:
                return Date(text, out error);
            case DeviceColumn.Capabilities:
                if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
                {
                    return "";
                }
                if (!Words.TryParseFlags(text, out var flags, out var unknown))
                {
                    error = $"unknown capability '{unknown}'; use {Words.List<Capabilities>().Replace("none, ", "", StringComparison.Ordinal)} separated by ';'";
                    return null;
                }
                return Words.OfFlags(flags);
            default:
                return text;
        }
    }

    private static string? Number(string text, double min, double max, string what, out string? error)
    {
        error = null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            error = $"{what} '{text}' is not a number";
            return null;
        }
        if (value < min || value > max)
        {
            error = $"{what} {text} is outside {min} to {max}";
            return null;
        }
        return Canonical(text, value, "R"); // as DeviceValues.Number writes it
    }

    // A value's canonical text in the given format, which in an asset list is usually the cell itself: then the cell is
    // kept, not copied into a new string.
    private static string Canonical<T>(string text, T value, string format) where T : ISpanFormattable
    {
        Span<char> formatted = stackalloc char[32];
        return value.TryFormat(formatted, out var length, format, CultureInfo.InvariantCulture) && formatted[..length].SequenceEqual(text)
            ? text
            : value.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string? Word<T>(string text, string what, out string? error) where T : struct, Enum
    {
        error = null;
        if (Words.Parse<T>(text) is { } value)
        {
            return Words.Of(value);
        }
        error = $"unknown {what} '{text}'; use one of {Words.List<T>()}";
        return null;
    }

    private string? Date(string text, out string? error)
    {
        error = null;
        if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = $"'{text}' is not a real date in the form YYYY-MM-DD (or DD/MM/YYYY)";
            return null;
        }
        if (date > today)
        {
            error = $"installed_on {text} is in the future";
            return null;
        }
        return Canonical(text, date, "yyyy-MM-dd");
    }

    private void CheckPair(CsvRecord record, ReadOnlySpan<bool> given, ICollection<CsvProblem> problems)
    {
        var lat = given[(int)DeviceColumn.Latitude];
        var lon = given[(int)DeviceColumn.Longitude];
        if (lat == lon || !header.Present[(int)DeviceColumn.Latitude] && !header.Present[(int)DeviceColumn.Longitude])
        {
            return;
        }
        var missing = lat ? DeviceColumn.Longitude : DeviceColumn.Latitude;
        var index = header.Columns.ToList().IndexOf(missing);
        var place = index >= 0 ? record.Fields[index] : record.Fields[0];
        problems.Add(At(place, missing, $"{DeviceColumns.Name(missing)} is missing; give both latitude and longitude, or neither"));
    }

    private static CsvProblem At(CsvField field, DeviceColumn column, string reason) =>
        new(field.Line, field.Column, reason) { Cell = DeviceColumns.Name(column) };
}
