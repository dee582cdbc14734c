namespace Sightline.Tests;

/// <summary>What one run of the command printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Fails with everything printed unless the run succeeded.</summary>
    public CliRun Ok()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}");
        return this;
    }
}
