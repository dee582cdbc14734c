using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sightline.Data;

// Used only by `dotnet ef migrations add`, one per provider; nothing connects at design time.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegisterDb>
{
    public SqliteRegisterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRegisterDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegisterDb>
{
    public PostgresRegisterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRegisterDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
