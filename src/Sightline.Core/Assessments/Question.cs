namespace Sightline.Assessments;

/// <summary>One question of a principle: an id unique in its set ("3.2") and its text.</summary>
public sealed record Question(string Id, string Text);
