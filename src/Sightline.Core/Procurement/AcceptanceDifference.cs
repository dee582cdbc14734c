namespace Sightline.Procurement;

/// <summary>
/// One difference between what was delivered and the specification. <paramref name="Kind"/> is missing, extra, substitute,
/// firmware, excluded-maker, white-label or exploited; <paramref name="Count"/> the devices it concerns.
/// </summary>
public sealed record AcceptanceDifference(string Kind, int Count, string Text);
