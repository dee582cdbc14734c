using Microsoft.EntityFrameworkCore;
using Sightline.Data.Compliance;
using Sightline.Procurement;

namespace Sightline.Data.Procurement;

/// <summary>
/// The papers of a questionnaire: the letter that goes with it (from the organisation's profile, to the supplier on
/// record), and importing the return form the supplier filled in, all or nothing, each reply recorded and audited as
/// <see cref="DueDiligence.ReplyAsync"/> records one.
/// </summary>
public static class QuestionnaireReturns
{
    /// <summary>What an import recorded, or its problems (then nothing was recorded).</summary>
    public sealed record Imported(int Answers, int Refusals, IReadOnlyList<string> Problems);

    /// <summary>The letter for questionnaire <paramref name="questionnaireId"/>, the asked questions' text from <paramref name="set"/>; null when there is no such questionnaire.</summary>
    public static async Task<QuestionnaireLetter?> LetterAsync(RegisterDb db, DueDiligenceQuestions set, int questionnaireId, CancellationToken cancel)
    {
        if (await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == questionnaireId, cancel) is not { } questionnaire)
        {
            return null;
        }
        var supplier = await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == questionnaire.SupplierId, cancel);
        var organisation = await OrganisationProfile.GetAsync(db, cancel);
        return QuestionnaireLetter.Of(organisation?.Name ?? "The organisation", organisation?.LegalName, organisation?.SeniorResponsibleOfficer,
            organisation?.ContactPoint, supplier, questionnaire, set);
    }

    /// <summary>
    /// Records every filled row of a return form for questionnaire <paramref name="questionnaireId"/> as received on
    /// <paramref name="received"/> (default today): all of them, or, on any problem in the file, none.
    /// </summary>
    public static async Task<Imported> ImportAsync(RegisterDb db, TimeProvider time, string actor, int questionnaireId, Stream form, string file,
        string? received, CancellationToken cancel)
    {
        if (await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == questionnaireId, cancel) is not { } questionnaire)
        {
            return new Imported(0, 0, [$"there is no questionnaire with ID {SupplierRecords.Key(questionnaireId)}"]);
        }
        var (rows, problems) = await QuestionnaireForm.ReadAsync(form, file, questionnaireId, DueDiligenceFindings.Ids(questionnaire.Questions), cancel);
        if (problems.Count > 0)
        {
            return new Imported(0, 0, problems);
        }
        if (await DueDiligence.RepliesAsync(db, time, actor, questionnaireId, rows.ConvertAll(r => r.Reply), received, cancel) is { } refused)
        {
            return new Imported(0, 0, [refused.Reply is { } i ? $"{file}:{rows[i].Line}: {refused.Problem}" : refused.Problem]);
        }
        return new Imported(rows.Count(r => !r.Reply.Declined), rows.Count(r => r.Reply.Declined), []);
    }
}
