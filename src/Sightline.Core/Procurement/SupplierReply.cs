namespace Sightline.Procurement;

/// <summary>
/// One reply as the supplier gave it, before it is recorded: an answer to <paramref name="Question"/> with its evidence,
/// or a refusal (<paramref name="Declined"/>) of that question or, with no question, of the whole questionnaire.
/// </summary>
public sealed record SupplierReply(string? Question, bool Declined, string? Text, string? Evidence);
