namespace Sightline.Data.Scanning;

/// <summary>An observation as a scan finding's JSON holds it.</summary>
internal sealed record FindingObservation(string Kind, string Value, string? Group, string? Where);
