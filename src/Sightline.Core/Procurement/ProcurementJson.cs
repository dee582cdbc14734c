using System.Text.Json;

namespace Sightline.Procurement;

/// <summary>Reading the procurement knowledge files (due-diligence questions, exclusion grounds): the same errors for each.</summary>
internal static class ProcurementJson
{
    /// <summary>The text and path of a file shipped in the knowledge folder.</summary>
    /// <exception cref="FormatException">The file is missing: "PATH: <paramref name="missing"/>".</exception>
    public static (string Json, string Path) Shipped(string knowledgeFolder, string file, string missing)
    {
        var path = Path.Combine(knowledgeFolder, file);
        return File.Exists(path) ? (File.ReadAllText(path), path) : throw new FormatException($"{path}: {missing}");
    }

    /// <summary>The parsed document; a message that starts with <paramref name="where"/> and gives the line when it is not JSON.</summary>
    /// <exception cref="FormatException">Not valid JSON.</exception>
    public static JsonDocument Parse(string json, string where)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where}: line {(e.LineNumber ?? 0) + 1}: not valid JSON", e);
        }
    }
}
