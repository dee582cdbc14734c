using System.Buffers;
using System.Text;

namespace Sightline.Csv;

/// <summary>
/// A streaming RFC 4180 reader that keeps the line and column of every cell, so that errors can say where.
/// Quoted cells may hold commas, doubled quotes and line breaks. A malformed record is returned with its
/// problem and reading resumes at the next line.
/// </summary>
public sealed class CsvReader
{
    /// <summary>Longest cell accepted; a longer one is a problem, not an out-of-memory.</summary>
    public const int MaxCellLength = 64 * 1024;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private long _line = 1;
    private int _column = 1;
    private int _lastFieldCount = 8;
    private readonly StringBuilder _cell = new();
    // A cell found whole within the buffer, not yet copied anywhere.
    private int _directStart;
    private int _directLength;

    /// <summary>Reads CSV from <paramref name="reader"/>, which the caller owns.</summary>
    public CsvReader(TextReader reader) => _reader = reader;

    /// <summary>Reads every record until the end of the input.</summary>
    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    /// <summary>Reads the next record, or null at the end of the input. Blank lines are skipped.</summary>
    public CsvRecord? Read()
    {
        while (true)
        {
            if (Peek() < 0)
            {
                return null;
            }
            if (Peek() is '\n' or '\r')
            {
                SkipLineBreak();
                continue;
            }
            return ReadRecord();
        }
    }

    private CsvRecord ReadRecord()
    {
        var recordLine = _line;
        var fields = new List<CsvField>(_lastFieldCount);
        while (true)
        {
            var fieldLine = _line;
            var fieldColumn = _column;
            _cell.Clear();
            _directLength = 0;
            var quoted = Peek() == '"';
            var problem = quoted ? ReadQuoted() : ReadUnquoted();
            if (problem is not null)
            {
                SkipToLineEnd();
                return new CsvRecord(recordLine, fields, problem);
            }
            fields.Add(new CsvField(TakeCell(), fieldLine, fieldColumn, quoted));
            var next = Peek();
            if (next == ',')
            {
                Advance();
                continue;
            }
            if (next is '\r' or '\n')
            {
                SkipLineBreak();
            }
            _lastFieldCount = fields.Count;
            return new CsvRecord(recordLine, fields, null);
        }
    }

    private CsvProblem? ReadUnquoted()
    {
        // Runs of plain characters are found and copied a buffer at a time; a cell that lies within one buffer
        // becomes its string straight from the buffer (see TakeCell).
        while (Peek() >= 0)
        {
            var plain = _buffer.AsSpan(_position, _length - _position);
            var run = plain.IndexOfAny(UnquotedStops);
            var take = run < 0 ? plain.Length : run;
            var tooLong = _cell.Length + _directLength + take > MaxCellLength;
            if (tooLong)
            {
                take = MaxCellLength - _cell.Length - _directLength;
            }
            if (_cell.Length == 0 && _directLength == 0 && (run >= 0 || tooLong))
            {
                _directStart = _position;
                _directLength = take;
            }
            else
            {
                Spill();
                _cell.Append(plain[..take]);
            }
            _position += take;
            _column += take;
            if (tooLong)
            {
                return new CsvProblem(_line, _column, $"cell longer than {MaxCellLength} characters");
            }
            if (run >= 0)
            {
                return plain[run] == '"'
                    ? new CsvProblem(_line, _column, "a quote inside an unquoted cell; quote the whole cell and double the quote")
                    : null;
            }
        }
        return null;
    }

    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");

    // Moves a cell held as a stretch of the buffer into _cell, before the buffer is refilled or more is appended.
    private void Spill()
    {
        if (_directLength > 0)
        {
            _cell.Append(_buffer, _directStart, _directLength);
            _directLength = 0;
        }
    }

    // The cell just read, and resets for the next.
    private string TakeCell()
    {
        if (_directLength > 0)
        {
            var text = new string(_buffer, _directStart, _directLength);
            _directLength = 0;
            return text;
        }
        return _cell.ToString();
    }

    private CsvProblem? ReadQuoted()
    {
        var openLine = _line;
        var openColumn = _column;
        Advance();
        while (true)
        {
            var c = Peek();
            if (c < 0)
            {
                return new CsvProblem(openLine, openColumn, "quoted cell is never closed");
            }
            if (c == '"')
            {
                Advance();
                if (Peek() == '"')
                {
                    _cell.Append('"');
                    Advance();
                    continue;
                }
                var after = Peek();
                if (after < 0 || after is ',' or '\r' or '\n')
                {
                    return null;
                }
                return new CsvProblem(_line, _column, "text after a closing quote; double a quote inside a quoted cell");
            }
            if (_cell.Length >= MaxCellLength)
            {
                return new CsvProblem(openLine, openColumn, $"cell longer than {MaxCellLength} characters");
            }
            if (c == '\n')
            {
                _cell.Append('\n');
                Advance();
                NewLine();
                continue;
            }
            if (c == '\r')
            {
                Advance();
                if (Peek() == '\n')
                {
                    Advance();
                }
                _cell.Append('\n');
                NewLine();
                continue;
            }
            _cell.Append((char)c);
            Advance();
        }
    }

    private void SkipToLineEnd()
    {
        while (Peek() is >= 0 and not '\r' and not '\n')
        {
            Advance();
        }
        SkipLineBreak();
    }

    private void SkipLineBreak()
    {
        if (Peek() == '\r')
        {
            Advance();
        }
        if (Peek() == '\n')
        {
            Advance();
        }
        NewLine();
    }

    private void NewLine()
    {
        _line++;
        _column = 1;
    }

    private int Peek()
    {
        if (_position < _length)
        {
            return _buffer[_position];
        }
        Spill();
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0 ? _buffer[0] : -1;
    }

    private void Advance()
    {
        _position++;
        _column++;
    }
}
