using Npgsql;
using Sightline.Cli;
using Sightline.Data;

namespace Sightline.Web.Tests;

/// <summary>A register made for one test, with its working folder; disposing removes both.</summary>
public sealed class TestRegister(string folder, string[] options, RegisterLocation location, (string Admin, string Name)? postgres)
    : IAsyncDisposable
{
    public string Folder => folder;

    public RegisterLocation Location => location;

    /// <summary>Runs `sightline` in-process on this register (acting as "tester"); fails the test when the command fails.</summary>
    public async Task<string> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(input), output, error, TimeProvider.System, new Dictionary<string, string>(), folder, Interactive: false);
        var code = await SightlineCli.RunAsync([.. args, .. options, "--actor", "tester"], context);
        Assert.True(code == 0, $"sightline {string.Join(' ', args)} exited {code}: {error}");
        return output.ToString();
    }

    /// <summary>Writes a file in the test folder and returns its path.</summary>
    public string File(string name, string content)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

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
