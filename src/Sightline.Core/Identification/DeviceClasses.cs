namespace Sightline.Identification;

/// <summary>What a device is. Surveillance classes get a platform maker; others (a router, a printer) do not.</summary>
public static class DeviceClasses
{
    /// <summary>Classes that are surveillance devices.</summary>
    public static IReadOnlySet<string> Surveillance { get; } =
        new HashSet<string>(["camera", "nvr", "dvr", "encoder", "intercom", "vms"], StringComparer.Ordinal);

    /// <summary>Classes that are not.</summary>
    public static IReadOnlySet<string> Other { get; } = new HashSet<string>(
        ["router", "access-point", "switch", "printer", "print-server", "nas", "server", "pc", "phone",
         "media-server", "tv-recorder", "video-conference", "smart-home", "other"], StringComparer.Ordinal);

    /// <summary>Whether a class is in the vocabulary.</summary>
    public static bool IsKnown(string deviceClass) => Surveillance.Contains(deviceClass) || Other.Contains(deviceClass);
}
