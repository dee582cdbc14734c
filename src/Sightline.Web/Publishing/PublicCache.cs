using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Sightline.Data;
using Sightline.Data.Publishing;
using Sightline.Knowledge;
using Sightline.Publishing;

namespace Sightline.Web.Publishing;

/// <summary>
/// The public site's rendered responses, kept per freshness key — the register's last audit sequence and the day (reviews
/// and statuses turn with the date) — so a page or file is read from the register and rendered once per change, however many
/// ask. The key itself is read at most once per <see cref="WebSettings.PublicFreshnessWindow"/>; when it has changed, requests
/// wait up to <see cref="WebSettings.PublicRefreshWait"/> for the new state and are served the previous one meanwhile. Small responses stay in
/// memory; large ones (the device files of a big register) are written once to the cache folder and sent from there, as
/// Kestrel sends a static file. Each render runs on a context of its own, so a client that goes away cannot cancel a render
/// others wait for.
/// </summary>
public sealed class PublicCache(WebSettings settings, KnowledgeBase knowledge, TimeProvider time) : IDisposable
{
    /// <summary>Responses larger than this are kept as files.</summary>
    public const int InMemoryLimit = 1024 * 1024;

    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private readonly string _folder = Path.Combine(settings.PublicCacheFolder, Guid.NewGuid().ToString("N"));
    private Generation? _current;
    private Generation? _previous;
    private long _checkedAt;
    private Task<Generation>? _building;
    private string? _buildingKey;

    private sealed class Generation(PublicSnapshot snapshot)
    {
        public PublicSnapshot Snapshot { get; } = snapshot;

        public ConcurrentDictionary<string, Lazy<Task<PublicDocument>>> Documents { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The snapshot at the current freshness key, reading the key again once the window has passed.</summary>
    public async Task<PublicSnapshot> SnapshotAsync(CancellationToken cancel) => (await GenerationAsync(cancel)).Snapshot;

    /// <summary>The document <paramref name="name"/> at the current key, rendered by <paramref name="render"/> the first time it is asked for.</summary>
    public async Task<PublicDocument> DocumentAsync(string name, string contentType, Func<PublicRender, Task> render, CancellationToken cancel)
    {
        var generation = await GenerationAsync(cancel);
        var lazy = generation.Documents.GetOrAdd(name, _ => new Lazy<Task<PublicDocument>>(
            () => RenderAsync(generation.Snapshot, name, contentType, render), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return await lazy.Value.WaitAsync(cancel);
        }
        catch (Exception) when (!cancel.IsCancellationRequested && lazy.Value.IsFaulted)
        {
            // A failed render is not kept: the next request tries again.
            generation.Documents.TryRemove(new KeyValuePair<string, Lazy<Task<PublicDocument>>>(name, lazy));
            throw;
        }
    }

    private async Task<Generation> GenerationAsync(CancellationToken cancel)
    {
        var now = Stopwatch.GetTimestamp();
        var current = Volatile.Read(ref _current);
        if (current is not null && Stopwatch.GetElapsedTime(Volatile.Read(ref _checkedAt), now) < settings.PublicFreshnessWindow)
        {
            return current;
        }
        Task<Generation> building;
        bool mustWait;
        await _keyLock.WaitAsync(cancel);
        try
        {
            current = _current;
            if (current is not null && Stopwatch.GetElapsedTime(_checkedAt, now) < settings.PublicFreshnessWindow)
            {
                return current;
            }
            string key;
            PublicSettings publicSettings;
            await using (var db = settings.Location.Connect())
            {
                var sequence = await PublicRead.FreshnessAsync(db, cancel);
                key = string.Create(CultureInfo.InvariantCulture, $"{sequence}-{time.GetUtcNow().UtcDateTime:yyyyMMdd}");
                publicSettings = current is null || current.Snapshot.Key == key ? current?.Snapshot.Settings ?? new PublicSettings()
                    : await PublicationRules.SettingsAsync(db, cancel);
            }
            Volatile.Write(ref _checkedAt, now);
            if (current is not null && current.Snapshot.Key == key)
            {
                return current;
            }
            if (_building is null || _buildingKey != key || _building.IsFaulted)
            {
                _buildingKey = key;
                // A thread of its own: SQLite's "async" reads run on the calling thread, and seconds of them must not hold a
                // thread-pool thread that requests (and the timer that ends their wait) need.
                _building = Task.Factory.StartNew(() => BuildAsync(key), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            }
            building = _building;
            // A site turned off, or a licence changed, is never served stale.
            mustWait = current is null || current.Snapshot.Settings.Enabled != publicSettings.Enabled || current.Snapshot.Settings.Licence != publicSettings.Licence;
        }
        finally
        {
            _keyLock.Release();
        }
        if (mustWait)
        {
            return await building.WaitAsync(cancel);
        }
        // On a large register reading everything again takes seconds: meanwhile the previous state is served, as a
        // proxy's stale-while-revalidate would, rather than making every client wait.
        try
        {
            return await building.WaitAsync(settings.PublicRefreshWait, cancel);
        }
        catch (TimeoutException)
        {
            return current!;
        }
    }

    private async Task<Generation> BuildAsync(string key)
    {
        // Not cancellable: requests that gave up waiting still want it, and it runs once per change.
        await using var db = settings.Location.Connect();
        var read = new PublicRead(db, knowledge, time);
        var publicSettings = await PublicationRules.SettingsAsync(db, CancellationToken.None);
        var systems = await read.SystemsAsync(CancellationToken.None);
        var organisation = await read.OrganisationAsync(systems, CancellationToken.None);
        var next = new Generation(new PublicSnapshot(key, publicSettings, organisation, systems));
        await _keyLock.WaitAsync();
        try
        {
            var old = _previous;
            _previous = _current;
            Volatile.Write(ref _current, next);
            if (old is not null)
            {
                Discard(old);
            }
        }
        finally
        {
            _keyLock.Release();
        }
        return next;
    }

    private async Task<PublicDocument> RenderAsync(PublicSnapshot snapshot, string name, string contentType, Func<PublicRender, Task> render)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, $"{snapshot.Key}.{Guid.NewGuid():N}.{SafeName(name)}");
        await using (var db = settings.Location.Connect())
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            await render(new PublicRender(db, new PublicRead(db, knowledge, time), snapshot, file, CancellationToken.None));
            await file.FlushAsync();
        }
        var length = new FileInfo(path).Length;
        byte[] hash;
        await using (var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            hash = await SHA256.HashDataAsync(read);
        }
        var etag = $"\"{Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_')}\"";
        if (length <= InMemoryLimit)
        {
            var bytes = await File.ReadAllBytesAsync(path);
            File.Delete(path);
            return new PublicDocument(contentType, etag, length, bytes, null);
        }
        return new PublicDocument(contentType, etag, length, null, path);
    }

    private static void Discard(Generation generation)
    {
        // Files of the generation before last: any response still sending one has it open, which Linux allows to be deleted.
        foreach (var lazy in generation.Documents.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && lazy.Value.GetAwaiter().GetResult().Path is { } path)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Removed with the folder at the end.
                }
            }
        }
    }

    private static string SafeName(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));

    public void Dispose()
    {
        _keyLock.Dispose();
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still being sent as the server stops; the temporary folder is the system's to clear.
        }
    }
}
