namespace Sightline.Register;

/// <summary>The CSV header names of <see cref="DeviceColumn"/> and the other names installers' lists use for them.</summary>
public static class DeviceColumns
{
    /// <summary>Number of known columns.</summary>
    public const int Count = 18;

    /// <summary>The canonical header name of each column, indexed by <see cref="DeviceColumn"/>.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "asset_id", "system", "site", "latitude", "longitude", "direction", "kind", "brand", "model", "firmware",
        "serial", "ip", "mac", "installed_on", "installer", "capabilities", "status", "notes",
    ];

    /// <summary>Each column's name in words, for people (<c>asset_id</c> is "Asset ID"), indexed by <see cref="DeviceColumn"/>.</summary>
    public static readonly IReadOnlyList<string> Labels =
    [
        "Asset ID", "System", "Site", "Latitude", "Longitude", "Direction", "Kind", "Brand as sold", "Model", "Firmware",
        "Serial", "IP address", "MAC address", "Installed on", "Installer", "Capabilities", "Status", "Notes",
    ];

    private static readonly Dictionary<string, DeviceColumn> ByKey = BuildKeys();

    /// <summary>A column name in words: a known column's label, else the name with its underscores as spaces.</summary>
    public static string Label(string name)
    {
        var index = ((IList<string>)Names).IndexOf(name);
        if (index >= 0)
        {
            return Labels[index];
        }
        var words = name.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The column a header cell names, or null for an unknown (attribute) column.</summary>
    public static DeviceColumn? Find(string header) => ByKey.TryGetValue(Words.Key(header), out var column) ? column : null;

    /// <summary>The canonical name of a column.</summary>
    public static string Name(DeviceColumn column) => Names[(int)column];

    /// <summary>Columns whose values are free text, and so are guarded against spreadsheet formulas on export.</summary>
    public static bool IsFreeText(DeviceColumn column) =>
        column is not (DeviceColumn.Latitude or DeviceColumn.Longitude or DeviceColumn.Direction or DeviceColumn.Kind
            or DeviceColumn.Ip or DeviceColumn.Mac or DeviceColumn.InstalledOn or DeviceColumn.Capabilities or DeviceColumn.Status);

    private static Dictionary<string, DeviceColumn> BuildKeys()
    {
        var keys = new Dictionary<string, DeviceColumn>();
        for (var i = 0; i < Count; i++)
        {
            keys[Words.Key(Names[i])] = (DeviceColumn)i;
        }
        (string Alias, DeviceColumn Column)[] aliases =
        [
            ("asset", DeviceColumn.AssetId), ("assetno", DeviceColumn.AssetId), ("assetnumber", DeviceColumn.AssetId),
            ("assettag", DeviceColumn.AssetId), ("systemname", DeviceColumn.System), ("sitename", DeviceColumn.Site),
            ("location", DeviceColumn.Site), ("lat", DeviceColumn.Latitude), ("lon", DeviceColumn.Longitude),
            ("lng", DeviceColumn.Longitude), ("long", DeviceColumn.Longitude), ("bearing", DeviceColumn.Direction),
            ("heading", DeviceColumn.Direction), ("type", DeviceColumn.Kind), ("devicetype", DeviceColumn.Kind),
            ("brandassold", DeviceColumn.Brand), ("make", DeviceColumn.Brand), ("manufacturer", DeviceColumn.Brand),
            ("modelnumber", DeviceColumn.Model), ("firmwareversion", DeviceColumn.Firmware), ("fw", DeviceColumn.Firmware),
            ("serialnumber", DeviceColumn.Serial), ("serialno", DeviceColumn.Serial), ("sn", DeviceColumn.Serial),
            ("ipaddress", DeviceColumn.Ip), ("macaddress", DeviceColumn.Mac), ("installed", DeviceColumn.InstalledOn),
            ("installdate", DeviceColumn.InstalledOn), ("installationdate", DeviceColumn.InstalledOn),
            ("installedby", DeviceColumn.Installer), ("features", DeviceColumn.Capabilities), ("note", DeviceColumn.Notes),
            ("comments", DeviceColumn.Notes),
        ];
        foreach (var (alias, column) in aliases)
        {
            keys[alias] = column;
        }
        return keys;
    }
}
