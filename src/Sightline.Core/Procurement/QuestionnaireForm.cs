using System.Globalization;
using System.Text;
using Sightline.Csv;

namespace Sightline.Procurement;

/// <summary>
/// The return form of a questionnaire: a CSV file, one row per question asked, that a supplier fills in with a spreadsheet
/// (an answer and its evidence, or "yes" under declined) and sends back; and reading a returned form, checked whole, so
/// that a form with any problem records nothing. Every problem names the file, the line and the column.
/// </summary>
public static class QuestionnaireForm
{
    /// <summary>The largest returned form read: a full answer to every question is a small fraction of it.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The most problems listed; a form that wrong is probably not a return form at all.</summary>
    public const int MaxProblems = 20;

    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["questionnaire", "question", "topic", "question text", "answer", "declined", "evidence"];

    private const int QuestionnaireColumn = 0, QuestionColumn = 1, AnswerColumn = 4, DeclinedColumn = 5, EvidenceColumn = 6;

    /// <summary>The file name a form is offered under.</summary>
    public static string FileName(int questionnaire) => $"questionnaire-{questionnaire.ToString(CultureInfo.InvariantCulture)}-return.csv";

    /// <summary>
    /// The blank form as UTF-8 with a byte-order mark (so that Excel reads it as UTF-8), every text cell guarded against
    /// being run as a formula.
    /// </summary>
    public static byte[] Bytes(QuestionnaireLetter letter)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        csv.WriteRecord(Columns);
        var id = letter.Questionnaire.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var (topic, question, words) in letter.Questions)
        {
            csv.WriteRecord([id, FormulaGuard.Neutralise(question), FormulaGuard.Neutralise(topic), FormulaGuard.Neutralise(words), "", "", ""]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// The filled rows of a returned form for <paramref name="questionnaire"/>, which asked <paramref name="asked"/>, each
    /// with its line; rows left blank are skipped. Or every problem (at most <see cref="MaxProblems"/>), each as
    /// "FILE:LINE: COLUMN: reason", and no rows.
    /// </summary>
    public static async Task<(List<(long Line, SupplierReply Reply)> Rows, List<string> Problems)> ReadAsync(Stream input, string file, int questionnaire,
        IReadOnlyCollection<string> asked, CancellationToken cancel)
    {
        var problems = new List<string>();
        if (await CsvText.ReadAtMostAsync(input, MaxBytes, cancel) is not { } bytes)
        {
            return ([], [$"{file}: larger than {MaxBytes / 1024} KiB; a return form is one row per question"]);
        }
        using var text = CsvText.Open(bytes, CsvEncoding.Utf8);
        var reader = new CsvReader(text);
        var rows = new List<(long, SupplierReply)>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        void Problem(long line, string? column, string reason) => problems.Add(column is null ? $"{file}:{line}: {reason}" : $"{file}:{line}: {column}: {reason}");
        var header = reader.Read();
        if (header is null)
        {
            return ([], [$"{file}: the file is empty; it should be the return form, starting with the line {string.Join(',', Columns)}"]);
        }
        if (header.Problem is { } broken)
        {
            return ([], [broken.ToString(file)]);
        }
        var names = header.Fields.Select(f => f.Value.Trim()).ToList();
        if (!names.SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            var wrong = Enumerable.Range(0, Math.Max(names.Count, Columns.Count))
                .FirstOrDefault(i => i >= names.Count || i >= Columns.Count || !string.Equals(names[i], Columns[i], StringComparison.OrdinalIgnoreCase));
            return ([], [$"{file}:{header.Line}: the header must be {string.Join(',', Columns)}; column {wrong + 1} is " +
                (wrong < names.Count ? $"'{names[wrong]}'" : "missing") + (wrong < Columns.Count ? $", not '{Columns[wrong]}'" : "")]);
        }
        var id = questionnaire.ToString(CultureInfo.InvariantCulture);
        foreach (var record in reader.ReadAll())
        {
            if (problems.Count >= MaxProblems)
            {
                break;
            }
            if (record.Problem is { } malformed)
            {
                problems.Add(malformed.ToString(file));
                continue;
            }
            if (record.Fields.Count != Columns.Count)
            {
                Problem(record.Line, null, $"{record.Fields.Count} cells; the form has {Columns.Count} ({string.Join(", ", Columns)})");
                continue;
            }
            var unreadable = record.Fields.Select((f, i) => CsvText.Check(f, Columns[i])).FirstOrDefault(p => p is not null);
            if (unreadable is not null)
            {
                problems.Add(unreadable.ToString(file));
                continue;
            }
            string Cell(int column) => FormulaGuard.Restore(record.Fields[column].Value.Trim());
            if (Cell(QuestionnaireColumn) != id)
            {
                Problem(record.Line, Columns[QuestionnaireColumn], $"'{Cell(QuestionnaireColumn)}': this form is for questionnaire {Cell(QuestionnaireColumn)}, not {id}");
                continue;
            }
            var question = Cell(QuestionColumn);
            if (!asked.Contains(question))
            {
                Problem(record.Line, Columns[QuestionColumn], $"'{question}' was not asked in questionnaire {id}");
                continue;
            }
            if (seen.TryGetValue(question, out var first))
            {
                Problem(record.Line, Columns[QuestionColumn], $"'{question}' is also on line {first}; give one row per question");
                continue;
            }
            seen[question] = record.Line;
            var (answer, declined, evidence) = (Cell(AnswerColumn), Cell(DeclinedColumn), Cell(EvidenceColumn));
            var refused = declined.Equals("yes", StringComparison.OrdinalIgnoreCase);
            if (!refused && declined.Length > 0)
            {
                Problem(record.Line, Columns[DeclinedColumn], $"'{declined}': write yes to decline the question, or leave it empty");
            }
            else if (refused && answer.Length > 0)
            {
                Problem(record.Line, Columns[AnswerColumn], "the row is both answered and declined; clear the answer or the declined cell");
            }
            else if (answer.Length == 0 && evidence.Length > 0)
            {
                Problem(record.Line, Columns[EvidenceColumn], "evidence without an answer; give the answer the evidence supports");
            }
            else if (answer.Length > MaxText || evidence.Length > MaxText)
            {
                Problem(record.Line, answer.Length > MaxText ? Columns[AnswerColumn] : Columns[EvidenceColumn], $"longer than {MaxText} characters");
            }
            else if (refused || answer.Length > 0)
            {
                rows.Add((record.Line, new SupplierReply(question, refused, refused ? null : answer, refused || evidence.Length == 0 ? null : evidence)));
            }
        }
        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add($"{file}: no row is filled in; write an answer, or yes under declined, on the row of each question replied to");
        }
        return problems.Count > 0 ? ([], problems) : (rows, problems);
    }

    // The register's limit on a reply's text (RecordFields.MaxLength), checked here so that the problem names its line.
    private const int MaxText = 4000;
}
