namespace Sightline.OpenStreetMap;

/// <summary>A registered camera and the mapped one taken for it, <paramref name="Metres"/> apart.</summary>
public sealed record CameraMatch(RegisteredCamera Device, MappedCamera Mapped, double Metres);
