namespace Sightline.Tests;

/// <summary>
/// Golden files for rendered output: the text must equal Golden/NAME.verified.txt. On a difference the actual text is
/// written beside it as NAME.received.txt (ignored by git); run with SIGHTLINE_ACCEPT_GOLDEN=1 to accept it.
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual)
    {
        var folder = Path.Combine(ProjectFolder(), "Golden");
        var verified = Path.Combine(folder, $"{name}.verified.txt");
        var received = Path.Combine(folder, $"{name}.received.txt");
        var text = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("SIGHTLINE_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(verified, text);
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == text)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, text);
        Assert.Fail(expected is null
            ? $"no golden file {verified}; check {received} and accept it with SIGHTLINE_ACCEPT_GOLDEN=1"
            : $"output differs from {verified}; see {received}");
    }

    // The test project's folder, found from the build output (CI builds record no source paths in the binaries).
    public static string ProjectFolder() => Repository.Folder("tests", "Sightline.Tests");
}
