namespace Sightline.Tests;

/// <summary>Places in the repository and beside it, found from the build output (CI builds record no source paths).</summary>
public static class Repository
{
    /// <summary>The repository's root: the folder holding Sightline.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A folder under the root.</summary>
    public static string Folder(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// The project's labelled conformance corpus of real device responses (tests/corpus, with its index, provenance
    /// and licences): SIGHTLINE_CORPUS overrides it.
    /// </summary>
    public static string Corpus =>
        Environment.GetEnvironmentVariable("SIGHTLINE_CORPUS") is { Length: > 0 } corpus
            ? corpus
            : Folder("tests", "corpus");

    /// <summary>A copy of the shipped knowledge in a new temporary folder, for tests that change it; the caller deletes it.</summary>
    public static string CopyOfKnowledge()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-kb-").FullName;
        var source = Folder("knowledge");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sightline.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Sightline.slnx above {AppContext.BaseDirectory}");
    }
}
