using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Compliance;
using Sightline.Procurement;

namespace Sightline.Data.Procurement;

/// <summary>
/// Due-diligence questionnaires: sending one to a supplier (the set's version and questions kept on the record), each
/// answer with its evidence, and refusals, whole or per question; and the findings the record gives on a day. Audited.
/// </summary>
public static class DueDiligence
{
    /// <summary>Days to answer when no deadline is given: 28, the commissioner's usual time for a written reply.</summary>
    public const int DefaultDays = 28;

    /// <summary>One questionnaire with its replies, oldest first.</summary>
    public sealed record Sent(Questionnaire Questionnaire, IReadOnlyList<QuestionnaireReply> Replies);

    /// <summary>A supplier's due-diligence record: its questionnaires and the findings on <c>today</c>.</summary>
    public sealed record Record(Supplier Supplier, IReadOnlyList<Sent> Questionnaires, IReadOnlyList<SupplierFinding> Findings);

    /// <summary>Records a questionnaire sent on <paramref name="sent"/> (default today) with a deadline (default 28 days later). The new ID, or the problem.</summary>
    public static async Task<(int? Id, string? Problem)> SendAsync(RegisterDb db, TimeProvider time, string actor, int supplierId,
        DueDiligenceQuestions questions, string? sent, string? deadline, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        DateOnly sentOn = today, due;
        if (sent is not null && RecordFields.ParseDay(sent) is not { } s)
        {
            return (null, $"sent: '{sent}' is not a date written YYYY-MM-DD");
        }
        else if (sent is not null)
        {
            sentOn = RecordFields.ParseDay(sent)!.Value;
        }
        if (sentOn > today)
        {
            return (null, $"sent: {Day(sentOn)} is after today ({Day(today)})");
        }
        if (deadline is null)
        {
            due = sentOn.AddDays(DefaultDays);
        }
        else if (RecordFields.ParseDay(deadline) is { } d)
        {
            due = d;
        }
        else
        {
            return (null, $"deadline: '{deadline}' is not a date written YYYY-MM-DD");
        }
        if (due < sentOn)
        {
            return (null, $"deadline: {Day(due)} is before the day it was sent ({Day(sentOn)})");
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (!await db.Suppliers.AnyAsync(x => x.Id == supplierId, cancel))
        {
            return (null, $"there is no supplier with ID {SupplierRecords.Key(supplierId)}");
        }
        var questionnaire = new Questionnaire
        {
            SupplierId = supplierId, SetId = questions.Id, Version = questions.Version, Sent = sentOn, Deadline = due,
            Questions = string.Join(';', questions.All.Select(q => q.Id)),
        };
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync(cancel);
        write.Record(ProcurementAudit.Send, ProcurementAudit.Questionnaire, SupplierRecords.Key(questionnaire.Id), null, AuditJson.Of(
            ("supplier", SupplierRecords.Key(supplierId)), ("set", questions.Id), ("version", questions.Version), ("sent", Day(sentOn)), ("deadline", Day(due))));
        await write.CommitAsync(cancel);
        return (questionnaire.Id, null);
    }

    /// <summary>
    /// Records a reply received on <paramref name="received"/> (default today): an answer to a question (text required,
    /// evidence optional), or a refusal of a question or (question null) of the whole questionnaire. Null when done, else why not.
    /// </summary>
    public static async Task<string?> ReplyAsync(RegisterDb db, TimeProvider time, string actor, int questionnaireId, string? question, bool declined,
        string? text, string? evidence, string? received, CancellationToken cancel) =>
        (await RepliesAsync(db, time, actor, questionnaireId, [new SupplierReply(question, declined, text, evidence)], received, cancel))?.Problem;

    /// <summary>
    /// Records replies received together on <paramref name="received"/> (default today), each by the rules of
    /// <see cref="ReplyAsync"/>, all or none: null when all are recorded (each audited), else the first problem and the
    /// index of the reply it is about (null when it is about them all) and nothing is written.
    /// </summary>
    public static async Task<(int? Reply, string Problem)?> RepliesAsync(RegisterDb db, TimeProvider time, string actor, int questionnaireId,
        IReadOnlyList<SupplierReply> replies, string? received, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var on = today;
        if (received is not null)
        {
            if (RecordFields.ParseDay(received) is not { } day)
            {
                return (null, $"received: '{received}' is not a date written YYYY-MM-DD");
            }
            on = day;
        }
        if (on > today)
        {
            return (null, $"received: {Day(on)} is after today ({Day(today)})");
        }
        var clean = new List<SupplierReply>(replies.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            var (question, declined, text, evidence) = replies[i];
            text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
            question = string.IsNullOrWhiteSpace(question) ? null : question.Trim();
            if (!declined && question is null)
            {
                return (i, "question: name the question answered");
            }
            if (!declined && text is null)
            {
                return (i, "answer: give the supplier's answer (a refusal is recorded with decline)");
            }
            if (text is { Length: > RecordFields.MaxLength } || evidence is { Length: > RecordFields.MaxLength })
            {
                return (i, $"answer and evidence: at most {RecordFields.MaxLength} characters each");
            }
            clean.Add(new SupplierReply(question, declined, text, evidence));
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == questionnaireId, cancel) is not { } questionnaire)
        {
            return (null, $"there is no questionnaire with ID {SupplierRecords.Key(questionnaireId)}");
        }
        var asked = DueDiligenceFindings.Ids(questionnaire.Questions);
        if (clean.FindIndex(r => r.Question is not null && !asked.Contains(r.Question)) is var notAsked and >= 0)
        {
            return (notAsked, $"question: '{clean[notAsked].Question}' was not asked in questionnaire {SupplierRecords.Key(questionnaireId)} (it asked {string.Join(", ", asked)})");
        }
        if (on < questionnaire.Sent)
        {
            return (null, $"received: {Day(on)} is before the questionnaire was sent ({Day(questionnaire.Sent)})");
        }
        foreach (var (question, declined, text, evidence) in clean)
        {
            db.QuestionnaireReplies.Add(new QuestionnaireReply
            {
                QuestionnaireId = questionnaireId, QuestionId = question, Declined = declined, Text = text, Evidence = evidence, Received = on,
            });
            write.Record(declined ? ProcurementAudit.Decline : ProcurementAudit.Answer, ProcurementAudit.Questionnaire, SupplierRecords.Key(questionnaireId), null,
                AuditJson.Of(("question", question), ("text", text), ("evidence", evidence), ("received", Day(on))));
        }
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>A supplier's questionnaires, replies and findings on <paramref name="today"/>.</summary>
    public static async Task<Record> RecordAsync(RegisterDb db, Supplier supplier, DateOnly today, CancellationToken cancel)
    {
        var questionnaires = await db.Questionnaires.AsNoTracking().Where(q => q.SupplierId == supplier.Id).OrderBy(q => q.Sent).ThenBy(q => q.Id).ToListAsync(cancel);
        var ids = questionnaires.ConvertAll(q => q.Id);
        var replies = await db.QuestionnaireReplies.AsNoTracking().Where(r => ids.Contains(r.QuestionnaireId)).OrderBy(r => r.Received).ThenBy(r => r.Id)
            .ToListAsync(cancel);
        return new Record(supplier, questionnaires.ConvertAll(q => new Sent(q, replies.Where(r => r.QuestionnaireId == q.Id).ToList())),
            DueDiligenceFindings.Of(supplier, questionnaires, replies, today));
    }

    /// <summary>Every supplier's findings on <paramref name="today"/>, by supplier; suppliers without findings are left out.</summary>
    public static async Task<List<Record>> WithFindingsAsync(RegisterDb db, DateOnly today, CancellationToken cancel)
    {
        var suppliers = await SupplierRecords.ListAsync(db, cancel);
        var questionnaires = await db.Questionnaires.AsNoTracking().ToListAsync(cancel);
        var replies = await db.QuestionnaireReplies.AsNoTracking().ToListAsync(cancel);
        var records = new List<Record>();
        foreach (var supplier in suppliers)
        {
            var own = questionnaires.Where(q => q.SupplierId == supplier.Id).ToList();
            var findings = DueDiligenceFindings.Of(supplier, own, replies.Where(r => own.Any(q => q.Id == r.QuestionnaireId)).ToList(), today);
            if (findings.Count > 0)
            {
                records.Add(new Record(supplier, [], findings));
            }
        }
        return records;
    }

    /// <summary>The latest questionnaire's state in a word: none, awaiting (answers due), answered, declined, overdue.</summary>
    public static string StatusOf(Record record)
    {
        if (record.Questionnaires.Count == 0)
        {
            return "none";
        }
        var (latest, replies) = record.Questionnaires[^1];
        var findings = record.Findings.Where(f => f.QuestionnaireId == latest.Id).ToList();
        return findings.Any(f => f.Kind == DueDiligenceFindings.Declined) ? "declined"
            : findings.Any(f => f.Kind == DueDiligenceFindings.NoAnswer) ? "overdue"
            : DueDiligenceFindings.Ids(latest.Questions).All(id => replies.Any(r => r.QuestionId == id)) ? "answered"
            : "awaiting";
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
