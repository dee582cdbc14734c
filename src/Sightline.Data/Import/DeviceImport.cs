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
/// (rows, audit entries, identities) while the batch before is written on another thread (<see cref="ImportWriter"/>).
/// </summary>
public sealed class DeviceImport(RegisterDb db, TimeProvider time, string actor, KnowledgeBase? knowledge = null)
{
    private RegisterIdentifier? _identifier;
    private const int ChunkSize = 500;
    // Rows matched against stored devices per look-up. Each chunk waits for the writer before its look-ups, so larger
    // chunks let parsing overlap writing for longer (issue 12: an update file of a million rows).
    private const int LookupChunkSize = 5_000;

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
    private StoredDeviceLookup _lookup = null!;
    // Stored devices this file has already updated; devices it created are recognised by id (≥ _firstNewId).
    private readonly Dictionary<int, long> _matchedLines = [];
    private int _firstNewId;
    private bool _anyObservations;

    // Every stored device has an identity from this knowledge: an update that leaves what identification reads as it
    // was then keeps its identity, rather than deleting and writing the same row again (issue 12).
    private bool _identitiesCurrent;
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
    // Devices when PostgreSQL last sampled the devices table (see AnalyzeIfGrownAsync).
    private int _devicesWhenAnalysed;
    // A load into an empty register: see ApplyChunkAsync.
    private bool _firstLoad;
    private readonly List<DeviceRow> _heldBack = [];
    private ImportWriter _writer = null!;

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
        _writer = new ImportWriter(db, bulk);
        _lookup = new StoredDeviceLookup(db, _writer) { KnownKeys = KnownKeys };
        try
        {
            return await ImportAsync(write, bulk, input, name, dryRun, cancel);
        }
        finally
        {
            // Never dispose the writer or roll back under a chunk still being written (its failure, if any, is not
            // the one being reported).
            await Task.WhenAny(_writer.Pending);
        }
    }

    private async Task<ImportResult> ImportAsync(RegisterWrite write, BulkWriter bulk, Stream input, string name, bool dryRun,
        CancellationToken cancel)
    {
        await LoadPlacesAsync(cancel);
        _nextDeviceId = (await db.Devices.MaxAsync(d => (int?)d.Id, cancel) ?? 0) + 1;
        _firstNewId = _nextDeviceId;
        await _lookup.LoadKeysAsync(cancel);
        _devicesWhenAnalysed = _lookup.StoredAtStart;
        if (knowledge is not null)
        {
            _identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
            // Scans store observations under the same write lock, so none can appear while this import holds it.
            _anyObservations = await db.Observations.AnyAsync(cancel);
            _identitiesCurrent = _lookup.StoredAtStart > 0
                && await db.Identities.CountAsync(i => i.Knowledge == knowledge.Version, cancel) == _lookup.StoredAtStart;
        }
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
        IReadOnlyList<string> verdictColumns = [];
        if (csv.Read() is not { } headerRecord)
        {
            Problem(new CsvProblem(1, 1, "the file is empty; it needs a header row"));
        }
        else if (DeviceHeader.Parse(headerRecord, _problems) is { } header)
        {
            var parser = new DeviceRowParser(header, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            assetColumn = header.Columns.ToList().IndexOf(DeviceColumn.AssetId);
            verdictColumns = header.VerdictNames.ToList();
            var chunk = new List<DeviceRow>(ChunkSize);
            while (csv.Read() is { } record)
            {
                cancel.ThrowIfCancellationRequested();
                rows++;
                if (ParseRow(parser, record, assetColumn) is { } row)
                {
                    chunk.Add(row);
                }
                if (chunk.Count >= ChunkLimit)
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
        await _writer.FlushAsync(cancel);
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
            VerdictColumns = verdictColumns,
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
        var grown = _lookup.StoredAtStart + _created - _devicesWhenAnalysed;
        if (!db.IsPostgres || grown < Math.Max(AnalyzeGrowthAfter, _devicesWhenAnalysed))
        {
            return;
        }
        await _writer.FlushAsync(cancel);
        await AnalyzeAsync(db, cancel);
    }

    private async Task AnalyzeAsync(RegisterDb db, CancellationToken cancel)
    {
        _changedWhenAnalysed = _created + _updated;
        _devicesWhenAnalysed = _lookup.StoredAtStart + _created;
        var tables = string.Join(", ", new[] { typeof(Device), typeof(DeviceIdentity) }.Select(t => $"\"{db.Model.FindEntityType(t)!.GetTableName()}\""));
        var analyze = "ANALYZE " + tables; // names from our own model, not from input
        await db.Database.ExecuteSqlRawAsync(analyze, cancel);
    }

    // Large chunks only once PostgreSQL's statistics know the register to be large (SQLite: once it was large at the
    // start): a chunk's writes are planned on the sampled size (AnalyzeIfGrownAsync), and a large first chunk into a
    // near-empty table would check each identity's device by scanning the devices written before it.
    private int ChunkLimit => _firstLoad || _devicesWhenAnalysed < LookupChunkSize ? ChunkSize : LookupChunkSize;

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
            await _writer.FlushAsync(cancel);
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
        var existing = _firstLoad ? new DeviceMatches() : await _lookup.FindAsync(chunk, cancel);
        // An updated device's identity also weighs what scans stored for it, which only the register knows; scans
        // cannot store any while the import holds the write lock, so this is read with the look-ups.
        var stored = _identifier is not null && _anyObservations && !existing.IsEmpty
            ? await StoredObservationsAsync(chunk, existing, cancel)
            : [];
        foreach (var row in chunk)
        {
            if (_firstLoad && (KnownKeys.MightContain(row.Values[DeviceColumn.Serial]) || KnownKeys.MightContain(row.Values[DeviceColumn.Mac])))
            {
                _heldBack.Add(row);
                _lookup.Remember(row.Values[DeviceColumn.AssetId], row.Values[DeviceColumn.Serial], row.Values[DeviceColumn.Mac]);
                continue;
            }
            var match = existing.Find(row);
            if (match is not null && row.Id is not null && existing.Find(row.Values) is { } holder && holder.Id != match.Id)
            {
                Problem(new CsvProblem(row.Line, 1,
                    $"id {row.Id} is device {match.Id} ({Label(match)}), but the row's asset id, serial or MAC is device {holder.Id}'s ({Label(holder)})"));
                continue;
            }
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
            _lookup.Remember(device.AssetId, device.Serial, device.MacAddress);
            string action;
            string? before, after;
            if (current is null)
            {
                (action, before, after) = ("create", null, AuditJson.Snapshot(merged));
                _writer.Filling.Devices.Add(device);
                if (_identifier is not null)
                {
                    _writer.Filling.Identities.Add(_identifier.Identify(device));
                }
                _created++;
            }
            else
            {
                (action, before, after) = ("update", AuditJson.ChangedIn(current, merged), AuditJson.ChangedIn(merged, current));
                (_writer.Bulk.SameIndexedValues(device, match!) ? _writer.Filling.UpdatesKeepingKeys : _writer.Filling.Updates).Add(device);
                if (_identifier is not null && !(_identitiesCurrent && RegisterIdentifier.IdentifiesAlike(device, match!)))
                {
                    _writer.Filling.ReplacedIdentities.Add(device.Id);
                    _writer.Filling.Identities.Add(_identifier.Identify(device, stored.GetValueOrDefault(device.Id)));
                }
                _updated++;
            }
            _writer.Filling.Audit.Add(write.Audit.Next(action, "device", device.Id.ToString(CultureInfo.InvariantCulture), before, after));
            if (_changes.Count < ImportResult.ChangesKept)
            {
                _changes.Add(new ImportChange(row.Line, action, device.Id, device.AssetId, before, after!));
            }
        }
        await _writer.WriteIfDueAsync(cancel);
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
        await _writer.FlushAsync(cancel);
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

    // The observations scans stored for the devices a chunk's rows matched, by device.
    private async Task<Dictionary<int, List<Observation>>> StoredObservationsAsync(List<DeviceRow> chunk, DeviceMatches existing,
        CancellationToken cancel)
    {
        var ids = chunk.Select(r => existing.Find(r)?.Id).OfType<int>().Distinct().ToList();
        await _writer.FlushAsync(cancel);
        return await RegisterIdentifier.StoredAsync(db, db.Observations.Where(o => ids.Contains(o.DeviceId)), cancel);
    }

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
        await _writer.FlushAsync(cancel);
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
        _writer.Filling.Audit.Add(write.Audit.Next("create", kind, id.ToString(CultureInfo.InvariantCulture), null, AuditJson.Of(("name", name))));
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
        device.AssetId is { } asset ? $"asset {asset}" : device.Serial is { } serial ? $"serial {serial}"
            : device.MacAddress is { } mac ? $"MAC {mac}" : $"address {device.IpAddress ?? "unknown"}";
}
