namespace Sightline.Data.Publishing;

/// <summary>The organisation's public page: who it is, how to reach it, its systems, the open data's licence and when the register last changed.</summary>
public sealed record PublicOrganisation(string Name, string? ContactPoint, string Licence, string? LicenceUrl, DateTimeOffset? LastChanged,
    IReadOnlyList<PublicSystemSummary> Systems);
