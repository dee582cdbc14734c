using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Audit;
using Sightline.Data.Audit;

namespace Sightline.Tests.AuditLog;

public sealed class AuditCheckpointTests
{
    // Removing entries from the end leaves a chain that verifies on its own; each case also deletes the register's copies
    // of the checkpoints, as whoever cuts the log would, so only the file outside the register is left to tell.
    public static TheoryData<string, string, string> Truncations => new()
    {
        { Registers.Sqlite, "sequence = {head}", "the log ends at #{head-1} but the checkpoint signed at 2026-11-29 09:30:00 UTC covers #{head}: entry {head} was removed" },
        { Registers.Postgres, "sequence = {head}", "the log ends at #{head-1} but the checkpoint signed at 2026-11-29 09:30:00 UTC covers #{head}: entry {head} was removed" },
        { Registers.Sqlite, "sequence > {head-3}", "the log ends at #{head-3} but the checkpoint signed at 2026-11-29 09:30:00 UTC covers #{head}: entries {head-2} to {head} were removed" },
        { Registers.Postgres, "sequence > {head-3}", "the log ends at #{head-3} but the checkpoint signed at 2026-11-29 09:30:00 UTC covers #{head}: entries {head-2} to {head} were removed" },
        { Registers.Sqlite, "sequence > 0", "the log is empty but the checkpoint signed at 2026-11-29 09:30:00 UTC covers #{head}: every entry was removed" },
        { Registers.Postgres, "sequence > 0", "the log is empty but the checkpoint signed at 2026-11-29 09:30:00 UTC covers #{head}: every entry was removed" },
    };

