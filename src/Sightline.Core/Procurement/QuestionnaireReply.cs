namespace Sightline.Procurement;

/// <summary>
/// What a supplier replied to one question of a questionnaire, or to the whole of it (<see cref="QuestionId"/> null): an
/// answer with its evidence, or a refusal to answer.
/// </summary>
public sealed class QuestionnaireReply
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The questionnaire replied to.</summary>
    public int QuestionnaireId { get; set; }

    /// <summary>The question replied to; null when the reply is to the whole questionnaire (a refusal of all of it).</summary>
    public string? QuestionId { get; set; }

    /// <summary>True when the supplier declined to answer.</summary>
    public bool Declined { get; set; }

    /// <summary>The answer in the supplier's words, or what it said when it declined.</summary>
    public string? Text { get; set; }

    /// <summary>Evidence offered with the answer (a URL or a reference to a document).</summary>
    public string? Evidence { get; set; }

    /// <summary>The day the reply was received.</summary>
    public DateOnly Received { get; set; }
}
