using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sightline.Data;

/// <summary>
/// A prepared SQLite statement bound by position through SQLitePCL directly. Microsoft.Data.Sqlite binds each
/// parameter by name on every execution, which was the largest cost of a bulk import; values are stored in the
/// same forms Microsoft.Data.Sqlite and EF use, so EF reads them back unchanged.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[4096];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        Check(rc);
    }

    /// <summary>Binds the values to parameters 1…n, runs the statement and resets it.</summary>
    public void Run(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, index),
                string text => BindText(index, text),
                int number => raw.sqlite3_bind_int64(_statement, index, number),
                long number => raw.sqlite3_bind_int64(_statement, index, number),
                bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                double number => raw.sqlite3_bind_double(_statement, index, number),
                DateOnly date => BindText(index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                DateTimeOffset time => BindText(index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
                var other => throw new NotSupportedException($"bulk writes cannot store a {other.GetType().Name}"),
            };
            Check(rc);
        }
        var step = raw.sqlite3_step(_statement);
        // Every run binds every parameter, so the bindings need no clearing.
        raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(step);
        }
    }

    // SQLite copies bound text (SQLITE_TRANSIENT), so one UTF-8 buffer serves every parameter in turn.
    private int BindText(int index, string text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < needed)
        {
            _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        }
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length));
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    public void Dispose() => _statement.Dispose();
}
