using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sightline.Data;

namespace Sightline.Tests.Setup;

/// <summary>
/// What a user is told when PostgreSQL fails (issue 12): a timeout, a server that ended the connection, a refused
/// login and a port where nothing listens are different problems, and only the last may be called "cannot reach".
/// Each failure here is real, made on the test server; only SQLite's failures are covered elsewhere.
/// </summary>
public sealed class PostgresFailureTests
{
    [Fact]
    public async Task StatementTimeout_SaysTheServerCancelledTheCommand()
    {
        await using var register = await NewRegisterAsync();
        await using var db = await register.OpenAsync();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET statement_timeout = 1");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("SELECT count(*) FROM generate_series(1, 1000000000)"));

        Assert.Equal($"PostgreSQL at {register.Location.Display} cancelled the command: canceling statement due to statement timeout (SQLSTATE 57014)",
            register.Location.Explain(failure).Message);
    }

    [Fact]
    public async Task CommandTimeout_SaysPostgresDidNotAnswerInTime()
    {
        await using var register = await NewRegisterAsync();
        // Another session holds a lock the command waits for, so the command outlasts its one-second timeout.
        await using var holder = new NpgsqlConnection(register.Location.ConnectionString);
        await holder.OpenAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(12)", holder))
        {
            await hold.ExecuteNonQueryAsync();
        }
        var location = RegisterLocation.Postgres(new NpgsqlConnectionStringBuilder(register.Location.ConnectionString) { CommandTimeout = 1 }.ToString());
        await using var db = await location.OpenAsync(create: false, CancellationToken.None);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(12)"));

        var message = location.Explain(failure).Message;
        Assert.StartsWith($"PostgreSQL at {location.Display} did not answer in time (a command may take 1 s, \"Command Timeout\" in the connection string", message);
        Assert.DoesNotContain("cannot reach", message);
    }

    [Fact]
    public async Task TerminatedBackend_SaysTheServerEndedTheConnection()
    {
        await using var register = await NewRegisterAsync();
        await using var db = await register.OpenAsync();
        await db.Database.OpenConnectionAsync();
        var pid = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        await using (var admin = new NpgsqlConnection(register.Location.ConnectionString))
        {
            await admin.OpenAsync();
            // The second argument makes the call wait (up to 10 s) until the backend has exited.
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({pid}, 10000)", admin);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => db.Devices.CountAsync());

        var message = register.Location.Explain(failure).Message;
        Assert.Equal($"PostgreSQL at {register.Location.Display} ended the connection: terminating connection due to administrator command (SQLSTATE 57P01)", message);
    }

    [Fact]
    public async Task UnknownRole_SaysTheLoginWasRefused()
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("SIGHTLINE_TEST_POSTGRES")) { Username = "no_such_role", Pooling = false };
        var location = RegisterLocation.Postgres(admin.ToString());

        var failure = await Assert.ThrowsAsync<RegisterException>(() => location.OpenAsync(create: false, CancellationToken.None));

        Assert.Equal($"PostgreSQL at {location.Display} refused the login: role \"no_such_role\" does not exist (SQLSTATE 28000)", failure.Message);
    }

    [Fact]
    public async Task NothingListening_SaysCannotReach()
    {
        // A loopback port that was just free: nothing listens there, so connecting is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var location = RegisterLocation.Postgres($"Host=127.0.0.1;Port={port};Username=postgres;Database=sightline;Pooling=false");

        var failure = await Assert.ThrowsAsync<RegisterException>(() => location.OpenAsync(create: false, CancellationToken.None));

        Assert.StartsWith($"cannot reach PostgreSQL at postgresql://127.0.0.1:{port}/sightline: Failed to connect to 127.0.0.1:{port}", failure.Message);
        Assert.Contains("refused", failure.Message);
    }

    private static async Task<TestRegister> NewRegisterAsync()
    {
        var register = await Registers.NewAsync(Registers.Postgres);
        await Cli.RunAsync(register, "init").Ok();
        return register;
    }
}
