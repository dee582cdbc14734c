namespace Sightline.CameraFarm;

/// <summary>The one user name and password every farm device accepts on its read-only identity calls.</summary>
public sealed record FarmCredentials(string User, string Password);