    [Theory]
    [MemberData(nameof(Truncations))]
    public async Task Verify_NewestEntriesRemoved_ReportsTruncationAgainstTheCheckpoint(string provider, string where, string expected)
    {
        await using var register = await Registers.NewAsync(provider);
        var (head, file) = await KeyedRegisterAsync(register);
        var intact = await Cli.RunAsync(register, "audit", "verify", "--checkpoint", file).Ok();
        await SqlAsync(register, $"DELETE FROM audit_entries WHERE {Fill(where, head)}", "DELETE FROM audit_checkpoints");

        var given = await Cli.RunAsync(register, "audit", "verify", "--checkpoint", file);
        var found = await Cli.RunAsync(register, "audit", "verify");

        Assert.Contains($"checkpoint {file}: holds — #{head}", intact.Output);
        Assert.Contains("audit log intact", intact.Output);
        Assert.Equal(1, given.ExitCode);
        Assert.Contains($"audit log BROKEN: checkpoint {file}: {Fill(expected, head)}", given.Error);
        Assert.Equal(1, found.ExitCode);
        Assert.Contains(Fill(expected, head), found.Error);
        Assert.DoesNotContain("intact", given.Output + found.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Verify_HistoryRewrittenUpToTheCheckpoint_ReportsAFork(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        var (head, file) = await KeyedRegisterAsync(register);
        // A careful forger: entry 4 changed and every hash from it on recomputed, so the chain itself holds.
        await using (var db = await register.OpenAsync())
        {
            var previous = "";
            foreach (var entry in await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync())
            {
                if (entry.Sequence == 4)
                {
                    entry.Actor = "someone else";
                }
                entry.PreviousHash = previous;
                entry.Hash = AuditChain.HashOf(entry);
                previous = entry.Hash;
            }
            await db.SaveChangesAsync();
        }

        var verify = await Cli.RunAsync(register, "audit", "verify", "--checkpoint", file);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"checkpoint {file}: forked history: entry #{head} has hash ", verify.Error);
        Assert.Contains($"the log was rewritten at or before #{head}", verify.Error);
        Assert.DoesNotContain("BROKEN at entry", verify.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Verify_AlteredCheckpoint_HasABadSignature(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        var (head, file) = await KeyedRegisterAsync(register);
        await SqlAsync(register, $"DELETE FROM audit_entries WHERE sequence = {head}");
        // Whoever cut the log edits the checkpoint to match it.
        File.WriteAllText(file, File.ReadAllText(file).Replace($"sequence {head}\n", $"sequence {head - 1}\n", StringComparison.Ordinal));

        var verify = await Cli.RunAsync(register, "audit", "verify", "--checkpoint", file);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"checkpoint {file}: bad signature: it was altered after it was signed", verify.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Verify_CheckpointOfAnotherKeyOrRegister_IsRefused(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await using var other = await Registers.NewAsync(provider);
        await KeyedRegisterAsync(register);
        var sharedKey = Path.Combine(register.Folder, "keys", "audit.key");
        // Another register signing with a key of its own, and one signing with this register's key.
        await Cli.RunAsync(other, "init", "--checkpoint-key", Path.Combine(other.Folder, "other.key")).Ok();
        var otherKey = Path.Combine(other.Folder, "other-key.checkpoint");
        await Cli.RunAsync(other, "audit", "checkpoint", "-o", otherKey).Ok();
        await Cli.RunAsync(other, "init", "--checkpoint-key", sharedKey).Ok();
        var otherRegister = Path.Combine(other.Folder, "other-register.checkpoint");
        await Cli.RunAsync(other, "audit", "checkpoint", "-o", otherRegister).Ok();

        var byKey = await Cli.RunAsync(register, "audit", "verify", "--checkpoint", otherKey);
        var byRegister = await Cli.RunAsync(register, "audit", "verify", "--checkpoint", otherRegister);

        Assert.Equal(1, byKey.ExitCode);
        Assert.Contains($"checkpoint {otherKey}: signed by another key (", byKey.Error);
        Assert.Contains("not this register's (", byKey.Error);
        Assert.Equal(1, byRegister.ExitCode);
        Assert.Contains($"checkpoint {otherRegister}: it is from another register (", byRegister.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Verify_CheckpointSettingsRemovedFromTheRegister_IsReported(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        var (head, file) = await KeyedRegisterAsync(register);
        await SqlAsync(register, $"DELETE FROM audit_entries WHERE sequence = {head}", "DELETE FROM audit_checkpoints",
            "DELETE FROM audit_checkpoint_settings");

        var verify = await Cli.RunAsync(register, "audit", "verify");
        var given = await Cli.RunAsync(register, "audit", "verify", "--checkpoint", file);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("audit log BROKEN: entry 2 set a checkpoint key, but the register has none now", verify.Error);
        Assert.Equal(1, given.ExitCode);
        Assert.Contains($"checkpoint {file}: this register has no checkpoint key, yet the checkpoint is signed by key", given.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Checkpoints_AreWrittenAfterEveryNEntries_AndAtTheEndOfEachCommand(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        var key = Path.Combine(register.Folder, "keys", "audit.key");
        var init = await Cli.RunAsync(register, "init", "--checkpoint-key", key, "--checkpoint-every", "3").Ok();
        // Four writes of one entry each, as the web makes them (no command ends between them): one checkpoint after the third.
        await AuditFilterCases.WriteAsync(register);
        var afterWrites = Covered(register);
        var import = await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();
        var list = await Cli.RunAsync(register, "audit").Ok();

        await using var db = await register.OpenAsync();
        var (head, _) = await AuditCheckpoints.HeadAsync(db, CancellationToken.None);
        Assert.Contains($"audit checkpoint of entry 2 written to {Path.Combine(register.Folder, "keys", "checkpoints")}", init.Error);
        Assert.Equal([2, 5], afterWrites);
        Assert.Contains($"audit checkpoint of entry {head} written to", import.Error);
        Assert.Equal([2, 5, head], Covered(register));
        Assert.Equal([2, 5, head], await db.StoredCheckpoints.OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync());
        Assert.DoesNotContain("checkpoint", list.Error);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task PrivateKey_IsNeverInTheRegister_AndItsFileIsTheOwnersOnly(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await KeyedRegisterAsync(register);
        await Cli.RunAsync(register, "audit", "checkpoint").Ok();
        var keyFile = Path.Combine(register.Folder, "keys", "audit.key");
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(keyFile));
        var secret = key.ExportParameters(includePrivateParameters: true).D!;
        // The secret as hex, as Base64, and as it appears inside the key file's Base64 (from the first whole group of 3 bytes in it).
        var pkcs8 = key.ExportPkcs8PrivateKey();
        var at = pkcs8.AsSpan().IndexOf(secret);
        var aligned = (at + 2) / 3 * 3;
        string[] forbidden = [Convert.ToHexStringLower(secret), Convert.ToBase64String(secret),
            Convert.ToBase64String(pkcs8).Substring(aligned / 3 * 4, 40), "PRIVATE KEY"];

        var stored = await EveryValueAsync(register);
        if (!register.IsPostgres)
        {
            var bytes = File.ReadAllBytes(Path.Combine(register.Folder, "register.db"));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(secret));
        }

        Assert.True(at > 0);
        Assert.Contains(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), stored);
        foreach (var text in forbidden)
        {
            Assert.DoesNotContain(text, stored, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Checkpoint_WithoutAKey_SaysHowToSetOne(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();

        var checkpoint = await Cli.RunAsync(register, "audit", "checkpoint");
        var verify = await Cli.RunAsync(register, "audit", "verify").Ok();

        Assert.Equal(2, checkpoint.ExitCode);
        Assert.Contains("this register has no checkpoint key; set one with: sightline init --checkpoint-key FILE", checkpoint.Error);
        Assert.Contains("no signed checkpoint to check against", verify.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Checkpoint_LogThatNoLongerMatchesTheLastOne_IsNotSigned(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        var (head, _) = await KeyedRegisterAsync(register);
        await SqlAsync(register, $"DELETE FROM audit_entries WHERE sequence = {head}", "DELETE FROM audit_checkpoints");

        var checkpoint = await Cli.RunAsync(register, "audit", "checkpoint");
        var import = await Cli.RunAsync(register, "import", "devices", register.File("b.csv", Samples.ThreeDevices.Replace("V5.7.3", "V5.8.0", StringComparison.Ordinal))).Ok();

        Assert.Equal(2, checkpoint.ExitCode);
        Assert.Contains($"refusing to sign a checkpoint: checkpoint {Path.Combine(register.Folder, "keys", "checkpoints")}", checkpoint.Error);
        Assert.Contains("warning: no audit checkpoint was written: refusing to sign a checkpoint", import.Error);
        await using var db = await register.OpenAsync();
        Assert.Empty(await db.StoredCheckpoints.ToListAsync());
    }

    // A register with a checkpoint key under keys/ and three devices imported; the head, and the checkpoint file covering it.
    private static async Task<(long Head, string File)> KeyedRegisterAsync(TestRegister register)
    {
        await Cli.RunAsync(register, "init", "--checkpoint-key", Path.Combine(register.Folder, "keys", "audit.key")).Ok();
        var import = await Cli.RunAsync(register, "import", "devices", register.File("a.csv", Samples.ThreeDevices)).Ok();
        await using var db = await register.OpenAsync();
        var (head, _) = await AuditCheckpoints.HeadAsync(db, CancellationToken.None);
        var file = (await db.StoredCheckpoints.SingleAsync(c => c.Sequence == head)).File;
        Assert.Contains($"audit checkpoint of entry {head} written to {file}", import.Error);
        return (head, file);
    }

    private static long[] Covered(TestRegister register) =>
        [.. Directory.GetFiles(Path.Combine(register.Folder, "keys", "checkpoints"), "*.checkpoint")
            .Select(f => AuditCheckpoint.Parse(File.ReadAllText(f), f).Sequence).Order()];

    private static string Fill(string text, long head) => text
        .Replace("{head-1}", (head - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{head-2}", (head - 2).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{head-3}", (head - 3).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{head}", head.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static async Task SqlAsync(TestRegister register, params string[] statements)
    {
        await using var db = await register.OpenAsync();
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }

    // Every value of every table of the register, as text.
    private static async Task<string> EveryValueAsync(TestRegister register)
    {
        await using var db = await register.OpenAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = register.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(Value(reader, i)).Append('\n');
                }
            }
        }
        Assert.Contains("audit_checkpoint_settings", tables);
        return text.ToString();
    }

    private static string Value(DbDataReader reader, int i) => reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
    {
        byte[] bytes => Convert.ToHexStringLower(bytes) + " " + Convert.ToBase64String(bytes),
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
