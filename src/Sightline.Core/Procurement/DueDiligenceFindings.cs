using System.Globalization;

namespace Sightline.Procurement;

/// <summary>
/// The rules that turn a supplier's record into findings. A refusal is a finding in its own right (as the commissioner
/// treated Hikvision's in 2021), and so is silence: a question with no reply received by the deadline, once the deadline
/// has passed on the clock.
/// </summary>
public static class DueDiligenceFindings
{
    /// <summary>The supplier declined to answer a question or the whole questionnaire.</summary>
    public const string Declined = "declined";
    /// <summary>Questions had no reply by the deadline.</summary>
    public const string NoAnswer = "no-answer";
    /// <summary>Turnover of £36m or more and no s.54 statement on record.</summary>
    public const string NoSlaveryStatement = "no-slavery-statement";

    /// <summary>Every finding about <paramref name="supplier"/> on <paramref name="today"/>, oldest first.</summary>
    public static List<SupplierFinding> Of(Supplier supplier, IReadOnlyList<Questionnaire> questionnaires, IReadOnlyList<QuestionnaireReply> replies,
        DateOnly today)
    {
        var found = new List<SupplierFinding>();
        if (supplier.TurnoverOver36m && string.IsNullOrWhiteSpace(supplier.SlaveryStatementUrl))
        {
            found.Add(new(supplier.Id, supplier.LegalName, null, NoSlaveryStatement, today,
                $"{supplier.LegalName} has a turnover of £36m or more but no Modern Slavery Act s.54 statement is on record",
                "Modern Slavery Act 2015 s.54; governance.md §9.2 rule 5; register: the supplier's record"));
        }
        foreach (var questionnaire in questionnaires.OrderBy(q => q.Sent).ThenBy(q => q.Id))
        {
            var source = $"Code of Practice principle 9; register: due-diligence questionnaire {questionnaire.Id.ToString(CultureInfo.InvariantCulture)} " +
                $"({questionnaire.SetId} {questionnaire.Version}) sent {Day(questionnaire.Sent)}, deadline {Day(questionnaire.Deadline)}";
            var own = replies.Where(r => r.QuestionnaireId == questionnaire.Id).OrderBy(r => r.Received).ThenBy(r => r.Id).ToList();
            var whole = own.FirstOrDefault(r => r.Declined && r.QuestionId is null);
            foreach (var refusal in own.Where(r => r.Declined))
            {
                var what = refusal.QuestionId is null ? "the whole questionnaire" : $"question {refusal.QuestionId}";
                var said = string.IsNullOrWhiteSpace(refusal.Text) ? "" : $" (it said: {refusal.Text})";
                found.Add(new(supplier.Id, supplier.LegalName, questionnaire.Id, Declined, refusal.Received,
                    $"{supplier.LegalName} declined to answer {what} of the due-diligence questionnaire sent {Day(questionnaire.Sent)}, on {Day(refusal.Received)}{said}",
                    source));
            }
            if (whole is not null || today <= questionnaire.Deadline)
            {
                continue;
            }
            var asked = Ids(questionnaire.Questions);
            var unanswered = asked.Where(id => !own.Any(r => r.QuestionId == id && r.Received <= questionnaire.Deadline)).ToList();
            if (unanswered.Count == 0)
            {
                continue;
            }
            var text = unanswered.Count == asked.Count
                ? $"{supplier.LegalName} gave no answer by the deadline {Day(questionnaire.Deadline)} to the due-diligence questionnaire sent {Day(questionnaire.Sent)}"
                : $"{supplier.LegalName} gave no answer by the deadline {Day(questionnaire.Deadline)} to {unanswered.Count} of the {asked.Count} questions sent {Day(questionnaire.Sent)}: {string.Join(", ", unanswered)}";
            found.Add(new(supplier.Id, supplier.LegalName, questionnaire.Id, NoAnswer, questionnaire.Deadline.AddDays(1), text, source));
        }
        return [.. found.OrderBy(f => f.Day)];
    }

    /// <summary>The question IDs of a questionnaire's ';'-separated list.</summary>
    public static List<string> Ids(string questions) => [.. questions.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
