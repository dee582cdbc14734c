using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;

namespace Sightline.Data.Audit;

/// <summary>
/// Signed checkpoints of the audit log's head: setting the key (init), writing them (on demand, after every N entries and
/// at the end of each command that added entries) and checking the log against them (`audit verify`, the audit page).
/// </summary>
public static class AuditCheckpoints
{
    /// <summary>A checkpoint once this many entries have been added since the last, unless init says otherwise.</summary>
    public const int DefaultEvery = 1000;

    private const string KeyAction = "checkpoint-key";

    /// <summary>A checkpoint written: what it says and the file it went to.</summary>
    public sealed record Written(AuditCheckpoint Checkpoint, string File);

    /// <summary>What checking the log against one checkpoint found; <paramref name="Holds"/> false means the log was cut or rewritten, or the checkpoint cannot be trusted.</summary>
    public sealed record Finding(string Source, AuditCheckpoint? Checkpoint, bool Holds, string Message);

    /// <summary>The register's checkpoint settings, or null when no key was set.</summary>
    public static Task<CheckpointSettings?> SettingsAsync(RegisterDb db, CancellationToken cancel) =>
        db.CheckpointSettings.AsNoTracking().SingleOrDefaultAsync(cancel);

    /// <summary>The newest entry's sequence and hash ((0, "") for an empty log).</summary>
    public static async Task<(long Sequence, string Hash)> HeadAsync(RegisterDb db, CancellationToken cancel)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancel);
        return head is null ? (0, "") : (head.Sequence, head.Hash);
    }

    /// <summary>The newest checkpoint the register keeps a copy of, or null.</summary>
    public static Task<StoredCheckpoint?> LatestAsync(RegisterDb db, CancellationToken cancel) =>
        db.StoredCheckpoints.AsNoTracking().OrderByDescending(c => c.Sequence).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancel);

    /// <summary>
    /// Sets (or changes) the key that signs this register's checkpoints, with an audit entry; false when nothing changed.
    /// The register keeps the public key and the paths only.
    /// </summary>
    public static async Task<bool> ConfigureAsync(RegisterWrite write, CheckpointKey key, string keyFile, string folder, int every,
        CancellationToken cancel)
    {
        var settings = await write.Db.CheckpointSettings.SingleOrDefaultAsync(cancel);
        if (settings is not null && settings.PublicKey == key.PublicKey && settings.KeyFile == keyFile && settings.Folder == folder
            && settings.Every == every)
        {
            return false;
        }
        var before = settings is null ? null : Describe(settings);
        if (settings is null)
        {
            settings = new CheckpointSettings { Register = Guid.NewGuid().ToString(), PublicKey = key.PublicKey, KeyFile = keyFile, Folder = folder };
            write.Db.CheckpointSettings.Add(settings);
        }
        settings.PublicKey = key.PublicKey;
        settings.KeyFile = keyFile;
        settings.Folder = folder;
        settings.Every = every;
        write.Record(KeyAction, "register", "audit", before, Describe(settings));
        return true;
    }

    private static string Describe(CheckpointSettings settings) => AuditJson.Of(("register", settings.Register),
        ("key", CheckpointKey.FingerprintOf(settings.PublicKey)), ("key_file", settings.KeyFile), ("folder", settings.Folder),
        ("every", settings.Every.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Signs the log's head now and writes it to <paramref name="file"/> (default: the checkpoint folder), keeping a copy
    /// in the register. A <see cref="RegisterException"/> says why it cannot.
    /// </summary>
    public static async Task<Written> WriteAsync(RegisterDb db, TimeProvider time, string? file, CancellationToken cancel)
    {
        var settings = await SettingsAsync(db, cancel)
            ?? throw new RegisterException("this register has no checkpoint key; set one with: sightline init --checkpoint-key FILE");
        var (sequence, hash) = await HeadAsync(db, cancel);
        if (sequence == 0)
        {
            throw new RegisterException("the audit log is empty: there is nothing to checkpoint");
        }
        CheckpointKey key;
        try
        {
            key = CheckpointKey.Load(settings.KeyFile);
        }
        catch (CheckpointKeyException e)
        {
            throw new RegisterException(e.Message, e);
        }
        using (key)
        {
            // As a transparency log does, sign a new head only if the log still matches the last one signed: a log cut
            // or rewritten is never blessed by a new checkpoint, and the newest checkpoint stays enough to check against.
            if ((await CheckAsync(db, [], cancel)).FirstOrDefault(f => !f.Holds) is { } mismatch)
            {
                throw new RegisterException($"refusing to sign a checkpoint: {mismatch.Message}");
            }
            if (key.PublicKey != settings.PublicKey)
            {
                throw new RegisterException($"checkpoint key {settings.KeyFile} is not the key this register records " +
                    $"(fingerprint {key.Fingerprint[..16]}…, expected {CheckpointKey.FingerprintOf(settings.PublicKey)[..16]}…); " +
                    "to change keys run: sightline init --checkpoint-key FILE");
            }
            var checkpoint = key.Sign(settings.Register, sequence, hash, time.GetUtcNow());
            var path = Path.GetFullPath(file ?? Path.Combine(settings.Folder, $"{settings.Register}-{sequence:D12}.checkpoint"));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // Written whole and then renamed, so a checkpoint file is never half written.
                var partial = path + ".partial";
                await File.WriteAllTextAsync(partial, checkpoint.Text, cancel);
                File.Move(partial, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RegisterException($"cannot write checkpoint {path}: {e.Message}", e);
            }
            db.StoredCheckpoints.Add(new StoredCheckpoint { Sequence = sequence, Time = checkpoint.Time, File = path, Text = checkpoint.Text });
            await db.SaveChangesAsync(cancel);
            return new Written(checkpoint, path);
        }
    }

    /// <summary>
    /// Writes a checkpoint if a key is set and the log has grown past the newest one: by <see cref="CheckpointSettings.Every"/>
    /// entries, or at all when <paramref name="endOfCommand"/>. Null when none was due.
    /// </summary>
    public static async Task<Written?> WriteIfDueAsync(RegisterDb db, TimeProvider time, bool endOfCommand, CancellationToken cancel)
    {
        if (await SettingsAsync(db, cancel) is not { } settings)
        {
            return null;
        }
        var (head, _) = await HeadAsync(db, cancel);
        var covered = await db.StoredCheckpoints.MaxAsync(c => (long?)c.Sequence, cancel) ?? 0;
        if (head <= covered || (!endOfCommand && head - covered < settings.Every))
        {
            return null;
        }
        return await WriteAsync(db, time, null, cancel);
    }

    /// <summary>
    /// Checks the log against each checkpoint file given, or, when none is, against the newest file in the checkpoint
    /// folder and the newest copy in the register.
    /// </summary>
    public static async Task<IReadOnlyList<Finding>> CheckAsync(RegisterDb db, IReadOnlyList<string> files, CancellationToken cancel)
    {
        var settings = await SettingsAsync(db, cancel);
        var (last, _) = await HeadAsync(db, cancel);
        var texts = new List<(string Source, string? Text, string? Problem)>();
        foreach (var file in files)
        {
            texts.Add(Read(file));
        }
        if (files.Count == 0 && settings is not null)
        {
            if (Directory.Exists(settings.Folder)
                && Directory.EnumerateFiles(settings.Folder, $"{settings.Register}-*.checkpoint").Max(StringComparer.Ordinal) is { } newest)
            {
                texts.Add(Read(newest));
            }
            if (await LatestAsync(db, cancel) is { } stored)
            {
                texts.Add(("the register's copy of " + stored.File, stored.Text, null));
            }
        }
        var formerKeys = await FormerKeysAsync(db, cancel);
        var findings = new List<Finding>();
        if (settings is null && await db.AuditEntries.AsNoTracking().Where(a => a.Action == KeyAction && a.EntityType == "register")
                .MaxAsync(a => (long?)a.Sequence, cancel) is { } keySet)
        {
            // The log says a key was set, yet the register has none: removing the settings must not silence the check.
            findings.Add(new Finding("the register", null, false,
                $"entry {keySet} set a checkpoint key, but the register has none now: its checkpoint settings were removed"));
        }
        foreach (var (source, text, problem) in texts)
        {
            if (text is null)
            {
                findings.Add(new Finding(source, null, false, problem!));
                continue;
            }
            AuditCheckpoint checkpoint;
            try
            {
                checkpoint = AuditCheckpoint.Parse(text, source);
            }
            catch (FormatException e)
            {
                findings.Add(new Finding(source, null, false, e.Message));
                continue;
            }
            var hash = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence == checkpoint.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(cancel);
            findings.Add(Check(source, checkpoint, settings, formerKeys, last, hash));
        }
        return findings;
    }

    private static (string, string?, string?) Read(string file)
    {
        try
        {
            return (file, File.ReadAllText(file), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (file, null, $"checkpoint {file} cannot be read: {e.Message}");
        }
    }

    // The fingerprints of the keys this register signed with before its current one, as its own log records them
    // ("checkpoint-key" entries): a key change is audited, and the log up to it is what the checkpoints anchor.
    private static async Task<HashSet<string>> FormerKeysAsync(RegisterDb db, CancellationToken cancel)
    {
        var changes = await db.AuditEntries.AsNoTracking().Where(a => a.Action == KeyAction && a.EntityType == "register")
            .Select(a => a.Before).ToListAsync(cancel);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var before in changes.OfType<string>())
        {
            using var json = JsonDocument.Parse(before);
            if (json.RootElement.TryGetProperty("key", out var key) && key.GetString() is { } fingerprint)
            {
                keys.Add(fingerprint);
            }
        }
        return keys;
    }

    private static Finding Check(string source, AuditCheckpoint checkpoint, CheckpointSettings? settings, HashSet<string> formerKeys,
        long last, string? hash)
    {
        var signed = $"signed at {checkpoint.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
        var key = checkpoint.Fingerprint[..Math.Min(16, checkpoint.Fingerprint.Length)] + "…";
        Finding Fails(string message) => new(source, checkpoint, false, $"checkpoint {source}: {message}");
        if (!checkpoint.SignatureHolds())
        {
            return Fails($"bad signature: it was altered after it was signed, or was not signed by the key it names ({key})");
        }
        if (settings is null)
        {
            return Fails($"this register has no checkpoint key, yet the checkpoint is signed by key {key}: the key was removed from the register, or the checkpoint belongs to another register");
        }
        if (checkpoint.PublicKey != settings.PublicKey && !formerKeys.Contains(checkpoint.Fingerprint))
        {
            return Fails($"signed by another key ({key}), not this register's ({CheckpointKey.FingerprintOf(settings.PublicKey)[..16]}…): refused");
        }
        if (checkpoint.Register != settings.Register)
        {
            return Fails($"it is from another register ({checkpoint.Register}), not this one ({settings.Register}): refused");
        }
        if (last < checkpoint.Sequence)
        {
            return Fails(last == 0
                ? $"the log is empty but the checkpoint {signed} covers #{checkpoint.Sequence}: every entry was removed"
                : $"the log ends at #{last} but the checkpoint {signed} covers #{checkpoint.Sequence}: " +
                  (last + 1 == checkpoint.Sequence ? $"entry {last + 1} was removed" : $"entries {last + 1} to {checkpoint.Sequence} were removed"));
        }
        if (hash != checkpoint.Hash)
        {
            return Fails($"forked history: entry #{checkpoint.Sequence} has hash {hash} but the checkpoint {signed} says {checkpoint.Hash}: " +
                $"the log was rewritten at or before #{checkpoint.Sequence}");
        }
        var newer = last > checkpoint.Sequence ? $"; entries {checkpoint.Sequence + 1} to {last} are newer than it" : "";
        return new Finding(source, checkpoint, true, $"checkpoint {source}: holds — #{checkpoint.Sequence}, {signed} by key {key}{newer}");
    }
}
