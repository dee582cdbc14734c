using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sightline.Data;

public abstract partial class RegisterDb
{
    /// <summary>
    /// A new context on the same register with its own connection, so that a long read (the audit chain's check) can run
    /// alongside this context's queries. The caller disposes it.
    /// </summary>
    public RegisterDb Another()
    {
        var options = this.GetService<IDbContextOptions>();
        return options switch
        {
            DbContextOptions<SqliteRegisterDb> sqlite => new SqliteRegisterDb(sqlite),
            DbContextOptions<PostgresRegisterDb> postgres => new PostgresRegisterDb(postgres),
            _ => throw new InvalidOperationException($"a register context has unexpected options {options.GetType()}"),
        };
    }
}
