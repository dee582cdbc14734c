using Microsoft.EntityFrameworkCore;

namespace Sightline.Data;

/// <summary>The register in an embedded SQLite file.</summary>
public sealed class SqliteRegisterDb(DbContextOptions<SqliteRegisterDb> options) : RegisterDb(options)
{
    public override bool IsPostgres => false;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Date filters (the audit log's from and to) must translate to SQL; see SqliteTimeText.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<SqliteTimeText>();
    }
}
