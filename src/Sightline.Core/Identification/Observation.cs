namespace Sightline.Identification;

/// <summary>
/// Raw evidence about a device: what kind of answer it is (see <see cref="ObservationKinds"/>), exactly the
/// captured text, and where and when it was seen. Observations sharing a <paramref name="Group"/> (for example
/// the headers and title of one HTTP response) count as one piece of evidence.
/// </summary>
public sealed record Observation(string Kind, string Value, string? Group = null, string? Where = null, DateTimeOffset? Seen = null);
