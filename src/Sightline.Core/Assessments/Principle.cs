namespace Sightline.Assessments;

/// <summary>One of the Code's twelve guiding principles as a question set words it, with its questions.</summary>
public sealed record Principle(int Number, string Title, string Summary, IReadOnlyList<Question> Questions);
