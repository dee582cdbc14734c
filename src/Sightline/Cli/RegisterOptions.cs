using System.CommandLine;
using System.Text.Json;
using Sightline.Data;

namespace Sightline.Cli;

/// <summary>
/// The options every command shares to choose its register and actor. A register is chosen by --db or
/// --postgres, else SIGHTLINE_DB or SIGHTLINE_POSTGRES, else the "db" or "postgres" key of the config file
/// (SIGHTLINE_CONFIG, else ./sightline.json), else ./sightline.db.
/// </summary>
public sealed class RegisterOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "SQLite register file (default: sightline.db, or SIGHTLINE_DB, or the config file)",
        Recursive = true,
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string instead of a file (or SIGHTLINE_POSTGRES)",
        Recursive = true,
    };

    public Option<string?> Actor { get; } = new("--actor")
    {
        Description = "Name recorded in the audit log (default: cli:<login name>, or SIGHTLINE_ACTOR)",
        Recursive = true,
    };

    public Option<string?> Knowledge { get; } = new("--knowledge")
    {
        Description = "Knowledge folder (default: the one shipped with Sightline, or SIGHTLINE_KNOWLEDGE)",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Knowledge);
        root.Options.Add(Db);
        root.Options.Add(Postgres);
        root.Options.Add(Actor);
    }

    /// <summary>The register this invocation names.</summary>
    public RegisterLocation Resolve(ParseResult parse, CliContext context)
    {
        var db = parse.GetValue(Db);
        var postgres = parse.GetValue(Postgres);
        if (db is not null && postgres is not null)
        {
            throw new RegisterException("give either --db or --postgres, not both");
        }
        db ??= postgres is null ? context.Variable("SIGHTLINE_DB") : null;
        postgres ??= db is null ? context.Variable("SIGHTLINE_POSTGRES") : null;
        if (db is null && postgres is null)
        {
            (db, postgres) = ReadConfig(context);
        }
        var location = postgres is not null
            ? RegisterLocation.Postgres(postgres)
            : RegisterLocation.Sqlite(context.PathOf(db ?? "sightline.db"));
        if (context.Variable("SIGHTLINE_LOCK_TIMEOUT") is { } seconds && double.TryParse(seconds, out var wait) && wait >= 0)
        {
            location = location with { LockTimeout = TimeSpan.FromSeconds(wait) };
        }
        return location;
    }

    /// <summary>The knowledge folder this invocation names.</summary>
    public string KnowledgeFolder(ParseResult parse, CliContext context) =>
        parse.GetValue(Knowledge) is { } folder ? context.PathOf(folder)
        : context.Variable("SIGHTLINE_KNOWLEDGE") is { } variable ? context.PathOf(variable)
        : Path.Combine(AppContext.BaseDirectory, "knowledge");

    /// <summary>Who is acting, for the audit log.</summary>
    public string ActorOf(ParseResult parse, CliContext context) =>
        parse.GetValue(Actor) ?? context.Variable("SIGHTLINE_ACTOR") ?? $"cli:{context.Variable("USER") ?? Environment.UserName}";

    private static (string? Db, string? Postgres) ReadConfig(CliContext context)
    {
        var path = context.Variable("SIGHTLINE_CONFIG") is { } configured
            ? context.PathOf(configured)
            : Path.Combine(context.CurrentDirectory, "sightline.json");
        if (!File.Exists(path))
        {
            if (context.Variable("SIGHTLINE_CONFIG") is not null)
            {
                throw new RegisterException($"config file {path} (SIGHTLINE_CONFIG) does not exist");
            }
            return (null, null);
        }
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
            var db = Text("db");
            return (db is null ? null : Path.GetFullPath(db, Path.GetDirectoryName(path)!), Text("postgres"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new RegisterException($"config file {path} is not valid: {e.Message}", e);
        }
    }
}
