using Sightline.Cli;
using Sightline.Tests;

namespace Sightline.Web.Tests;

/// <summary>Running `sightline` on a test register, as the web tests set up their registers.</summary>
public static class TestRegisterRuns
{
    /// <summary>Runs `sightline` in-process on this register (acting as "tester"); fails the test when the command fails.</summary>
    public static async Task<string> RunAsync(this TestRegister register, string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(input), output, error, TimeProvider.System, new Dictionary<string, string>(), register.Folder, Interactive: false);
        var code = await SightlineCli.RunAsync([.. args, .. register.Options, "--actor", "tester"], context);
        Assert.True(code == 0, $"sightline {string.Join(' ', args)} exited {code}: {error}");
        return output.ToString();
    }
}
