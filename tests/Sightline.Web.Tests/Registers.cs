using Npgsql;
using Sightline.Data;

namespace Sightline.Web.Tests;

/// <summary>
/// Fresh registers for tests, as in Sightline.Tests: an SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server that scripts/test starts (SIGHTLINE_TEST_POSTGRES). Without that variable PostgreSQL tests fail, never skip.
/// </summary>
public static class Registers
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    private static readonly SemaphoreSlim CreateDatabase = new(1, 1);

    public static async Task<TestRegister> NewAsync(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("sightline-web-test-").FullName;
        if (provider == Sqlite)
        {
            var path = Path.Combine(folder, "register.db");
            return new TestRegister(folder, ["--db", path], RegisterLocation.Sqlite(path), null);
        }
        var admin = Environment.GetEnvironmentVariable("SIGHTLINE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SIGHTLINE_TEST_POSTGRES is not set: run the tests with scripts/test, which starts PostgreSQL");
        var name = $"w_{Guid.NewGuid():N}";
        // CREATE DATABASE copies template1, which PostgreSQL refuses while another copy is under way.
        await CreateDatabase.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            CreateDatabase.Release();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
        return new TestRegister(folder, ["--postgres", connectionString], RegisterLocation.Postgres(connectionString), (admin, name));
    }
}
