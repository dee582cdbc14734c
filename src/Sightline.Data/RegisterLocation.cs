using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sightline.Data;

/// <summary>Where a register lives: an SQLite file or a PostgreSQL database.</summary>
public sealed record RegisterLocation(bool IsPostgres, string ConnectionString, string Display)
{
    /// <summary>How long a command waits for another process's lock before giving up.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An SQLite register in the file at <paramref name="path"/>.</summary>
    public static RegisterLocation Sqlite(string path) => new(false, path, Path.GetFullPath(path));

    /// <summary>A PostgreSQL register; the display form leaves out the password.</summary>
    public static RegisterLocation Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new RegisterException($"the PostgreSQL connection string is not valid: {e.Message}", e);
        }
        return new(true, connectionString, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>
    /// Opens the register. <paramref name="create"/> allows a new SQLite file; otherwise a missing register,
    /// one that needs upgrading and one from a newer Sightline are refused with a message saying what to do.
    /// </summary>
    public async Task<RegisterDb> OpenAsync(bool create, CancellationToken cancel)
    {
        RegisterDb db = IsPostgres ? OpenPostgres() : OpenSqlite(create);
        try
        {
            await CheckSchemaAsync(db, create, cancel);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A context on this register without checking its schema, for a long-running host that checked it once with
    /// <see cref="OpenAsync"/> at start (the web application opens one per request). Its SQLite connections are
    /// pooled: opening an SQLite file reads and parses the whole schema, which cost a web page more than its queries.
    /// </summary>
    public RegisterDb Connect() => IsPostgres ? OpenPostgres(serving: true) : OpenSqlite(create: false, pooled: true);

    // A command opens the file once and closes it when done (no pool holds it open after the command ends).
    private SqliteRegisterDb OpenSqlite(bool create, bool pooled = false)
    {
        var exists = File.Exists(ConnectionString);
        if (!exists && !create)
        {
            throw new RegisterException($"there is no register at {Display}; create one with: sightline init --db {ConnectionString}");
        }
        if (!exists && Path.GetDirectoryName(Path.GetFullPath(ConnectionString)) is { } dir && !Directory.Exists(dir))
        {
            throw new RegisterException($"cannot create a register at {Display}: folder {dir} does not exist");
        }
        // A file without write permission is opened read-only, so that writes fail cleanly even for root.
        var readOnly = exists && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(ConnectionString) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = ConnectionString,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(LockTimeout.TotalSeconds),
            Pooling = pooled,
        }.ToString();
        var options = new DbContextOptionsBuilder<SqliteRegisterDb>()
            .UseSqlite(connection, sqlite => sqlite.CommandTimeout((int)Math.Ceiling(LockTimeout.TotalSeconds))
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .Options;
        return new SqliteRegisterDb(options);
    }

    // Lists in queries (import lookups of thousands of keys) go as one array parameter, not one parameter per key.
    // Serving, a context runs a page's few queries, each on a connection from the pool: that connection is not reset
    // (a DISCARD ALL per query; Sightline keeps no session state), and statements run again and again are prepared once.
    private PostgresRegisterDb OpenPostgres(bool serving = false)
    {
        var connection = serving ? new NpgsqlConnectionStringBuilder(ConnectionString) { NoResetOnClose = true, MaxAutoPrepare = 64 }.ToString() : ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresRegisterDb>()
            .UseNpgsql(connection, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .Options;
        return new PostgresRegisterDb(options);
    }

    private async Task CheckSchemaAsync(RegisterDb db, bool create, CancellationToken cancel)
    {
        IEnumerable<string> applied;
        try
        {
            if (!db.IsPostgres)
            {
                // One connection for the whole command, with a 64 MiB page cache: large imports touch index pages at random.
                await db.Database.OpenConnectionAsync(cancel);
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", cancel);
            }
            applied = await db.Database.GetAppliedMigrationsAsync(cancel);
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException or InvalidOperationException)
        {
            throw Explain(e);
        }
        var known = db.Database.GetMigrations().ToList();
        var unknown = applied.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new RegisterException(
                $"the register at {Display} has a newer schema ({unknown[^1]}) than this version of Sightline knows; upgrade Sightline to use it");
        }
        var pending = known.Except(applied).ToList();
        if (pending.Count > 0 && !create)
        {
            throw new RegisterException(applied.Any()
                ? $"the register at {Display} needs an upgrade to this version of Sightline; run: sightline init (it upgrades in place)"
                : $"{Display} is not a Sightline register; create one with: sightline init");
        }
    }

    /// <summary>Turns a database exception into a message that says what happened to which register.</summary>
    public RegisterException Explain(Exception e) => e switch
    {
        RegisterException r => r,
        // EF Core's PostgreSQL provider wraps failures it counts as transient (a lost connection, a timeout) in its own.
        InvalidOperationException { InnerException: System.Data.Common.DbException inner } => Explain(inner),
        SqliteException { SqliteErrorCode: 5 or 6 } => new RegisterException(
            $"the register at {Display} is locked by another process (waited {LockTimeout.TotalSeconds:0} s); try again when it has finished", e),
        SqliteException { SqliteErrorCode: 8 } => new RegisterException(
            $"the register at {Display} is read-only; it can be listed and exported but not changed", e),
        SqliteException { SqliteErrorCode: 26 } => new RegisterException($"{Display} is not a Sightline register (not an SQLite database)", e),
        SqliteException { SqliteErrorCode: 14 } => new RegisterException($"cannot open the register at {Display}: {e.Message}", e),
        SqliteException s => new RegisterException($"the register at {Display} failed: {s.Message}", e),
        PostgresException { SqlState: "3D000" } => new RegisterException($"PostgreSQL database {Display} does not exist; create it first (createdb)", e),
        PostgresException { SqlState: "55P03" or "40P01" } => new RegisterException($"the register at {Display} is locked by another process", e),
        PostgresException { SqlState: "25006" } => new RegisterException($"the register at {Display} is read-only", e),
        PostgresException { SqlState: "57014" } p => new RegisterException(
            $"PostgreSQL at {Display} cancelled the command: {p.MessageText} (SQLSTATE 57014)", e),
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } p => new RegisterException(
            $"PostgreSQL at {Display} ended the connection: {p.MessageText} (SQLSTATE {p.SqlState})", e),
        PostgresException p when p.SqlState.StartsWith("28", StringComparison.Ordinal) => new RegisterException(
            $"PostgreSQL at {Display} refused the login: {p.MessageText} (SQLSTATE {p.SqlState})", e),
        PostgresException p => new RegisterException($"PostgreSQL at {Display} refused: {p.MessageText} (SQLSTATE {p.SqlState})", e),
        NpgsqlException n => ExplainNpgsql(n),
        _ => new RegisterException($"the register at {Display} failed: {e.Message}", e),
    };

    // Npgsql reports a client-side failure with its own exception and the cause inside: a timeout, a socket that could
    // not connect, or a connection that closed mid-command (the server ended the backend or went away). Each says
    // something different to do, so none of them may be called "cannot reach" unless the server really was not reached.
    private RegisterException ExplainNpgsql(NpgsqlException n)
    {
        var causes = new List<Exception>();
        for (Exception? inner = n.InnerException; inner is not null; inner = inner.InnerException)
        {
            causes.Add(inner);
        }
        var detail = string.Join(": ", causes.Select(c => c.Message).Prepend(n.Message));
        if (causes.OfType<TimeoutException>().Any())
        {
            var timeout = new NpgsqlConnectionStringBuilder(ConnectionString).CommandTimeout;
            return new RegisterException(
                $"PostgreSQL at {Display} did not answer in time (a command may take {timeout} s, \"Command Timeout\" in the connection string): {detail}", n);
        }
        // Connecting fails with the socket's error right inside; a connection reset later comes wrapped in an IOException.
        if (n.InnerException is System.Net.Sockets.SocketException)
        {
            return new RegisterException($"cannot reach PostgreSQL at {Display}: {detail}", n);
        }
        if (causes.OfType<IOException>().Any())
        {
            return new RegisterException($"the connection to PostgreSQL at {Display} was lost during the command (the server ended it or stopped): {detail}", n);
        }
        return new RegisterException($"PostgreSQL at {Display} failed: {detail}", n);
    }
}
