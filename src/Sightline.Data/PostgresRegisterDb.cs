using Microsoft.EntityFrameworkCore;

namespace Sightline.Data;

/// <summary>The register on a PostgreSQL server, shared by many processes.</summary>
public sealed class PostgresRegisterDb(DbContextOptions<PostgresRegisterDb> options) : RegisterDb(options)
{
    public override bool IsPostgres => true;
}
