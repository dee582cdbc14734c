using Microsoft.EntityFrameworkCore;
using Sightline.Data;

namespace Sightline.Tests.Setup;

public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteRegisterDb(new DbContextOptionsBuilder<SqliteRegisterDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "add a migration: dotnet ef migrations add NAME --context SqliteRegisterDb");
    }

    [Fact]
    public void PostgresMigrations_CoverTheModel()
    {
        using var db = new PostgresRegisterDb(new DbContextOptionsBuilder<PostgresRegisterDb>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "add a migration: dotnet ef migrations add NAME --context PostgresRegisterDb");
    }
}
