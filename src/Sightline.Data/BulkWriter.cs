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
    private readonly Dictionary<Type, (IReadOnlyList<IProperty> Columns, string Table)> _tables = [];
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
            var names = string.Join(", ", columns.Select(c => Quote(c.GetColumnName())));
            await using var copy = await ((NpgsqlConnection)write.Connection).BeginBinaryImportAsync(
                $"COPY {Quote(table)} ({names}) FROM STDIN (FORMAT BINARY)", cancel);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancel);
                foreach (var column in columns)
                {
                    if (ProviderValue(column, row) is { } value)
                    {
                        await copy.WriteAsync(value, column.GetColumnType(), cancel);
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
            $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.GetColumnName())))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})", columns.Count);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters[i].Value = ProviderValue(columns[i], row) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancel);
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
        var key = columns.Single(c => c.IsPrimaryKey());
        var others = columns.Where(c => c != key).ToList();
        var sql = $"UPDATE {Quote(table)} SET {string.Join(", ", others.Select((c, i) => $"{Quote(c.GetColumnName())} = {Placeholder(i, c)}"))} " +
            $"WHERE {Quote(key.GetColumnName())} = {Placeholder(others.Count, key)}";
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
                    command.Parameters.Add(new NpgsqlParameter { Value = ProviderValue(column, row) ?? DBNull.Value });
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
                update.Parameters[i].Value = ProviderValue(ordered[i], row) ?? DBNull.Value;
            }
            await update.ExecuteNonQueryAsync(cancel);
        }
    }

    private string Placeholder(int index, IProperty column) =>
        write.Db.IsPostgres ? $"${index + 1}::{column.GetColumnType()}" : $"$p{index}";

    private static object? ProviderValue(IProperty column, object row)
    {
        var value = column.GetGetter().GetClrValue(row);
        var converter = column.GetTypeMapping().Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }

    private (IReadOnlyList<IProperty> Columns, string Table) Table<T>()
    {
        if (!_tables.TryGetValue(typeof(T), out var table))
        {
            var entity = write.Db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the register");
            table = (entity.GetProperties().ToList(), entity.GetTableName()!);
            _tables[typeof(T)] = table;
        }
        return table;
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
