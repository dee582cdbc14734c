using System.Globalization;
using System.Text;
using System.Text.Json;
using Sightline.Assessments;
using Sightline.Data.Audit;
using Sightline.Register;

namespace Sightline.Data.Assessments;

/// <summary>
/// An assessment's answers, links and actions as a JSON file, so an assessment can be prepared offline or moved to another
/// register. Uploaded files and decided findings stay in the register they belong to: their bytes and the devices behind
/// them mean nothing elsewhere.
/// </summary>
public static class AssessmentFile
{
    /// <summary>The value of the file's "format" member.</summary>
    public const string Format = "sightline-self-assessment";

    /// <summary>Writes the file for an assessment.</summary>
    public static string Export(AssessmentView view)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("format_version", 1);
            json.WriteString("title", view.Assessment.Title);
            json.WriteStartArray("systems");
            foreach (var system in view.Systems)
            {
                json.WriteStringValue(system);
            }
            json.WriteEndArray();
            json.WriteStartObject("question_set");
            json.WriteString("id", view.Set.Id);
            json.WriteString("version", view.Set.Version);
            json.WriteEndObject();
            json.WriteStartArray("answers");
            foreach (var (_, question) in view.Set.All)
            {
                if (view.Answer(question.Id) is not { } answer)
                {
                    continue;
                }
                json.WriteStartObject();
                json.WriteString("question", question.Id);
                json.WriteString("answer", SelfAssessments.Word(answer.Answer));
                json.WriteString("text", answer.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("links");
            foreach (var link in view.Evidence.Where(e => e.Kind == EvidenceKind.Link))
            {
                json.WriteStartObject();
                json.WriteNumber("principle", link.Principle);
                json.WriteString("title", link.Title);
                json.WriteString("url", link.Url);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("actions");
            foreach (var action in view.Actions)
            {
                json.WriteStartObject();
                json.WriteNumber("principle", action.Principle);
                json.WriteString("action", action.Text);
                json.WriteString("owner", action.Owner);
                json.WriteString("due", action.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("status", Words.Of(action.Status));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>What an import did.</summary>
    public sealed record Imported(int AssessmentId, int Answers, int Links, int Actions, bool Started);

    /// <summary>
    /// Reads a file into a draft: into <paramref name="into"/>, or a new draft for the file's systems when null. Every
    /// problem in the file is found first and reported together, each with its place ("answers[3].answer"); then
    /// answers are set (replacing earlier ones), and links and actions added, in one write.
    /// </summary>
    public static async Task<Imported> ImportAsync(RegisterDb db, TimeProvider time, string actor, string json, string where, int? into,
        string knowledgeFolder, CancellationToken cancel)
    {
        var file = Read(json, where);
        var id = into;
        var started = false;
        if (id is null)
        {
            if (file.Systems.Count == 0)
            {
                throw new RegisterException($"{where}: systems: name the systems the assessment covers, or import into a draft with --into");
            }
            // Checked before the draft is started, so a file with a wrong question leaves nothing behind.
            var current = await QuestionSets.CurrentAsync(db, cancel) is { } stored
                ? QuestionSets.Parse(stored)
                : QuestionSet.Parse(QuestionSets.ShippedJson(knowledgeFolder), QuestionSet.ShippedFile);
            CheckQuestions(file, current, where);
            id = (await SelfAssessments.StartAsync(db, time, actor, file.Title, file.Systems, knowledgeFolder, cancel)).Id;
            started = true;
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var (_, set) = await SelfAssessments.DraftAsync(db, id.Value, cancel, "imported into");
        CheckQuestions(file, set, where);
        var now = time.GetUtcNow();
        foreach (var answer in file.Answers)
        {
            await SelfAssessments.AnswerInAsync(write, set, id.Value, answer.Question, answer.Answer, answer.Text, now, actor, cancel);
            await db.SaveChangesAsync(cancel);
        }
        foreach (var link in file.Links)
        {
            SelfAssessments.AddLinkIn(write, id.Value, link.Principle, link.Title, link.Url, now, actor);
        }
        foreach (var action in file.Actions)
        {
            SelfAssessments.AddActionIn(write, id.Value, action.Principle, action.Text, action.Owner, action.Due, action.Status, now, actor);
        }
        write.Record(AssessmentAudit.Import, AssessmentAudit.Assessment, SelfAssessments.Key(id.Value), null, AuditJson.Of(
            ("file", Path.GetFileName(where)), ("answers", SelfAssessments.Key(file.Answers.Count)),
            ("links", SelfAssessments.Key(file.Links.Count)), ("actions", SelfAssessments.Key(file.Actions.Count))));
        await write.CommitAsync(cancel);
        return new Imported(id.Value, file.Answers.Count, file.Links.Count, file.Actions.Count, started);
    }

    private static void CheckQuestions(FileContent file, QuestionSet set, string where)
    {
        var unknown = file.Answers.Select((a, i) => (a, i)).Where(x => set.Find(x.a.Question) is null)
            .Select(x => $"{where}: answers[{x.i}].question: '{x.a.Question}' is not in question set {set.Id} {set.Version}").ToList();
        if (unknown.Count > 0)
        {
            throw new RegisterException(string.Join('\n', unknown));
        }
    }

    private sealed record FileAnswer(string Question, ClosedAnswer? Answer, string? Text);

    private sealed record FileLink(int Principle, string Title, string Url);

    private sealed record FileAction(int Principle, string Text, string Owner, DateOnly Due, ActionStatus Status);

    private sealed record FileContent(string? Title, IReadOnlyList<string> Systems, IReadOnlyList<FileAnswer> Answers,
        IReadOnlyList<FileLink> Links, IReadOnlyList<FileAction> Actions);

    private static FileContent Read(string text, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new RegisterException($"{where}: line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON", e);
        }
        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                || format.GetString() != Format)
            {
                throw new RegisterException($"{where}: format: not a self-assessment file (its \"format\" must be \"{Format}\")");
            }
            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var systems = new List<string>();
            foreach (var (item, path) in Items(root, "systems", problems))
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                {
                    systems.Add(item.GetString()!);
                }
                else
                {
                    problems.Add($"{path}: give a system's name");
                }
            }
            var answers = new List<FileAnswer>();
            foreach (var (item, path) in Items(root, "answers", problems))
            {
                var question = String(item, "question", path, problems, required: true);
                var answerText = String(item, "answer", path, problems, required: false);
                var open = String(item, "text", path, problems, required: false);
                ClosedAnswer? answer = null;
                if (answerText is not null && (answer = SelfAssessments.ParseAnswer(answerText)) is null)
                {
                    problems.Add($"{path}.answer: '{answerText}' is not one of {Words.List<ClosedAnswer>()}");
                }
                else if (answerText is null && open is null)
                {
                    problems.Add($"{path}: give an answer, a text, or both");
                }
                if (question is not null && (answerText is null || answer is not null))
                {
                    answers.Add(new FileAnswer(question, answer, open));
                }
            }
            var links = new List<FileLink>();
            foreach (var (item, path) in Items(root, "links", problems))
            {
                var principle = Principle(item, path, problems);
                var linkTitle = String(item, "title", path, problems, required: true);
                var url = String(item, "url", path, problems, required: true);
                if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                {
                    problems.Add($"{path}.url: '{url}' is not an absolute http or https address");
                }
                else if (principle is { } p && linkTitle is not null && url is not null)
                {
                    links.Add(new FileLink(p, linkTitle, url));
                }
            }
            var actions = new List<FileAction>();
            foreach (var (item, path) in Items(root, "actions", problems))
            {
                var principle = Principle(item, path, problems);
                var action = String(item, "action", path, problems, required: true);
                var owner = String(item, "owner", path, problems, required: true);
                var dueText = String(item, "due", path, problems, required: true);
                var statusText = String(item, "status", path, problems, required: false) ?? "open";
                DateOnly due = default;
                var ok = dueText is not null && DateOnly.TryParseExact(dueText, "yyyy-MM-dd", out due);
                if (dueText is not null && !ok)
                {
                    problems.Add($"{path}.due: '{dueText}' is not a date (yyyy-mm-dd)");
                }
                var status = Words.Parse<ActionStatus>(statusText);
                if (status is null)
                {
                    problems.Add($"{path}.status: '{statusText}' is not one of {Words.List<ActionStatus>()}");
                }
                if (principle is { } p && action is not null && owner is not null && ok && status is { } s)
                {
                    actions.Add(new FileAction(p, action, owner, due, s));
                }
            }
            if (problems.Count > 0)
            {
                throw new RegisterException(string.Join('\n', problems.Select(p => $"{where}: {p}")));
            }
            return new FileContent(title, systems, answers, links, actions);
        }
    }

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var list))
        {
            yield break;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{name}: must be a list");
            yield break;
        }
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            yield return (item, $"{name}[{i++}]");
        }
    }

    private static string? String(JsonElement item, string name, string path, List<string> problems, bool required)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            if (required)
            {
                problems.Add($"{path}: must be an object");
            }
            return null;
        }
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"{path}.{name}: missing");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{path}.{name}: must be a text");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > SelfAssessments.MaxText)
        {
            problems.Add($"{path}.{name}: longer than {SelfAssessments.MaxText:N0} characters");
            return null;
        }
        if (required && string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{path}.{name}: empty");
            return null;
        }
        return text;
    }

    private static int? Principle(JsonElement item, string path, List<string> problems)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("principle", out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number) && number is >= 1 and <= QuestionSet.PrincipleCount)
        {
            return number;
        }
        problems.Add($"{path}.principle: give the principle's number, 1 to {QuestionSet.PrincipleCount}");
        return null;
    }
}
