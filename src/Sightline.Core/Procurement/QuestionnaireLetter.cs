namespace Sightline.Procurement;

/// <summary>
/// What the letter sent with a due-diligence questionnaire says: who sends it (the organisation, its Senior Responsible
/// Officer and the contact point answers go to), the supplier, the questionnaire's dates, and the questions it asked
/// grouped by the topics of the question set. The HTML, the PDF and the return form are all made from this.
/// </summary>
public sealed record QuestionnaireLetter(string From, string? FromLegalName, string? Signatory, string? ReturnTo, Supplier Supplier,
    Questionnaire Questionnaire, string SetTitle, IReadOnlyList<(string Topic, IReadOnlyList<(string Id, string Text)> Questions)> Topics)
{
    /// <summary>The topic of asked questions the current set no longer holds.</summary>
    public const string OtherTopic = "Other questions";

    /// <summary>The letter for <paramref name="questionnaire"/>: its asked questions, in the set's order, under the set's topics.</summary>
    public static QuestionnaireLetter Of(string from, string? fromLegalName, string? signatory, string? returnTo, Supplier supplier,
        Questionnaire questionnaire, DueDiligenceQuestions set)
    {
        var asked = DueDiligenceFindings.Ids(questionnaire.Questions);
        var topics = new List<(string, IReadOnlyList<(string, string)>)>();
        foreach (var topic in set.Topics)
        {
            var questions = topic.Questions.Where(q => asked.Contains(q.Id)).ToList();
            if (questions.Count > 0)
            {
                topics.Add((topic.Title, questions));
            }
        }
        // The record keeps the IDs asked; a later version of the set may have dropped one, whose text is then not known.
        var known = set.All.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var other = asked.Where(id => !known.Contains(id)).Select(id => (id, $"(question {id} of version {questionnaire.Version}; its text is not in version {set.Version} of the set)")).ToList();
        if (other.Count > 0)
        {
            topics.Add((OtherTopic, other));
        }
        return new QuestionnaireLetter(from, fromLegalName, signatory, returnTo, supplier, questionnaire, set.Title, topics);
    }

    /// <summary>Every asked question with its topic, in the letter's order.</summary>
    public IEnumerable<(string Topic, string Id, string Text)> Questions =>
        Topics.SelectMany(t => t.Questions.Select(q => (t.Topic, q.Id, q.Text)));
}
