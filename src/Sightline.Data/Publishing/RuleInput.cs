namespace Sightline.Data.Publishing;

/// <summary>
/// A change to a publication rule as typed (CLI options or the web form): the location's level (null leaves it; "inherit"
/// drops a device's own), fields to withhold and fields to publish again, the exemption relied on and the review day
/// (null leaves them as they are).
/// </summary>
public sealed record RuleInput(string? Location, IReadOnlyList<string> Withhold, IReadOnlyList<string> Publish, string? Basis, string? Review);
