using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Csv;
using Sightline.Data.Audit;
using Sightline.Data.Identification;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Data.Import;

/// <summary>
/// Loads an asset list into the register in one transaction: every row is validated, matched to a device by
/// asset id, then serial, then MAC, and only real changes are written and audited. Any problem anywhere
/// means nothing is written. The file streams in chunks; what is kept across chunks has a fixed size, except the
/// set of stored devices the file has updated. With knowledge, every created or changed device is identified
/// from what the row says, and its identity written in the same transaction. Decided changes are gathered in a batch
/// (rows, audit entries, identities) while the batch before is written on another thread.
/// </summary>
public sealed class DeviceImport(RegisterDb db, TimeProvider time, string actor, KnowledgeBase? knowledge = null)
{
    private RegisterIdentifier? _identifier;
    private const int ChunkSize = 500;
    // A batch is written as soon as the writing thread is free, or once it holds this many devices.
    private const int BatchDevices = 5_000;

    private readonly List<CsvProblem> _problems = [];
    private readonly List<ImportChange> _changes = [];
    private readonly List<string> _createdPlaces = [];
    // Asset ids seen so far, as a fixed-size Bloom filter; a row whose id may have been seen is held back as a suspect
    // and settled at the end (SettleSuspectsAsync), so memory does not grow with the file.
    internal KeyFilter AssetIds { get; init; } = new();
    // On a first load, at most this many rows are held back before the indexes are built after all (EndFirstLoadAsync).
    internal int HeldBackLimit { get; init; } = 10_000;
    // A suspect's row is null when the row had problems of its own: its id is still checked, and nothing is written.
    private readonly List<(string AssetId, CsvField Cell, DeviceRow? Row)> _suspects = [];
    // Keys (asset id, serial, MAC) of the devices stored or created so far: a row whose keys it has not seen needs no look-up.
    internal KeyFilter KnownKeys { get; init; } = new();
    // Stored devices this file has already updated; devices it created are recognised by id (≥ _firstNewId).
    private readonly Dictionary<int, long> _matchedLines = [];
    private int _firstNewId;
    private bool _anyObservations;
    private readonly Dictionary<string, int> _siteIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _systemIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _siteNames = [];
    private readonly Dictionary<int, string> _systemNames = [];
    private int _problemCount;
    private int _created;
    private int _updated;
    private int _unchanged;
    private int _nextDeviceId;
    private int _changedWhenAnalysed;
    // Devices in the register when the import began, and when PostgreSQL last sampled the devices table (see AnalyzeIfGrownAsync).
    private int _storedAtStart;
    private int _devicesWhenAnalysed;
    // A load into an empty register: see ApplyChunkAsync.
    private bool _firstLoad;
    private readonly List<DeviceRow> _heldBack = [];
    private Batch _filling = null!;
    private Batch _writing = null!;
    private Task _pending = Task.CompletedTask;

    /// <summary>How the file's bytes are read: UTF-8 unless the user says the file is Latin-1.</summary>
    public CsvEncoding FileEncoding { get; init; } = CsvEncoding.Utf8;

