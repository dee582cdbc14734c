using Microsoft.Extensions.Time.Testing;
using Sightline.Cli;

namespace Sightline.Tests;

/// <summary>Runs `sightline` through its real entry point in-process, capturing what it prints.</summary>
public static class Cli
{
    /// <summary>The clock every test run starts from.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 9, 30, 0, TimeSpan.Zero);

    public static async Task<CliRun> RunAsync(TestRegister register, params string[] args) =>
        await RunAsync([.. args, .. register.Options, "--actor", "tester"], register.Folder, new Dictionary<string, string>());

    public static async Task<CliRun> RunAsync(string[] args, string directory, IReadOnlyDictionary<string, string> environment,
        TimeProvider? time = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(TextReader.Null, output, error, time ?? new FakeTimeProvider(Start), environment, directory, Interactive: false);
        var code = await SightlineCli.RunAsync(args, context);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
