using Npgsql;
using Sightline.Data;

namespace Sightline.Tests;

/// <summary>A register made for one test, with its working folder; disposing removes both.</summary>
public sealed class TestRegister(string folder, string[] options, RegisterLocation location, (string Admin, string Name)? postgres)
    : IAsyncDisposable
{
    /// <summary>Folder for the test's files.</summary>
    public string Folder => folder;

    /// <summary>The --db or --postgres options that name this register.</summary>
    public string[] Options => options;

    public RegisterLocation Location => location;

    public bool IsPostgres => postgres is not null;

    /// <summary>Writes a file in the test folder and returns its path.</summary>
    public string File(string name, string content)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a file of exactly these bytes in the test folder and returns its path.</summary>
    public string File(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Opens the register directly, to check what the commands did.</summary>
    public Task<RegisterDb> OpenAsync() => location.OpenAsync(create: false, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (postgres is { } pg)
        {
            await using var connection = new NpgsqlConnection(pg.Admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pg.Name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(folder, recursive: true);
    }
}
