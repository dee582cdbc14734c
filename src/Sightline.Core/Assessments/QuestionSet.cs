using System.Text.Json;

namespace Sightline.Assessments;

/// <summary>
/// A versioned set of self-assessment questions, one group per principle of the Code (1–12), kept as data with its
/// source. The shipped set is in our own words (the official Self-Assessment Tool's wording could not be retrieved);
/// an organisation may load another.
/// </summary>
public sealed record QuestionSet(
    string Id,
    string Version,
    string Title,
    string Code,
    string CodeVersion,
    bool OwnWords,
    string Notice,
    IReadOnlyList<string> Source,
    string Checked,
    IReadOnlyList<Principle> Principles)
{
    /// <summary>The file of the shipped set, inside the knowledge folder.</summary>
    public const string ShippedFile = "self-assessment/questions.json";

    /// <summary>The number of principles every set covers.</summary>
    public const int PrincipleCount = 12;

    // Enough for any honest question; a longer "question" is a mistake in the file.
    private const int MaxText = 2000;

    /// <summary>The principle numbered <paramref name="number"/>.</summary>
    public Principle this[int number] => Principles[number - 1];

    /// <summary>The question with this id, or null.</summary>
    public Question? Find(string questionId) =>
        Principles.SelectMany(p => p.Questions).FirstOrDefault(q => q.Id == questionId);

    /// <summary>The principle a question belongs to (0 when the set has no such question).</summary>
    public int PrincipleOf(string questionId) =>
        Principles.FirstOrDefault(p => p.Questions.Any(q => q.Id == questionId))?.Number ?? 0;

    /// <summary>Every question, in order.</summary>
    public IEnumerable<(Principle Principle, Question Question)> All =>
        Principles.SelectMany(p => p.Questions.Select(q => (p, q)));

    /// <summary>Reads a set from JSON; <paramref name="where"/> (a file name) starts every problem's message.</summary>
    /// <exception cref="QuestionSetException">Every problem found, each with its place (a JSON path or a line).</exception>
    public static QuestionSet Parse(string json, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new QuestionSetException(
                $"{where}: line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON ({FirstSentence(e.Message)})", e);
        }
        using (document)
        {
            var problems = new List<string>();
            var set = Read(document.RootElement, problems);
            if (problems.Count > 0 || set is null)
            {
                throw new QuestionSetException(string.Join('\n', problems.Select(p => $"{where}: {p}")));
            }
            return set;
        }
    }

    private static QuestionSet? Read(JsonElement root, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the file must hold one JSON object");
            return null;
        }
        var id = Text(root, "id", "", problems, pattern: true);
        var version = Text(root, "version", "", problems, pattern: true);
        var title = Text(root, "title", "", problems);
        var code = Text(root, "code", "", problems);
        var codeVersion = Text(root, "code_version", "", problems, pattern: true);
        var notice = Text(root, "notice", "", problems);
        var checkedOn = Text(root, "checked", "", problems);
        if (checkedOn is not null && !DateOnly.TryParseExact(checkedOn, "yyyy-MM-dd", out _))
        {
            problems.Add($"checked: '{checkedOn}' is not a date (yyyy-mm-dd)");
        }
        var ownWords = root.TryGetProperty("own_words", out var own) && own.ValueKind == JsonValueKind.True;
        if (root.TryGetProperty("own_words", out own) && own.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add("own_words: give true or false");
        }
        var sources = new List<string>();
        if (!root.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Array || source.GetArrayLength() == 0)
        {
            problems.Add("source: give a list of one or more http(s) URLs the questions come from");
        }
        else
        {
            var i = 0;
            foreach (var url in source.EnumerateArray())
            {
                if (url.ValueKind != JsonValueKind.String
                    || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    problems.Add($"source[{i}]: not an http(s) URL");
                }
                else
                {
                    sources.Add(url.GetString()!);
                }
                i++;
            }
        }
        var principles = new Principle?[PrincipleCount];
        if (!root.TryGetProperty("principles", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("principles: give a list of the 12 principles, each with its questions");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                ReadPrinciple(item, $"principles[{i}]", principles, seen, problems);
                i++;
            }
            for (var n = 1; n <= PrincipleCount; n++)
            {
                if (principles[n - 1] is null && !problems.Any(p => p.StartsWith("principles[", StringComparison.Ordinal)))
                {
                    problems.Add($"principles: principle {n} is missing (every set covers principles 1 to 12)");
                }
            }
        }
        return problems.Count > 0
            ? null
            : new QuestionSet(id!, version!, title!, code!, codeVersion!, ownWords, notice!, sources, checkedOn!, [.. principles.Select(p => p!)]);
    }

    private static void ReadPrinciple(JsonElement item, string path, Principle?[] principles, HashSet<string> seen, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: must be an object with number, title, summary and questions");
            return;
        }
        int number = 0;
        if (!item.TryGetProperty("number", out var n) || n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out number)
            || number is < 1 or > PrincipleCount)
        {
            problems.Add($"{path}.number: give the principle's number, 1 to 12");
        }
        else if (principles[number - 1] is not null)
        {
            problems.Add($"{path}.number: principle {number} appears twice");
        }
        var title = Text(item, "title", path + ".", problems);
        var summary = Text(item, "summary", path + ".", problems);
        var questions = new List<Question>();
        if (!item.TryGetProperty("questions", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            problems.Add($"{path}.questions: give one or more questions");
        }
        else
        {
            var i = 0;
            foreach (var question in list.EnumerateArray())
            {
                var where = $"{path}.questions[{i}]";
                if (question.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where}: must be an object with id and text");
                }
                else
                {
                    var id = Text(question, "id", where + ".", problems, pattern: true);
                    var text = Text(question, "text", where + ".", problems);
                    if (id is not null && !seen.Add(id))
                    {
                        problems.Add($"{where}.id: '{id}' is used by another question (ids are unique in a set)");
                    }
                    if (id is not null && text is not null)
                    {
                        questions.Add(new Question(id, text));
                    }
                }
                i++;
            }
        }
        if (number is >= 1 and <= PrincipleCount && principles[number - 1] is null && title is not null && summary is not null)
        {
            principles[number - 1] = new Principle(number, title, summary, questions);
        }
    }

    // A required string; ids and versions are short words (letters, digits, '.', '-', '_') since they are typed on command lines.
    private static string? Text(JsonElement parent, string name, string path, List<string> problems, bool pattern = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{path}{name}: missing or not a text");
            return null;
        }
        var text = value.GetString()!.Trim();
        if (text.Length > MaxText)
        {
            problems.Add($"{path}{name}: longer than {MaxText} characters");
            return null;
        }
        if (pattern && (text.Length > 64 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
        {
            problems.Add($"{path}{name}: '{text}' may hold only letters, digits, '.', '-' and '_' (64 at most)");
            return null;
        }
        return text;
    }

    private static string FirstSentence(string message) =>
        message.IndexOf(". ", StringComparison.Ordinal) is var end and > 0 ? message[..end] : message.TrimEnd('.');
}
