using Microsoft.EntityFrameworkCore;

namespace Sightline.Data;

/// <summary>The register in an embedded SQLite file.</summary>
public sealed class SqliteRegisterDb(DbContextOptions<SqliteRegisterDb> options) : RegisterDb(options)
{
    public override bool IsPostgres => false;
}
