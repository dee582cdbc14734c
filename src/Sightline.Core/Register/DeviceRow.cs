namespace Sightline.Register;

/// <summary>One validated row of an asset list: its line, its values and the header saying which columns it sets.</summary>
public sealed record DeviceRow(long Line, DeviceHeader Header, DeviceValues Values)
{
    /// <summary>The device's Sightline id the row carries (an export's <c>id</c> column), matched before any key; null if none.</summary>
    public int? Id { get; init; }

    /// <summary>
    /// The device as it will be after this row: the columns the file has replace stored values,
    /// the columns it lacks keep them. <paramref name="existing"/> is null for a new device; then the row's own
    /// <see cref="Values"/> are completed with the defaults and returned, not copied, so merge a row once.
    /// </summary>
    public DeviceValues MergeOnto(DeviceValues? existing)
    {
        if (existing is null)
        {
            // The row holds only its header's columns and attributes, which is what a merge onto nothing keeps.
            Values[DeviceColumn.Kind] ??= "camera";
            Values[DeviceColumn.Status] ??= "active";
            return Values;
        }
        var merged = existing.Clone();
        for (var i = 0; i < DeviceColumns.Count; i++)
        {
            // An empty match key (asset id, serial, MAC) means "not given", never "clear it".
            if (Header.Present[i] && (Values[(DeviceColumn)i] is not null || !IsMatchKey((DeviceColumn)i)))
            {
                merged[(DeviceColumn)i] = Values[(DeviceColumn)i];
            }
        }
        merged[DeviceColumn.Kind] ??= "camera";
        merged[DeviceColumn.Status] ??= "active";
        foreach (var name in Header.AttributeNames)
        {
            if (Values.Attributes.TryGetValue(name, out var value))
            {
                merged.Attributes[name] = value;
            }
            else
            {
                merged.Attributes.Remove(name);
            }
        }
        return merged;
    }

    private static bool IsMatchKey(DeviceColumn column) => column is DeviceColumn.AssetId or DeviceColumn.Serial or DeviceColumn.Mac;
}
