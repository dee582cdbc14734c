namespace Sightline.Web.Publishing;

/// <summary>The open data's files under /public/open-data/: what each holds and the schema that describes it.</summary>
public static class OpenDataEndpoints
{
    /// <summary>File name, what it holds, its JSON Schema (null when none).</summary>
    public static readonly IReadOnlyList<(string File, string What, string? Schema)> Files =
    [
        ("devices.geojson", "Published devices as GeoJSON points (no geometry where the location is withheld)", "devices.schema.json"),
        ("devices.csv", "The same devices and properties as CSV, with latitude and longitude columns", "devices.schema.json"),
        ("systems.json", "The organisation and its systems: purposes, lawful basis, controller, retention, cameras by maker, compliance", "systems.schema.json"),
        ("devices.osm", "Cameras at their exact location as OpenStreetMap XML (man_made=surveillance nodes with negative ids, for review before any upload)", null),
        ("licence.txt", "The licence statement and attribution", null),
        ("devices.schema.json", "JSON Schema (draft 2020-12) of devices.geojson; its properties are the CSV's columns", null),
        ("systems.schema.json", "JSON Schema (draft 2020-12) of systems.json", null),
    ];
}
