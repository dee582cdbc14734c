namespace Sightline.Data.Publishing;

/// <summary>How many published cameras of a system are made on one platform and sold under one brand; a white label when they differ.</summary>
public sealed record PublicMakerCount(string? Maker, string? Brand, bool WhiteLabel, long Cameras);
