namespace Sightline.Data;

/// <summary>
/// Rows of one table, gathered on one thread for <see cref="BulkWriter.InsertAsync{T}(BulkRows{T}, CancellationToken)"/>
/// on another. For PostgreSQL each row is encoded as binary COPY data as it is added, so the writing thread only streams
/// bytes to the server while this one prepares more; for SQLite the rows are kept, and bound as they are inserted.
/// </summary>
public sealed class BulkRows<T> where T : class
{
    private readonly List<T> _kept = [];

    internal BulkRows(IReadOnlyList<BulkWriter.Column> columns, string table, bool encode)
    {
        Columns = columns;
        Table = table;
        Encoded = encode ? new PostgresCopyRows() : null;
    }

    internal IReadOnlyList<BulkWriter.Column> Columns { get; }

    internal string Table { get; }

    /// <summary>The rows as binary COPY data (PostgreSQL), or null.</summary>
    internal PostgresCopyRows? Encoded { get; }

    /// <summary>The rows themselves (SQLite).</summary>
    internal IReadOnlyList<T> Kept => _kept;

    public int Count { get; private set; }

    public void Add(T row)
    {
        Count++;
        if (Encoded is null)
        {
            _kept.Add(row);
            return;
        }
        Encoded.Row(Columns.Count);
        foreach (var column in Columns)
        {
            Encoded.Value(column.Value(row));
        }
    }

    /// <summary>Empties the set, keeping its buffer for the next rows.</summary>
    public void Clear()
    {
        Count = 0;
        _kept.Clear();
        Encoded?.Clear();
    }
}
