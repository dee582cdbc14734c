namespace Sightline.Knowledge;

/// <summary>Where a knowledge row comes from: source URLs (space-separated), the date it was last checked, and its place in the files.</summary>
public sealed record Provenance(string Source, string Checked, string Where)
{
    /// <summary>The source URLs.</summary>
    public IReadOnlyList<string> Urls { get; } = Source.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>For rows that are not from a file (derived claims, a person's override).</summary>
    public static Provenance None { get; } = new("", "", "");
}