    /// <summary>Imports <paramref name="input"/>; <paramref name="name"/> is how problems name the file.</summary>
    public async Task<ImportResult> RunAsync(Stream input, string name, bool dryRun, CancellationToken cancel)
    {
        if (!input.CanSeek)
        {
            throw new ArgumentException("an import reads its file a second time to confirm duplicate asset ids; give a file", nameof(input));
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        await using var bulk = new BulkWriter(write);
        try
        {
            return await ImportAsync(write, bulk, input, name, dryRun, cancel);
        }
        finally
        {
            // Never dispose the writer or roll back under a chunk still being written (its failure, if any, is not
            // the one being reported).
            await Task.WhenAny(_pending);
        }
    }

    private async Task<ImportResult> ImportAsync(RegisterWrite write, BulkWriter bulk, Stream input, string name, bool dryRun,
        CancellationToken cancel)
    {
        await LoadPlacesAsync(cancel);
        _nextDeviceId = (await db.Devices.MaxAsync(d => (int?)d.Id, cancel) ?? 0) + 1;
        _firstNewId = _nextDeviceId;
        await LoadKeysAsync(cancel);
        _devicesWhenAnalysed = _storedAtStart;
        if (knowledge is not null)
        {
            _identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
            // Scans store observations under the same write lock, so none can appear while this import holds it.
            _anyObservations = await db.Observations.AnyAsync(cancel);
        }
        (_filling, _writing) = (new Batch(bulk), new Batch(bulk));
        _firstLoad = _firstNewId == 1;
        if (_firstLoad)
        {
            // Every index is built once at the end instead of row by row; keeping the lookup indexes up to date cost
            // PostgreSQL more than half its time (random inserts into three B-trees).
            await bulk.DeferIndexesAsync<Device>(_ => false, cancel);
            await bulk.DeferIndexesAsync<AuditEntry>(_ => false, cancel);
            await bulk.DeferIndexesAsync<DeviceIdentity>(_ => false, cancel);
            await bulk.DeferForeignKeysAsync<Device>(cancel);
            // Each identity row would otherwise fire a trigger that looks its device up; adding the key back at the
            // end checks them all in one join.
            await bulk.DeferForeignKeysAsync<DeviceIdentity>(cancel);
        }

        await using var hashing = new HashingStream(input);
        using var text = CsvText.Open(hashing, FileEncoding);
        var csv = new CsvReader(text);
        long rows = 0;
        var assetColumn = -1;
        if (csv.Read() is not { } headerRecord)
        {
            Problem(new CsvProblem(1, 1, "the file is empty; it needs a header row"));
        }
        else if (DeviceHeader.Parse(headerRecord, _problems) is { } header)
        {
            var parser = new DeviceRowParser(header, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            assetColumn = header.Columns.ToList().IndexOf(DeviceColumn.AssetId);
            var chunk = new List<DeviceRow>(ChunkSize);
            while (csv.Read() is { } record)
            {
                cancel.ThrowIfCancellationRequested();
                rows++;
                if (ParseRow(parser, record, assetColumn) is { } row)
                {
                    chunk.Add(row);
                }
                if (chunk.Count == ChunkSize)
                {
                    await ApplyChunkAsync(write, bulk, chunk, cancel);
                    chunk.Clear();
                }
            }
            await ApplyChunkAsync(write, bulk, chunk, cancel);
        }
        while (text.Read() >= 0)
        {
            // Read any rest so that the hash covers the whole file.
        }
        var sha = hashing.HexDigest();
        if (_firstLoad && (_heldBack.Count > 0 || _suspects.Count > 0))
        {
            await EndFirstLoadAsync(write, bulk, cancel);
        }
        if (_suspects.Count > 0)
        {
            await ApplyChunkAsync(write, bulk, await SettleSuspectsAsync(input, assetColumn, cancel), cancel);
        }
        await FlushAsync(cancel);
        _problemCount = Math.Max(_problemCount, _problems.Count);
        _problems.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        var committed = _problemCount == 0 && !dryRun;
        if (committed && _created + _updated > 0)
        {
            var summary = AuditJson.Of(("sha256", sha), ("rows", rows.ToString()), ("created", _created.ToString()),
                ("updated", _updated.ToString()), ("unchanged", _unchanged.ToString()));
            await bulk.InsertAsync([write.Audit.Next("import", "file", Path.GetFileName(name), null, summary)], cancel);
        }
        if (committed)
        {
            await bulk.RestoreIndexesAsync(cancel);
            await AnalyzeIfManyChangedAsync(write.Db, cancel);
            await write.CommitAsync(cancel);
        }
        return new ImportResult
        {
            Rows = rows,
            Created = _created,
            Updated = _updated,
            Unchanged = _unchanged,
            CreatedPlaces = _createdPlaces,
            Problems = _problems.Take(ImportResult.ProblemsKept).ToList(),
            ProblemCount = _problemCount,
            Changes = _changes,
            Committed = committed,
            Sha256 = sha,
        };
    }

    /// <summary>Devices created or updated from which an import refreshes PostgreSQL's statistics on what it wrote.</summary>
    public const int AnalyzeAfter = 10_000;

    // PostgreSQL plans from sampled statistics, which a bulk load leaves stale (or, on a first load, absent) until
    // autovacuum comes round. Planned blind, the web's device list cost three times the CPU on a register of a million
    // just imported (docs/benchmarks.md, "Web"); ANALYZE samples the two tables in about a second.
    private async Task AnalyzeIfManyChangedAsync(RegisterDb db, CancellationToken cancel)
    {
        if (!db.IsPostgres || _created + _updated - _changedWhenAnalysed < AnalyzeAfter)
        {
            return;
        }
        await AnalyzeAsync(db, cancel);
    }

    /// <summary>Devices an import creates before it first refreshes PostgreSQL's statistics on a register that was small.</summary>
    internal const int AnalyzeGrowthAfter = 1_000;

    // PostgreSQL plans each foreign-key check (an identity's device must exist) once per connection and keeps the plan.
    // Planned while the devices table fits in a page or two, the check is a scan of the whole table, and every identity
    // written then scans a table that the import keeps growing: an import of 50,000 rows into a register of 10 devices
    // ran into the 30 s command timeout in COPY "identities" (issue 12). ANALYZE makes PostgreSQL plan again, with the
    // table's real size; doing it each time the table has doubled (and grown by AnalyzeGrowthAfter) costs a few
    // samplings of at most 30,000 rows and keeps every other look-up planned on the true size too.
    private async Task AnalyzeIfGrownAsync(RegisterDb db, CancellationToken cancel)
    {
        var grown = _storedAtStart + _created - _devicesWhenAnalysed;
        if (!db.IsPostgres || grown < Math.Max(AnalyzeGrowthAfter, _devicesWhenAnalysed))
        {
            return;
        }
        await FlushAsync(cancel);
        await AnalyzeAsync(db, cancel);
    }

    private async Task AnalyzeAsync(RegisterDb db, CancellationToken cancel)
    {
        _changedWhenAnalysed = _created + _updated;
        _devicesWhenAnalysed = _storedAtStart + _created;
        var tables = string.Join(", ", new[] { typeof(Device), typeof(DeviceIdentity) }.Select(t => $"\"{db.Model.FindEntityType(t)!.GetTableName()}\""));
        var analyze = "ANALYZE " + tables; // names from our own model, not from input
        await db.Database.ExecuteSqlRawAsync(analyze, cancel);
    }

    private DeviceRow? ParseRow(DeviceRowParser parser, CsvRecord record, int assetColumn)
    {
        var before = _problems.Count;
        var row = parser.Parse(record, _problems);
        if ((row is null ? parser.AssetIdOf(record) : row.Values[DeviceColumn.AssetId]) is { } assetId)
        {
            if (AssetIds.MightContain(assetId))
            {
                _suspects.Add((assetId, record.Fields[assetColumn], row));
                row = null;
            }
            else
            {
                AssetIds.Add(assetId);
            }
        }
        _problemCount += _problems.Count - before;
        if (_problems.Count > ImportResult.ProblemsKept)
        {
            _problems.RemoveRange(ImportResult.ProblemsKept, _problems.Count - ImportResult.ProblemsKept);
        }
        return row;
    }

    /// <summary>
    /// Decides the rows held back because their asset id may have been seen. While nothing has gone wrong, the register
    /// itself says whether an earlier row used the id (it created or matched a device with it); only if one did, or if
    /// writing has already stopped, is the file read again to find the earlier line. Rows whose id was not seen after
    /// all are returned to be imported.
    /// </summary>
    private async Task<List<DeviceRow>> SettleSuspectsAsync(Stream input, int assetColumn, CancellationToken cancel)
    {
        var ids = _suspects.Select(s => s.AssetId).Distinct().ToList();
        var firstSuspectLine = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (assetId, cell, _) in _suspects)
        {
            firstSuspectLine.TryAdd(assetId, cell.Line);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_problemCount == 0)
        {
            await FlushAsync(cancel);
            var stored = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.AssetId!))
                .Select(d => new { d.Id, d.AssetId }).ToListAsync(cancel);
            seen.UnionWith(stored.Where(d => d.Id >= _firstNewId || _matchedLines.ContainsKey(d.Id)).Select(d => d.AssetId!));
        }
        var duplicates = _suspects.Where(s => seen.Contains(s.AssetId) || firstSuspectLine[s.AssetId] < s.Cell.Line).ToList();
        if (_problemCount > 0 || duplicates.Count > 0)
        {
            var firstLines = FirstLines(input, FileEncoding, assetColumn, ids.ToHashSet(StringComparer.Ordinal), cancel);
            duplicates = _suspects.Where(s => firstLines[s.AssetId] < s.Cell.Line).ToList();
            foreach (var (assetId, cell, _) in duplicates)
            {
                Problem(new CsvProblem(cell.Line, cell.Column, $"asset id '{assetId}' is already used on line {firstLines[assetId]}")
                {
                    Cell = DeviceColumns.Name(DeviceColumn.AssetId),
                });
            }
        }
        return _suspects.Except(duplicates).Select(s => s.Row).OfType<DeviceRow>().ToList();
    }

    // Reads the file again for the first line on which each of the given asset ids appears.
    private static Dictionary<string, long> FirstLines(Stream input, CsvEncoding encoding, int assetColumn, HashSet<string> ids, CancellationToken cancel)
    {
        var firstLines = new Dictionary<string, long>(StringComparer.Ordinal);
        input.Seek(0, SeekOrigin.Begin);
        using var text = CsvText.Open(input, encoding, leaveOpen: true);
        var csv = new CsvReader(text);
        csv.Read();
        while (csv.Read() is { } record)
        {
            cancel.ThrowIfCancellationRequested();
            if (record.Problem is null && record.Fields.Count > assetColumn
                && FormulaGuard.Restore(record.Fields[assetColumn].Value.Trim()) is var assetId && ids.Contains(assetId))
            {
                firstLines.TryAdd(assetId, record.Line);
            }
        }
        return firstLines;
    }

    private async Task ApplyChunkAsync(RegisterWrite write, BulkWriter bulk, List<DeviceRow> chunk, CancellationToken cancel)
    {
        if (_problemCount > 0 || chunk.Count == 0)
        {
            return; // Nothing will be committed; keep reading only to find every problem.
        }
        // On a first load every device is this file's own, so a row can match only one an earlier row created. Rows
        // whose serial or MAC may have been seen are held back and matched at the end, once the indexes are built
        // (EndFirstLoadAsync); the others need no look-up at all.
        var existing = _firstLoad ? new DeviceMatches() : await FindExistingAsync(chunk, cancel);
        var updated = new List<Device>();
        foreach (var row in chunk)
        {
            if (_firstLoad && (KnownKeys.MightContain(row.Values[DeviceColumn.Serial]) || KnownKeys.MightContain(row.Values[DeviceColumn.Mac])))
            {
                _heldBack.Add(row);
                RememberKeys(row.Values[DeviceColumn.AssetId], row.Values[DeviceColumn.Serial], row.Values[DeviceColumn.Mac]);
                continue;
            }
            var match = existing.Find(row.Values);
            if (match is not null && match.Id >= _firstNewId)
            {
                Problem(new CsvProblem(row.Line, 1, $"row matches device {match.Id} ({Label(match)}), which an earlier row of this file created"));
                continue;
            }
            if (match is not null && !_matchedLines.TryAdd(match.Id, row.Line))
            {
                Problem(new CsvProblem(row.Line, 1,
                    $"row matches device {match.Id} ({Label(match)}), which line {_matchedLines[match.Id]} already matched"));
                continue;
            }
            var current = match is null ? null : DeviceValues.From(match, Name(_systemNames, match.SystemId), Name(_siteNames, match.SiteId));
            var merged = row.MergeOnto(current);
            if (current is not null && AuditJson.Same(current, merged))
            {
                _unchanged++;
                continue;
            }
            // Nearly every row names a place already known: settle those without an async call each.
            var systemId = KnownPlace(merged[DeviceColumn.System], _systemIds, out var knownSystem)
                ? knownSystem
                : await PlaceIdAsync(write, merged[DeviceColumn.System], isSite: false, cancel);
            var siteId = KnownPlace(merged[DeviceColumn.Site], _siteIds, out var knownSite)
                ? knownSite
                : await PlaceIdAsync(write, merged[DeviceColumn.Site], isSite: true, cancel);
            var device = new Device { Id = match?.Id ?? _nextDeviceId++ };
            merged.ApplyTo(device, systemId, siteId);
            existing.Add(device);
            RememberKeys(device.AssetId, device.Serial, device.MacAddress);
            string action;
            string? before, after;
            if (current is null)
            {
                (action, before, after) = ("create", null, AuditJson.Snapshot(merged));
                _filling.Devices.Add(device);
                if (_identifier is not null)
                {
                    _filling.Identities.Add(_identifier.Identify(device));
                }
                _created++;
            }
            else
            {
                (action, before, after) = ("update", AuditJson.ChangedIn(current, merged), AuditJson.ChangedIn(merged, current));
                _filling.Updates.Add(device);
                updated.Add(device);
                _updated++;
            }
            _filling.Audit.Add(write.Audit.Next(action, "device", device.Id.ToString(CultureInfo.InvariantCulture), before, after));
            if (_changes.Count < ImportResult.ChangesKept)
            {
                _changes.Add(new ImportChange(row.Line, action, device.Id, device.AssetId, before, after!));
            }
        }
        if (updated.Count > 0 && _identifier is not null)
        {
            // An updated device's identity also weighs what scans stored for it, which only the register knows.
            await FlushAsync(cancel);
            var ids = updated.ConvertAll(d => d.Id);
            await db.Identities.Where(i => ids.Contains(i.DeviceId)).ExecuteDeleteAsync(cancel);
            var stored = _anyObservations
                ? await RegisterIdentifier.StoredAsync(db, db.Observations.Where(o => ids.Contains(o.DeviceId)), cancel)
                : [];
            foreach (var device in updated)
            {
                _filling.Identities.Add(_identifier.Identify(device, stored.GetValueOrDefault(device.Id)));
            }
        }
        if (!_filling.IsEmpty && (_pending.IsCompleted || _filling.DeviceCount >= BatchDevices))
        {
            await StartWritingAsync(cancel);
        }
        if (!_firstLoad)
        {
            await AnalyzeIfGrownAsync(write.Db, cancel);
        }
        if (_firstLoad && _heldBack.Count >= HeldBackLimit)
        {
            await EndFirstLoadAsync(write, bulk, cancel); // memory stays bounded even if most rows share keys
        }
    }

    /// <summary>
    /// Leaves a first load's way of working: builds the deferred indexes, then matches the rows held back, in file
    /// order, against the devices loaded so far. What follows is matched by look-ups as in any other import.
    /// </summary>
    private async Task EndFirstLoadAsync(RegisterWrite write, BulkWriter bulk, CancellationToken cancel)
    {
        _firstLoad = false;
        if (_problemCount > 0)
        {
            return;
        }
        await FlushAsync(cancel);
        await bulk.RestoreIndexesAsync(cancel);
        // Without statistics PostgreSQL plans the held-back rows' look-ups as scans of the whole table.
        await AnalyzeIfManyChangedAsync(write.Db, cancel);
        var heldBack = _heldBack.ToList();
        _heldBack.Clear();
        for (var i = 0; i < heldBack.Count; i += ChunkSize)
        {
            await ApplyChunkAsync(write, bulk, heldBack.GetRange(i, Math.Min(ChunkSize, heldBack.Count - i)), cancel);
        }
    }

    /// <summary>Starts writing the batch gathered so far, once the one before it is written.</summary>
    private async Task StartWritingAsync(CancellationToken cancel)
    {
        await _pending;
        (_filling, _writing) = (_writing, _filling);
        _filling.Clear();
        var batch = _writing;
        _pending = Task.Run(() => batch.WriteAsync(cancel), cancel);
    }

    /// <summary>Writes everything decided so far and waits for it; every other use of the database first comes here.</summary>
    private async Task FlushAsync(CancellationToken cancel)
    {
        if (!_filling.IsEmpty)
        {
            await StartWritingAsync(cancel);
        }
        var pending = _pending;
        _pending = Task.CompletedTask;
        await pending;
    }

    private async Task LoadKeysAsync(CancellationToken cancel)
    {
        await foreach (var key in db.Devices.AsNoTracking().Select(d => new { d.AssetId, d.Serial, d.MacAddress }).AsAsyncEnumerable()
            .WithCancellation(cancel))
        {
            RememberKeys(key.AssetId, key.Serial, key.MacAddress);
            _storedAtStart++;
        }
    }

    private void RememberKeys(string? assetId, string? serial, string? mac)
    {
        KnownKeys.Add(assetId);
        KnownKeys.Add(serial);
        KnownKeys.Add(mac);
    }

    // Looks up stored devices by asset id, then serial only for rows still unmatched, then MAC; each is one indexed
    // IN query with the keys as a single array parameter. Keys the filter has never seen are not looked up.
    private async Task<DeviceMatches> FindExistingAsync(List<DeviceRow> chunk, CancellationToken cancel)
    {
        var matches = new DeviceMatches();
        foreach (var (column, lookup) in Lookups)
        {
            var keys = UnmatchedKeys(chunk, column, matches);
            if (keys.Count > 0)
            {
                await FlushAsync(cancel);
                matches.AddAll(await lookup(db, keys).ToListAsync(cancel));
            }
        }
        return matches;
    }

    // In matching order; each is one indexed IN query.
    private static readonly (DeviceColumn Column, Func<RegisterDb, List<string>, IQueryable<Device>> Query)[] Lookups =
    [
        (DeviceColumn.AssetId, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.AssetId!))),
        (DeviceColumn.Serial, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.Serial!))),
        (DeviceColumn.Mac, (db, keys) => db.Devices.AsNoTracking().Where(d => keys.Contains(d.MacAddress!))),
    ];

    private List<string> UnmatchedKeys(List<DeviceRow> chunk, DeviceColumn column, DeviceMatches matches) =>
        chunk.Where(r => matches.Find(r.Values) is null)
            .Select(r => r.Values[column]).OfType<string>().Where(KnownKeys.MightContain).Distinct().ToList();

    private static bool KnownPlace(string? name, Dictionary<string, int> ids, out int? id)
    {
        if (name is null)
        {
            id = null;
            return true;
        }
        var known = ids.TryGetValue(name, out var found);
        id = found;
        return known;
    }

    private async Task<int?> PlaceIdAsync(RegisterWrite write, string? name, bool isSite, CancellationToken cancel)
    {
        if (name is null)
        {
            return null;
        }
        var ids = isSite ? _siteIds : _systemIds;
        if (ids.TryGetValue(name, out var id))
        {
            return id;
        }
        await FlushAsync(cancel);
        if (isSite)
        {
            var site = new Site { Name = name };
            db.Sites.Add(site);
            await db.SaveChangesAsync(cancel);
            id = site.Id;
            _siteNames[id] = name;
        }
        else
        {
            var system = new SurveillanceSystem { Name = name };
            db.Systems.Add(system);
            await db.SaveChangesAsync(cancel);
            id = system.Id;
            _systemNames[id] = name;
        }
        ids[name] = id;
        var kind = isSite ? "site" : "system";
        _createdPlaces.Add($"{kind} '{name}'");
        _filling.Audit.Add(write.Audit.Next("create", kind, id.ToString(CultureInfo.InvariantCulture), null, AuditJson.Of(("name", name))));
        return id;
    }

    private async Task LoadPlacesAsync(CancellationToken cancel)
    {
        foreach (var site in await db.Sites.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancel))
        {
            _siteIds[site.Name] = site.Id;
            _siteNames[site.Id] = site.Name;
        }
        foreach (var system in await db.Systems.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancel))
        {
            _systemIds[system.Name] = system.Id;
            _systemNames[system.Id] = system.Name;
        }
    }

    private void Problem(CsvProblem problem)
    {
        _problemCount++;
        if (_problems.Count < ImportResult.ProblemsKept)
        {
            _problems.Add(problem);
        }
    }

    private static string? Name(Dictionary<int, string> names, int? id) => id is { } key ? names[key] : null;

    private static string Label(Device device) =>
        device.AssetId is { } asset ? $"asset {asset}" : device.Serial is { } serial ? $"serial {serial}" : $"MAC {device.MacAddress}";

    /// <summary>
    /// What has been decided and not yet written: new and changed devices, their audit entries and identities. One batch
    /// is filled on the reading thread while the one before is written on another, so parsing and the database (SQLite
    /// in-process, or the PostgreSQL server) run side by side.
    /// </summary>
    private sealed class Batch(BulkWriter bulk)
    {
        public BulkRows<Device> Devices { get; } = bulk.Rows<Device>();
        public List<Device> Updates { get; } = [];
        public BulkRows<AuditEntry> Audit { get; } = bulk.Rows<AuditEntry>();
        public BulkRows<DeviceIdentity> Identities { get; } = bulk.Rows<DeviceIdentity>();

        public int DeviceCount => Devices.Count + Updates.Count;

        public bool IsEmpty => DeviceCount + Audit.Count + Identities.Count == 0;

        public async Task WriteAsync(CancellationToken cancel)
        {
            await bulk.InsertAsync(Devices, cancel);
            await bulk.UpdateAsync(Updates, cancel);
            await bulk.InsertAsync(Audit, cancel);
            await bulk.InsertAsync(Identities, cancel);
        }

        public void Clear()
        {
            Devices.Clear();
            Updates.Clear();
            Audit.Clear();
            Identities.Clear();
        }
    }
}
