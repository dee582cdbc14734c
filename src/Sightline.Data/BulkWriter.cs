using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Sightline.Data;

/// <summary>
/// Writes many rows inside a <see cref="RegisterWrite"/> far faster than change tracking can: prepared
/// statements on SQLite, binary COPY on PostgreSQL. Column names, types and value conversions come from
/// the EF model, so the bulk path stores exactly what EF would.
/// </summary>
public sealed class BulkWriter(RegisterWrite write) : IAsyncDisposable
{
    private readonly Dictionary<Type, (IReadOnlyList<Column> Columns, string Table)> _tables = [];
    private readonly Dictionary<string, DbCommand> _commands = [];

    /// <summary>Inserts new rows, keys included.</summary>
    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancel) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var (columns, table) = Table<T>();
        if (write.Db.IsPostgres)
        {
            var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
            await using var copy = await ((NpgsqlConnection)write.Connection).BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({names}) FROM STDIN (FORMAT BINARY)", cancel);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancel);
                foreach (var column in columns)
                {
                    if (column.Value(row) is { } value)
                    {
                        await copy.WriteAsync(value, column.StoreType, cancel);
                    }
                    else
                    {
                        await copy.WriteNullAsync(cancel);
                    }
                }
            }
            await copy.CompleteAsync(cancel);
            return;
        }
        var command = Command($"insert:{table}", () =>
            $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})", columns.Count);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            }
            // Microsoft.Data.Sqlite is synchronous underneath; the async call only adds overhead per row.
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Overwrites every column of existing rows, matched by key.</summary>
    public async Task UpdateAsync<T>(IReadOnlyList<T> rows, CancellationToken cancel) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var (columns, table) = Table<T>();
        var key = columns.Single(c => c.IsKey);
        var others = columns.Where(c => c != key).ToList();
        var sql = $"UPDATE {Quote(table)} SET {string.Join(", ", others.Select((c, i) => $"{Quote(c.Name)} = {Placeholder(i, c)}"))} " +
            $"WHERE {Quote(key.Name)} = {Placeholder(others.Count, key)}";
        var ordered = others.Append(key).ToList();
        if (write.Db.IsPostgres)
        {
            // One round trip per batch: updates are the minority of an import.
            await using var batch = new NpgsqlBatch((NpgsqlConnection)write.Connection, (NpgsqlTransaction)write.Transaction);
            foreach (var row in rows)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var column in ordered)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = column.Value(row) ?? DBNull.Value });
                }
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancel);
            return;
        }
        var update = Command($"update:{table}", () => sql, ordered.Count);
        foreach (var row in rows)
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                update.Parameters[i].Value = ordered[i].Value(row) ?? DBNull.Value;
            }
            update.ExecuteNonQuery();
        }
    }

    private string Placeholder(int index, Column column) =>
        write.Db.IsPostgres ? $"${index + 1}::{column.StoreType}" : $"$p{index}";

    private (IReadOnlyList<Column> Columns, string Table) Table<T>()
    {
        if (!_tables.TryGetValue(typeof(T), out var table))
        {
            var entity = write.Db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the register");
            table = (entity.GetProperties().Select(p => new Column(p)).ToList(), entity.GetTableName()!);
            _tables[typeof(T)] = table;
        }
        return table;
    }

    /// <summary>A column with its name, store type and the getter and converter EF uses, looked up once.</summary>
    private sealed class Column(IProperty property)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = property.GetTypeMapping().Converter;

        public string Name { get; } = property.GetColumnName();

        public string StoreType { get; } = property.GetColumnType();

        public bool IsKey { get; } = property.IsPrimaryKey();

        public object? Value(object row)
        {
            var value = _getter.GetClrValue(row);
            return value is null ? null : _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }

    private DbCommand Command(string name, Func<string> sql, int parameters)
    {
        if (_commands.TryGetValue(name, out var command))
        {
            return command;
        }
        command = write.Connection.CreateCommand();
        command.Transaction = write.Transaction;
        command.CommandText = sql();
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }
        command.Prepare();
        _commands[name] = command;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }

    private static string Quote(string name) => $"\"{name}\"";
}
