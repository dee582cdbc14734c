namespace Sightline.Assessments;

/// <summary>A question set file that cannot be used; the message names each problem and where it is, one a line.</summary>
public sealed class QuestionSetException(string message, Exception? inner = null) : Exception(message, inner);
