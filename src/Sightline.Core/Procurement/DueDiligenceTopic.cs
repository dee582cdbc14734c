namespace Sightline.Procurement;

/// <summary>
/// One topic of the due-diligence questionnaire (governance.md §9.3), its questions, the knowledge concern categories it
/// answers to (so the supplier's replies show beside those concerns), and the sources it was written from, each with the
/// day it was read.
/// </summary>
public sealed record DueDiligenceTopic(string Id, string Title, IReadOnlyList<string> ConcernCategories,
    IReadOnlyList<(string Url, string Date)> Sources, IReadOnlyList<(string Id, string Text)> Questions);
