using Sightline.Knowledge;

namespace Sightline.Tests.Knowledge;

/// <summary>The repository's own knowledge folder, found by walking up from the test binaries to Sightline.slnx; loaded once.</summary>
internal static class RepositoryKnowledge
{
    private static readonly Lazy<KnowledgeBase> Loaded = new(() => KnowledgeBase.Load(Folder));

    public static string Folder
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Sightline.slnx")))
                {
                    return Path.Combine(directory.FullName, "knowledge");
                }
            }
            throw new InvalidOperationException($"no Sightline.slnx above {AppContext.BaseDirectory}");
        }
    }

    public static KnowledgeBase Knowledge => Loaded.Value;
}
