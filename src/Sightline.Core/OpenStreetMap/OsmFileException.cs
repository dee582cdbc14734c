namespace Sightline.OpenStreetMap;

/// <summary>A map file that cannot be read, with where (<c>file:line:column</c>) and why, in one line.</summary>
public sealed class OsmFileException(string message, Exception? inner = null) : Exception(message, inner);
