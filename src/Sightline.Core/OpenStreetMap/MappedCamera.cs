namespace Sightline.OpenStreetMap;

/// <summary>A camera as OpenStreetMap maps it: a <c>man_made=surveillance</c> node, its place, the way it faces and its tags.</summary>
/// <param name="Id">The element, as OSM names it (<c>node/123</c>), or the feature's own ID in a GeoJSON file.</param>
/// <param name="Latitude">WGS 84 degrees.</param>
/// <param name="Longitude">WGS 84 degrees.</param>
/// <param name="Direction">Degrees from north it faces (<c>camera:direction</c> or <c>direction</c>), when one is given.</param>
/// <param name="Tags">Its tags (the GeoJSON feature's text properties), at most <see cref="OsmFile.MaxTags"/>.</param>
public sealed record MappedCamera(string Id, double Latitude, double Longitude, double? Direction, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The tag's value, or null.</summary>
    public string? Tag(string key) => Tags.GetValueOrDefault(key);
}
