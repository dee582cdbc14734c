using System.Text.Json;

namespace Sightline.Procurement;

/// <summary>
/// The versioned due-diligence question set sent to suppliers (knowledge/due-diligence/questions.json), in our own words,
/// built from the commissioner's questions to Hikvision and the topics of governance.md §9.3.
/// </summary>
public sealed record DueDiligenceQuestions(string Id, string Version, string Title, string Notice, string Checked, IReadOnlyList<DueDiligenceTopic> Topics)
{
    /// <summary>The shipped set, inside the knowledge folder.</summary>
    public const string ShippedFile = "due-diligence/questions.json";

    /// <summary>Every question, with its topic, in order.</summary>
    public IEnumerable<(DueDiligenceTopic Topic, string Id, string Text)> All =>
        Topics.SelectMany(t => t.Questions.Select(q => (t, q.Id, q.Text)));

    /// <summary>The shipped set, read from <paramref name="knowledgeFolder"/>.</summary>
    /// <exception cref="FormatException">The file is missing or has problems; the message names each place.</exception>
    public static DueDiligenceQuestions Shipped(string knowledgeFolder)
    {
        var (json, path) = ProcurementJson.Shipped(knowledgeFolder, ShippedFile, "the due-diligence question set is missing");
        return Parse(json, path);
    }

    /// <summary>Reads a set from JSON; every problem's message starts with <paramref name="where"/> and names its JSON path.</summary>
    /// <exception cref="FormatException">Every problem found.</exception>
    public static DueDiligenceQuestions Parse(string json, string where)
    {
        using (var document = ProcurementJson.Parse(json, where))
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where}: the file must hold one JSON object");
            }
            var id = Text(root, "id", "", problems);
            var version = Text(root, "version", "", problems);
            var title = Text(root, "title", "", problems);
            var notice = Text(root, "notice", "", problems);
            var checkedOn = Date(root, "checked", "", problems);
            var topics = new List<DueDiligenceTopic>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (!root.TryGetProperty("topics", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                problems.Add("topics: give a list of one or more topics");
            }
            else
            {
                var i = 0;
                foreach (var topic in list.EnumerateArray())
                {
                    if (ReadTopic(topic, $"topics[{i++}]", seen, problems) is { } read)
                    {
                        topics.Add(read);
                    }
                }
            }
            if (problems.Count > 0)
            {
                throw new FormatException(string.Join('\n', problems.Select(p => $"{where}: {p}")));
            }
            return new DueDiligenceQuestions(id!, version!, title!, notice!, checkedOn!, topics);
        }
    }

    private static DueDiligenceTopic? ReadTopic(JsonElement topic, string path, HashSet<string> seen, List<string> problems)
    {
        if (topic.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: must be an object with id, title, sources and questions");
            return null;
        }
        var id = Text(topic, "id", path + ".", problems);
        var title = Text(topic, "title", path + ".", problems);
        var categories = new List<string>();
        if (topic.TryGetProperty("concern_categories", out var cats) && cats.ValueKind == JsonValueKind.Array)
        {
            categories.AddRange(cats.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!));
        }
        var sources = new List<(string, string)>();
        if (!topic.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            problems.Add($"{path}.sources: give one or more sources, each with url and date");
        }
        else
        {
            var i = 0;
            foreach (var source in list.EnumerateArray())
            {
                var where = $"{path}.sources[{i++}].";
                var url = source.ValueKind == JsonValueKind.Object ? Text(source, "url", where, problems) : null;
                var date = source.ValueKind == JsonValueKind.Object ? Date(source, "date", where, problems) : null;
                if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                {
                    problems.Add($"{where}url: '{url}' is not an http(s) URL");
                }
                else if (url is not null && date is not null)
                {
                    sources.Add((url, date));
                }
            }
        }
        var questions = new List<(string, string)>();
        if (!topic.TryGetProperty("questions", out var qs) || qs.ValueKind != JsonValueKind.Array || qs.GetArrayLength() == 0)
        {
            problems.Add($"{path}.questions: give one or more questions, each with id and text");
        }
        else
        {
            var i = 0;
            foreach (var question in qs.EnumerateArray())
            {
                var where = $"{path}.questions[{i++}].";
                var qid = question.ValueKind == JsonValueKind.Object ? Text(question, "id", where, problems) : null;
                var text = question.ValueKind == JsonValueKind.Object ? Text(question, "text", where, problems) : null;
                if (qid is not null && !seen.Add(qid))
                {
                    problems.Add($"{where}id: '{qid}' is used by another question");
                }
                else if (qid is not null && text is not null)
                {
                    questions.Add((qid, text));
                }
            }
        }
        return id is null || title is null ? null : new DueDiligenceTopic(id, title, categories, sources, questions);
    }

    private static string? Text(JsonElement parent, string name, string path, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{path}{name}: missing or not a text");
            return null;
        }
        return value.GetString()!.Trim();
    }

    private static string? Date(JsonElement parent, string name, string path, List<string> problems)
    {
        var text = Text(parent, name, path, problems);
        if (text is not null && !DateOnly.TryParseExact(text, "yyyy-MM-dd", out _))
        {
            problems.Add($"{path}{name}: '{text}' is not a date written YYYY-MM-DD");
            return null;
        }
        return text;
    }
}
