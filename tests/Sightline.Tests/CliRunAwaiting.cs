namespace Sightline.Tests;

/// <summary>Lets a test write <c>await Cli.RunAsync(...).Ok()</c>.</summary>
public static class CliRunAwaiting
{
    public static async Task<CliRun> Ok(this Task<CliRun> run) => (await run).Ok();
}
