namespace Sightline.Data.Publishing;

/// <summary>A system as the organisation's public page lists it: its published cameras and other devices.</summary>
public sealed record PublicSystemSummary(int Id, string Name, string Type, long Cameras, long OtherDevices);
