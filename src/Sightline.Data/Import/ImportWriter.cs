namespace Sightline.Data.Import;

/// <summary>
/// Writes an import's batches on another thread: <see cref="Filling"/> is gathered on the reading thread while the
/// batch before it is written. The register's one connection serves one thread at a time, so every other use of the
/// database first waits for the writer (<see cref="FlushAsync"/>).
/// </summary>
internal sealed class ImportWriter(RegisterDb db, BulkWriter bulk)
{
    // A batch is written as soon as the writing thread is free, or once it holds this many devices.
    private const int BatchDevices = 5_000;

    private ImportBatch _writing = new(db, bulk);
    private Task _pending = Task.CompletedTask;

    /// <summary>The writer the batches go through.</summary>
    public BulkWriter Bulk => bulk;

    /// <summary>The batch being gathered.</summary>
    public ImportBatch Filling { get; private set; } = new(db, bulk);

    /// <summary>The write under way, if any; never dispose the writer or roll back under it.</summary>
    public Task Pending => _pending;

    /// <summary>Starts writing what has been gathered if the writer is free or the batch is full.</summary>
    public async Task WriteIfDueAsync(CancellationToken cancel)
    {
        if (!Filling.IsEmpty && (_pending.IsCompleted || Filling.DeviceCount >= BatchDevices))
        {
            await StartWritingAsync(cancel);
        }
    }

    /// <summary>Writes everything gathered so far and waits for it.</summary>
    public async Task FlushAsync(CancellationToken cancel)
    {
        if (!Filling.IsEmpty)
        {
            await StartWritingAsync(cancel);
        }
        var pending = _pending;
        _pending = Task.CompletedTask;
        await pending;
    }

    // Starts writing the batch gathered so far, once the one before it is written.
    private async Task StartWritingAsync(CancellationToken cancel)
    {
        await _pending;
        (Filling, _writing) = (_writing, Filling);
        Filling.Clear();
        var batch = _writing;
        _pending = Task.Run(() => batch.WriteAsync(cancel), cancel);
    }
}
