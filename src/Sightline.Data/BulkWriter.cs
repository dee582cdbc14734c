using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Sightline.Data;

/// <summary>
/// Writes many rows inside a <see cref="RegisterWrite"/> far faster than change tracking can: prepared
/// statements on SQLite, binary COPY on PostgreSQL (its rows encoded by <see cref="BulkRows{T}"/>). Column names,
/// types and value conversions come from the EF model, so the bulk path stores exactly what EF would.
/// </summary>
public sealed class BulkWriter(RegisterWrite write) : IAsyncDisposable
{
    // Read from the thread that gathers rows and the one that writes them.
    private readonly ConcurrentDictionary<Type, (IReadOnlyList<Column> Columns, string Table)> _tables = [];
    private readonly Dictionary<string, SqliteStatement> _statements = [];
    private readonly List<string> _deferred = [];

    /// <summary>An empty set of <typeparamref name="T"/> rows, to fill on one thread and insert from another.</summary>
    public BulkRows<T> Rows<T>() where T : class
    {
        var (columns, table) = Table<T>();
        return new BulkRows<T>(columns, table, write.Db.IsPostgres);
    }

    /// <summary>Inserts new rows, keys included.</summary>
    public Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancel) where T : class
    {
        var prepared = Rows<T>();
        foreach (var row in rows)
        {
            prepared.Add(row);
        }
        return InsertAsync(prepared, cancel);
    }

    /// <summary>Inserts rows gathered with <see cref="Rows{T}"/>, keys included.</summary>
    public async Task InsertAsync<T>(BulkRows<T> rows, CancellationToken cancel) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (rows.Encoded is { } encoded)
        {
            await CopyAsync(rows.Table, rows.Columns, encoded, cancel);
            return;
        }
        var insert = Statement($"insert:{rows.Table}", () =>
            $"INSERT INTO {Quote(rows.Table)} ({string.Join(", ", rows.Columns.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"?{i + 1}"))})");
        RunAll(insert, rows.Columns, rows.Kept);
    }

    private async Task CopyAsync(string table, IReadOnlyList<Column> columns, PostgresCopyRows encoded, CancellationToken cancel)
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var copy = await ((NpgsqlConnection)write.Connection).BeginRawBinaryCopyAsync(
            $"COPY {Quote(table)} ({names}) FROM STDIN (FORMAT binary)", cancel);
        copy.Write(PostgresCopyRows.Start);
        copy.Write(encoded.Written);
        copy.Write(PostgresCopyRows.End);
    }

    private static void RunAll<T>(SqliteStatement statement, IReadOnlyList<Column> columns, IEnumerable<T> rows) where T : class
    {
        var values = new object?[columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = columns[i].Value(row);
            }
            statement.Run(values);
        }
    }

    /// <summary>
    /// Overwrites every column of existing rows, matched by key. With <paramref name="indexedUnchanged"/> the caller
    /// promises the rows' indexed columns hold what is stored (see <see cref="SameIndexedValues{T}"/>): SQLite then
    /// leaves those columns out, and with them every index, which it would otherwise rewrite entry by entry at random
    /// places in files larger than its cache (issue 12). PostgreSQL sees unchanged indexed values itself (HOT updates).
    /// </summary>
    public async Task UpdateAsync<T>(IReadOnlyList<T> rows, CancellationToken cancel, bool indexedUnchanged = false) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var (columns, table) = Table<T>();
        var key = columns.Single(c => c.IsKey);
        if (write.Db.IsPostgres)
        {
            await UpdateFromCopyAsync(rows, columns, table, key, columns.Where(c => c != key).ToList(), cancel);
            return;
        }
        var others = columns.Where(c => c != key && !(indexedUnchanged && c.IsIndexed)).ToList();
        var sql = $"UPDATE {Quote(table)} SET {string.Join(", ", others.Select((c, i) => $"{Quote(c.Name)} = {Placeholder(i, c)}"))} " +
            $"WHERE {Quote(key.Name)} = {Placeholder(others.Count, key)}";
        var ordered = others.Append(key).ToList();
        RunAll(Statement($"update:{table}:{indexedUnchanged}", () => sql), ordered, rows);
    }

    /// <summary>Whether two rows of <typeparamref name="T"/> hold the same values in every indexed column.</summary>
    public bool SameIndexedValues<T>(T a, T b) where T : class =>
        Table<T>().Columns.Where(c => c.IsIndexed).All(c => Equals(c.Value(a), c.Value(b)));

    // PostgreSQL: the rows go by binary COPY into a temporary table like the real one, and one UPDATE joins it, instead
    // of a statement per row that the server parses, plans and executes on its own (issue 12: imports that update half
    // a million devices).
    private readonly HashSet<string> _staging = [];

    private async Task UpdateFromCopyAsync<T>(IReadOnlyList<T> rows, IReadOnlyList<Column> columns, string table, Column key,
        List<Column> others, CancellationToken cancel) where T : class
    {
        var staging = $"{table}_updated";
        // Names from our own model, not from input. The table lives until the transaction ends, and is emptied for each batch.
        var prepare = _staging.Add(staging)
            ? $"CREATE TEMPORARY TABLE {Quote(staging)} (LIKE {Quote(table)}) ON COMMIT DROP"
            : $"TRUNCATE {Quote(staging)}";
        await RunAsync(prepare, cancel);
        var encoded = new PostgresCopyRows();
        foreach (var row in rows)
        {
            encoded.Row(columns.Count);
            foreach (var column in columns)
            {
                encoded.Value(column.Value(row));
            }
        }
        await CopyAsync(staging, columns, encoded, cancel);
        var update = $"UPDATE {Quote(table)} AS t SET {string.Join(", ", others.Select(c => $"{Quote(c.Name)} = s.{Quote(c.Name)}"))} " +
            $"FROM {Quote(staging)} AS s WHERE t.{Quote(key.Name)} = s.{Quote(key.Name)}";
        await RunAsync(update, cancel);
    }

    private async Task RunAsync(string sql, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)write.Connection, (NpgsqlTransaction)write.Transaction);
        await command.ExecuteNonQueryAsync(cancel);
    }

    /// <summary>
    /// Drops the indexes of <typeparamref name="T"/>'s table that <paramref name="keep"/> (given the indexed column
    /// names) rejects, until <see cref="RestoreIndexesAsync"/>: building an index once over loaded rows is far
    /// cheaper than keeping it up to date row by row. The drop is part of the transaction, so a rollback undoes it.
    /// </summary>
    public async Task DeferIndexesAsync<T>(Func<IReadOnlyList<string>, bool> keep, CancellationToken cancel) where T : class
    {
        var entity = write.Db.Model.FindEntityType(typeof(T))!;
        foreach (var index in entity.GetIndexes())
        {
            var columns = index.Properties.Select(p => p.GetColumnName()).ToList();
            if (keep(columns))
            {
                continue;
            }
            var name = index.GetDatabaseName()!;
            var drop = $"DROP INDEX {Quote(name)}"; // names come from our own model, not from input
            await write.Db.Database.ExecuteSqlRawAsync(drop, cancel);
            _deferred.Add($"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX {Quote(name)} ON {Quote(entity.GetTableName()!)} " +
                $"({string.Join(", ", columns.Select(Quote))})");
        }
    }

    /// <summary>
    /// On PostgreSQL, drops <typeparamref name="T"/>'s foreign keys until <see cref="RestoreIndexesAsync"/>, which adds
    /// them back and so checks every row in one pass instead of one trigger call per row. SQLite checks them cheaply
    /// per row and cannot drop them, so there this does nothing.
    /// </summary>
    public async Task DeferForeignKeysAsync<T>(CancellationToken cancel) where T : class
    {
        if (!write.Db.IsPostgres)
        {
            return;
        }
        var entity = write.Db.Model.FindEntityType(typeof(T))!;
        var table = Quote(entity.GetTableName()!);
        foreach (var key in entity.GetForeignKeys())
        {
            var name = Quote(key.GetConstraintName()!);
            var drop = $"ALTER TABLE {table} DROP CONSTRAINT {name}"; // names come from our own model, not from input
            await write.Db.Database.ExecuteSqlRawAsync(drop, cancel);
            var onDelete = key.DeleteBehavior is DeleteBehavior.Cascade ? "CASCADE" : "RESTRICT";
            _deferred.Add($"ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY ({string.Join(", ", key.Properties.Select(p => Quote(p.GetColumnName())))}) " +
                $"REFERENCES {Quote(key.PrincipalEntityType.GetTableName()!)} ({string.Join(", ", key.PrincipalKey.Properties.Select(p => Quote(p.GetColumnName())))}) " +
                $"ON DELETE {onDelete}");
        }
    }

    /// <summary>Creates again the indexes and foreign keys deferred by <see cref="DeferIndexesAsync"/> and <see cref="DeferForeignKeysAsync"/>.</summary>
    public async Task RestoreIndexesAsync(CancellationToken cancel)
    {
        foreach (var create in _deferred)
        {
            await write.Db.Database.ExecuteSqlRawAsync(create, cancel);
        }
        _deferred.Clear();
    }

    private string Placeholder(int index, Column column) =>
        write.Db.IsPostgres ? $"${index + 1}::{column.StoreType}" : $"?{index + 1}";

    private (IReadOnlyList<Column> Columns, string Table) Table<T>()
    {
        return _tables.GetOrAdd(typeof(T), type =>
        {
            var entity = write.Db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type} is not in the register");
            return (entity.GetProperties().Select(p => new Column(p)).ToList(), entity.GetTableName()!);
        });
    }

    /// <summary>A column with its name, store type and the getter and converter EF uses, looked up once.</summary>
    internal sealed class Column(IProperty property)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = property.GetTypeMapping().Converter;

        public string Name { get; } = property.GetColumnName();

        public string StoreType { get; } = property.GetColumnType();

        public bool IsKey { get; } = property.IsPrimaryKey();

        /// <summary>Whether an index (other than the key) covers the column.</summary>
        public bool IsIndexed { get; } = !property.IsPrimaryKey() && property.GetContainingIndexes().Any();

        public object? Value(object row)
        {
            var value = _getter.GetClrValue(row);
            return value is null ? null : _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }

    private SqliteStatement Statement(string name, Func<string> sql)
    {
        if (!_statements.TryGetValue(name, out var statement))
        {
            statement = new SqliteStatement((SqliteConnection)write.Connection, sql());
            _statements[name] = statement;
        }
        return statement;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private static string Quote(string name) => $"\"{name}\"";
}
